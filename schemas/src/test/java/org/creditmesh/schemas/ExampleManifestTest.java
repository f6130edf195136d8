package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Manifest-driven conformance (the Jena SHACL test-suite style): every entry of
 * {@code examples/manifest.json} goes through the JSON Schema of its type and through strict JSON-LD
 * expansion + SHACL, and each side must accept or reject it as the manifest says.
 */
class ExampleManifestTest {

    static List<ExampleManifest.Entry> entries() {
        return ExampleManifest.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("Each example passes or fails JSON Schema and SHACL as its manifest entry says")
    void exampleHasTheOutcomeItsManifestEntrySays(ExampleManifest.Entry entry) {
        String json = ExampleManifest.readText(entry.resource());

        Set<ValidationMessage> schemaErrors = JsonSchemas.validate(entry.type(), ExampleManifest.readJson(entry.resource()));
        String rdfFailure = rdfFailure(entry.type(), json);

        boolean schemaRejects = !schemaErrors.isEmpty();
        boolean shaclRejects = rdfFailure != null;
        String why = entry.reason() + "\n  schema: " + schemaErrors.stream().map(ValidationMessage::getMessage)
                .collect(Collectors.joining("; ")) + "\n  rdf/shacl: " + rdfFailure;
        if (entry.expected() == ExampleManifest.Expected.VALID) {
            assertThat(schemaRejects).as("JSON Schema rejects a valid example: %s", why).isFalse();
            assertThat(shaclRejects).as("SHACL rejects a valid example: %s", why).isFalse();
        } else {
            assertThat(schemaRejects).as("JSON Schema verdict (expected reject: %s): %s", entry.schemaMustReject(), why)
                    .isEqualTo(entry.schemaMustReject());
            assertThat(shaclRejects).as("SHACL verdict (expected reject: %s): %s", entry.shaclMustReject(), why)
                    .isEqualTo(entry.shaclMustReject());
        }
    }

    /** Null when the RDF form conforms; otherwise what failed (strict expansion or SHACL). */
    private static String rdfFailure(CredentialType type, String json) {
        Graph graph;
        try {
            graph = RdfForm.toGraph(json);
        } catch (RiotException e) {
            return "JSON-LD: " + e.getMessage();
        }
        Node typeNode = NodeFactory.createURI(type.typeIri());
        if (!graph.contains(Node.ANY, RDF.type.asNode(), typeNode)) {
            // Without its type no shape targets the credential; that must not pass as "conforms".
            return "no node of type " + type.typeIri();
        }
        ValidationReport report = RdfForm.validate(type, graph);
        if (report.conforms()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShLib.printReport(out, report);
        return "SHACL: " + out.toString(StandardCharsets.UTF_8);
    }

    /**
     * An invalid example must be rejected for the change it makes, not for something else: it differs
     * from a valid example of its type (which passes both validators) by exactly one change.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEntries")
    void invalidExampleIsOneChangeAwayFromTheValidExampleItIsBasedOn(ExampleManifest.Entry entry) {
        ExampleManifest.Entry base = entries().stream().filter(e -> e.file().equals(entry.basedOn())).findFirst()
                .orElseThrow(() -> new AssertionError("basedOn " + entry.basedOn() + " is not in the manifest"));
        assertThat(base.expected()).isEqualTo(ExampleManifest.Expected.VALID);
        assertThat(base.type()).isEqualTo(entry.type());
        List<String> changes = new ArrayList<>();
        diff("", ExampleManifest.readJson(base.resource()), ExampleManifest.readJson(entry.resource()), changes);
        assertThat(changes).as("changes from %s", base.file()).hasSize(1);
    }

    static List<ExampleManifest.Entry> invalidEntries() {
        return entries().stream().filter(e -> e.expected() == ExampleManifest.Expected.INVALID).toList();
    }

    /** JSON pointers where the two documents differ; objects compare member-wise, anything else whole. */
    private static void diff(String at, JsonNode a,
                             JsonNode b, List<String> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(at + "/" + name, a.get(name), b.get(name), out);
            }
        } else if (a == null || !a.equals(b)) {
            out.add(at);
        }
    }

    @Test
    void everyTypeHasAtLeastThreeValidAndFiveInvalidExamples() {
        for (CredentialType type : CredentialType.values()) {
            long valid = entries().stream().filter(e -> e.type() == type && e.expected() == ExampleManifest.Expected.VALID).count();
            long invalid = entries().stream().filter(e -> e.type() == type && e.expected() == ExampleManifest.Expected.INVALID).count();
            assertThat(valid).as("valid examples of %s", type).isGreaterThanOrEqualTo(3);
            assertThat(invalid).as("invalid examples of %s", type).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void everyExampleFileIsInTheManifestAndUnderItsExpectedFolder() throws Exception {
        Path root = Path.of(
                Objects.requireNonNull(getClass().getClassLoader().getResource("examples")).toURI());
        Set<String> onDisk;
        try (var files = Files.walk(root)) {
            onDisk = files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("manifest.json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> listed = entries().stream().map(ExampleManifest.Entry::file).collect(Collectors.toSet());
        assertThat(listed).isEqualTo(onDisk);
        for (ExampleManifest.Entry e : entries()) {
            assertThat(e.file()).contains("/" + e.expected().name().toLowerCase(Locale.ROOT) + "/");
        }
    }
}
