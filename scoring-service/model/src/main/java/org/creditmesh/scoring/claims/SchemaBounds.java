package org.creditmesh.scoring.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.json.Json;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.schemas.SchemaResources;

/**
 * The numeric range ({@code minimum}/{@code maximum}) the credential type's JSON Schema allows a claim, so that
 * "out of range" means what the schemas say rather than a second list kept here. Only local {@code $ref}s
 * ({@code #/$defs/...}) are followed, which is all our schemas use.
 */
final class SchemaBounds {

    /** A closed range; either end may be open. */
    record Range(Optional<Double> min, Optional<Double> max) {
        static final Range NON_NEGATIVE = new Range(Optional.of(0.0), Optional.empty());

        boolean contains(double v) {
            return min.map(m -> v >= m).orElse(true) && max.map(m -> v <= m).orElse(true);
        }
    }

    private static final Map<String, Optional<JsonNode>> SCHEMAS = new ConcurrentHashMap<>();

    private SchemaBounds() {
    }

    /** The range of the claim at {@code path} below the subject; non-negative when the schema states none. */
    static Range of(String credentialType, List<String> path) {
        Optional<JsonNode> schema = SCHEMAS.computeIfAbsent(credentialType, SchemaBounds::load);
        if (schema.isEmpty()) {
            return Range.NON_NEGATIVE;
        }
        JsonNode root = schema.get();
        JsonNode node = resolve(root, root.path("properties").path("credentialSubject"));
        for (String element : path) {
            node = resolve(root, node.path("properties").path(element));
        }
        Optional<Double> min = node.has("minimum") ? Optional.of(node.get("minimum").asDouble()) : Optional.of(0.0);
        Optional<Double> max = node.has("maximum") ? Optional.of(node.get("maximum").asDouble()) : Optional.empty();
        return new Range(min, max);
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        for (int hops = 0; hops < 8 && node.has("$ref") && node.get("$ref").asText().startsWith("#/"); hops++) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static Optional<JsonNode> load(String credentialType) {
        Optional<CredentialType> type = CredentialType.fromTypeName(credentialType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = SchemaResources.openJsonSchema(type.get())) {
            return Optional.of(Json.parse(in.readAllBytes()));
        } catch (IOException | org.creditmesh.core.error.CreditMeshException e) {
            // The schemas jar is ours; an unreadable schema falls back to "non-negative", the weakest bound.
            return Optional.empty();
        }
    }
}
