package org.creditmesh.scoring.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.schemas.SchemaResources;

/**
 * The claim ↔ feature mapping table of the schemas module ({@code schemas/MAPPING.md}, machine-readable in
 * {@code claim-feature-mapping.json}): which credential claim feeds which column of a data set, and how
 * coded values map. Read-only after loading.
 */
public final class ClaimFeatureMapping {

    /** What a claim may be used for. */
    public enum Role {
        SCORING, PROTECTED, TARGET, OUTPUT;

        static Role of(String text) throws ScoringInputException {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(text)) {
                    return r;
                }
            }
            throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, null, "unknown role '" + text + "' in the mapping table");
        }
    }

    /**
     * One claim of the vocabulary.
     *
     * @param claim          the claim's name (a term of the CreditMesh context)
     * @param credentialType the credential type that carries it ({@code KycCredential}, ...)
     * @param path           its path below {@code credentialSubject}, which is also its path in an SD-JWT VC payload
     * @param kind           {@code enum}, {@code integer}, {@code amountBand}, ...
     * @param role           what it may be used for
     */
    public record ClaimDefinition(String claim, String credentialType, List<String> path, String kind, Role role) {
        public ClaimDefinition {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(credentialType, "credentialType");
            path = List.copyOf(path);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * How one column of a data set is fed.
     *
     * @param column    the column name in the data set's CSV
     * @param claims    the claims that feed it (several only for protected combined columns)
     * @param role      what the column may be used for
     * @param transform how the claim value becomes the column value (see the table's {@code transforms})
     * @param values    coded column values → claim value ({@code null} node = claim absent), in table order
     */
    public record ColumnMapping(String column, List<String> claims, Role role, String transform, Map<String, JsonNode> values) {
        public ColumnMapping {
            Objects.requireNonNull(column, "column");
            claims = List.copyOf(claims);
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(transform, "transform");
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The column value that stands for "claim absent", when the table declares one (e.g. credit-g's A65). */
        public Optional<String> absentValue() {
            return values.entrySet().stream().filter(e -> e.getValue() == null || e.getValue().isNull())
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    /**
     * The mapping of one data set.
     *
     * @param name     the data set's name in the table ({@code credit-g}, {@code credit_data})
     * @param currency the currency of its amounts, when it states one
     * @param columns  its columns by name
     */
    public record DatasetMapping(String name, Optional<String> currency, Map<String, ColumnMapping> columns) {
        public DatasetMapping {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(currency, "currency");
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public Optional<ColumnMapping> column(String column) {
            return Optional.ofNullable(columns.get(column));
        }
    }

    private static final String SUBJECT_POINTER = "/credentialSubject/";

    private final Map<String, ClaimDefinition> claims;
    private final Map<String, DatasetMapping> datasets;

    private ClaimFeatureMapping(Map<String, ClaimDefinition> claims, Map<String, DatasetMapping> datasets) {
        this.claims = claims;
        this.datasets = datasets;
    }

    /** The table shipped in the schemas jar. */
    public static ClaimFeatureMapping load() throws ScoringInputException {
        try (InputStream in = SchemaResources.openClaimFeatureMapping()) {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, "the mapping table cannot be read", e);
        }
    }

    /** Parses a mapping table in the format of {@code claim-feature-mapping.json}. */
    public static ClaimFeatureMapping parse(byte[] json) throws ScoringInputException {
        ObjectNode root;
        try {
            root = Json.parseObject(json);
        } catch (CreditMeshException e) {
            throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, "the mapping table is not valid JSON", e);
        }
        Map<String, ClaimDefinition> claims = new LinkedHashMap<>();
        for (JsonNode c : root.path("claims")) {
            String name = text(c, "claim");
            String pointer = text(c, "jsonPointer");
            if (!pointer.startsWith(SUBJECT_POINTER)) {
                throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, name,
                        "claim '" + name + "' is not below /credentialSubject");
            }
            List<String> path = new ArrayList<>();
            for (String part : pointer.substring(SUBJECT_POINTER.length()).split("/")) {
                path.add(part.replace("~1", "/").replace("~0", "~"));
            }
            claims.put(name, new ClaimDefinition(name, text(c, "credentialType"), path, text(c, "kind"), Role.of(text(c, "role"))));
        }
        Map<String, DatasetMapping> datasets = new LinkedHashMap<>();
        for (JsonNode d : root.path("datasets")) {
            Map<String, ColumnMapping> columns = new LinkedHashMap<>();
            for (JsonNode col : d.path("columns")) {
                List<String> fed = new ArrayList<>();
                for (JsonNode n : col.path("claims")) {
                    if (!claims.containsKey(n.asText())) {
                        throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, n.asText(),
                                "column '" + text(col, "column") + "' names claim '" + n.asText() + "', which the table does not define");
                    }
                    fed.add(n.asText());
                }
                Map<String, JsonNode> values = new LinkedHashMap<>();
                col.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().get("claimValue")));
                ColumnMapping mapping = new ColumnMapping(text(col, "column"), fed, Role.of(text(col, "role")),
                        text(col, "transform"), values);
                columns.put(mapping.column(), mapping);
            }
            String name = text(d, "name");
            Optional<String> currency = d.hasNonNull("currency") ? Optional.of(d.get("currency").asText()) : Optional.empty();
            datasets.put(name, new DatasetMapping(name, currency, columns));
        }
        return new ClaimFeatureMapping(java.util.Collections.unmodifiableMap(claims), java.util.Collections.unmodifiableMap(datasets));
    }

    private static String text(JsonNode node, String member) throws ScoringInputException {
        JsonNode v = node.get(member);
        if (v == null || !v.isTextual()) {
            throw new ScoringInputException(ScoringInputError.INVALID_MAPPING, null, "the mapping table lacks '" + member + "' in an entry");
        }
        return v.asText();
    }

    public Optional<ClaimDefinition> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    public Map<String, ClaimDefinition> claims() {
        return claims;
    }

    public List<String> datasetNames() {
        return List.copyOf(datasets.keySet());
    }

    /** The mapping of one data set, by its name in the table. */
    public DatasetMapping dataset(String name) throws ScoringInputException {
        DatasetMapping d = datasets.get(name);
        if (d == null) {
            throw new ScoringInputException(ScoringInputError.UNKNOWN_DATASET, null,
                    "the mapping table has no data set '" + name + "' (it has " + datasets.keySet() + ")");
        }
        return d;
    }
}
