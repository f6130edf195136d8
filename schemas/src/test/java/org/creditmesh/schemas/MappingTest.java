package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claim ↔ feature mapping ({@code mapping/claim-feature-mapping.json}, MAPPING.md) against the
 * two reference data sets, read in place from {@code ../shared/data/} (never copied), and against the
 * context and JSON Schemas it refers to.
 */
class MappingTest {

    private static final JsonNode MAPPING = readMapping();

    private static JsonNode readMapping() {
        try (var in = SchemaResources.openClaimFeatureMapping()) {
            return ExampleManifest.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"credit-g", "credit_data"})
    void everyColumnOfTheDataSetAppearsInTheMappingAndNothingElse(String dataset) throws IOException {
        JsonNode ds = dataset(dataset);
        List<List<String>> rows = readCsv(ds.get("file").asText());
        Set<String> header = new LinkedHashSet<>(rows.getFirst());
        Set<String> mapped = new LinkedHashSet<>();
        ds.get("columns").forEach(c -> mapped.add(c.get("column").asText()));
        assertThat(mapped).as("columns of %s", ds.get("file").asText()).containsExactlyInAnyOrderElementsOf(header);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"credit-g", "credit_data"})
    void everyValueOfEveryCodedColumnHasAClaimValue(String dataset) throws IOException {
        JsonNode ds = dataset(dataset);
        List<List<String>> rows = readCsv(ds.get("file").asText());
        List<String> header = rows.getFirst();
        for (JsonNode column : ds.get("columns")) {
            JsonNode values = column.get("values");
            String transform = column.get("transform").asText();
            if (values == null || transform.equals("amountBand") && values.size() == 1) {
                continue; // numeric column whose only coded value is the missing marker; checked below
            }
            int index = header.indexOf(column.get("column").asText());
            Set<String> seen = new HashSet<>();
            rows.subList(1, rows.size()).forEach(r -> seen.add(r.get(index)));
            Set<String> covered = new HashSet<>();
            values.fieldNames().forEachRemaining(covered::add);
            assertThat(covered).as("values of %s.%s", dataset, column.get("column").asText()).containsAll(seen);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"credit-g", "credit_data"})
    void numericColumnsHoldNumbersOrTheMissingMarker(String dataset) throws IOException {
        JsonNode ds = dataset(dataset);
        List<List<String>> rows = readCsv(ds.get("file").asText());
        List<String> header = rows.getFirst();
        for (JsonNode column : ds.get("columns")) {
            String transform = column.get("transform").asText();
            if (!Set.of("identity", "amountBand", "ageBand").contains(transform)) {
                continue;
            }
            int index = header.indexOf(column.get("column").asText());
            for (List<String> row : rows.subList(1, rows.size())) {
                String value = row.get(index);
                boolean missing = value.equals("NA") && column.path("values").has("NA");
                assertThat(missing || value.matches("[0-9]+(\\.[0-9]+)?"))
                        .as("%s.%s value %s", dataset, column.get("column").asText(), value).isTrue();
            }
        }
    }

    @Test
    void everyMappedClaimIsATermOfTheContextAndResolvesInAValidExample() {
        Set<String> terms = ContextTest.contextTerms();
        for (JsonNode claim : MAPPING.get("claims")) {
            String name = claim.get("claim").asText();
            assertThat(terms).as("context term for claim %s", name).contains(name);
            CredentialType type = CredentialType.fromTypeName(claim.get("credentialType").asText()).orElseThrow();
            String pointer = claim.get("jsonPointer").asText();
            assertThat(pointer).endsWith("/" + name);
            boolean found = ExampleManifest.entries().stream()
                    .filter(e -> e.type() == type && e.expected() == ExampleManifest.Expected.VALID)
                    .anyMatch(e -> !ExampleManifest.readJson(e.resource()).at(pointer).isMissingNode());
            assertThat(found).as("a valid %s example has %s", type, pointer).isTrue();
        }
    }

    @Test
    void everyColumnClaimIsDeclaredWithTheSameRole() {
        Map<String, String> roles = new HashMap<>();
        MAPPING.get("claims").forEach(c -> roles.put(c.get("claim").asText(), c.get("role").asText()));
        for (JsonNode ds : MAPPING.get("datasets")) {
            for (JsonNode column : ds.get("columns")) {
                String role = column.get("role").asText();
                if (role.equals("target")) {
                    assertThat(column.get("claims")).as("a label is never a claim").isEmpty();
                    continue;
                }
                assertThat(column.get("claims")).isNotEmpty();
                for (JsonNode claim : column.get("claims")) {
                    assertThat(roles).containsEntry(claim.asText(), role);
                }
            }
        }
    }

    @Test
    void protectedAttributesAreNeverScoringInputs() {
        Set<String> protectedColumns = new HashSet<>();
        for (JsonNode ds : MAPPING.get("datasets")) {
            ds.get("columns").forEach(c -> {
                if (c.get("role").asText().equals("protected")) {
                    protectedColumns.add(c.get("column").asText());
                    assertThat(c.get("note").asText()).contains("fairness report only, never a scoring input");
                }
            });
        }
        assertThat(protectedColumns).containsExactlyInAnyOrder("personal_status", "foreign_worker", "age", "Age", "Marital");
    }

    @Test
    void codedClaimValuesAreMembersOfTheSchemaEnumerations() {
        Map<String, JsonNode> claims = new HashMap<>();
        MAPPING.get("claims").forEach(c -> claims.put(c.get("claim").asText(), c));
        for (JsonNode ds : MAPPING.get("datasets")) {
            for (JsonNode column : ds.get("columns")) {
                if (!column.get("transform").asText().equals("enum")) {
                    continue;
                }
                for (JsonNode value : column.get("values")) {
                    JsonNode claimValue = value.get("claimValue");
                    if (claimValue.isNull()) {
                        continue;
                    }
                    if (claimValue.isObject()) {
                        claimValue.properties().forEach(p -> assertInEnum(claims.get(p.getKey()), p.getValue().asText()));
                    } else {
                        assertInEnum(claims.get(column.get("claims").get(0).asText()), claimValue.asText());
                    }
                }
            }
        }
    }

    private static void assertInEnum(JsonNode claim, String value) {
        CredentialType type = CredentialType.fromTypeName(claim.get("credentialType").asText()).orElseThrow();
        JsonNode schema = ExampleManifest.readJson(type.jsonSchemaResource()).get("$defs").get("subject");
        String[] path = claim.get("jsonPointer").asText().substring("/credentialSubject/".length()).split("/");
        for (String segment : path) {
            schema = schema.get("properties").get(segment);
        }
        List<String> allowed = new ArrayList<>();
        schema.get("enum").forEach(v -> allowed.add(v.asText()));
        assertThat(allowed).as("enum of %s", claim.get("claim").asText()).contains(value);
    }

    @Test
    void mappingMarkdownNamesEveryColumnAndClaim() throws IOException {
        Path markdown = Path.of("MAPPING.md");
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        for (JsonNode ds : MAPPING.get("datasets")) {
            ds.get("columns").forEach(c -> assertThat(text).contains("| `" + c.get("column").asText() + "` |"));
        }
        MAPPING.get("claims").forEach(c -> assertThat(text).contains("| `" + c.get("claim").asText() + "` |"));
    }

    private static JsonNode dataset(String name) {
        for (JsonNode ds : MAPPING.get("datasets")) {
            if (ds.get("name").asText().equals(name)) {
                return ds;
            }
        }
        throw new AssertionError("no data set " + name + " in the mapping");
    }

    /**
     * Rows of a CSV under {@code <creditmesh.shared.dir>/data/}; the test is skipped when the shared
     * folder is absent. Hand-split: neither file has a comma or quote inside a field (checked by the
     * field-count assertion), so a CSV library would add nothing.
     */
    private static List<List<String>> readCsv(String file) throws IOException {
        String shared = System.getProperty("creditmesh.shared.dir", "../../shared");
        Path path = Path.of(shared, "data", file);
        Assumptions.assumeTrue(Files.isRegularFile(path),
                () -> "skipped: data set " + path + " not present (../shared/data beside the checkout)");
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String field : line.split(",", -1)) {
                fields.add(field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                        ? field.substring(1, field.length() - 1) : field);
            }
            if (!rows.isEmpty()) {
                assertThat(fields).as("fields of a row of %s", file).hasSameSizeAs(rows.getFirst());
            }
            rows.add(fields);
        }
        return rows;
    }
}
