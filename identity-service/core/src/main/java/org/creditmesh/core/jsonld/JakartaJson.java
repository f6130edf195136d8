package org.creditmesh.core.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Jackson trees (the project's JSON model, parsed strictly by {@code Json}) to the jakarta.json values
 * Titanium reads. A direct tree walk: re-serializing and re-parsing would double the parsing cost of
 * every verification.
 */
final class JakartaJson {

    /** Looked up once: {@code JsonProvider.provider()} runs a ServiceLoader scan on every call. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    /** The cached provider, for builders elsewhere in this package. */
    static JsonProvider provider() {
        return PROVIDER;
    }

    private static final BigDecimal DOUBLE_THRESHOLD = new BigDecimal("1e21");

    private JakartaJson() {
    }

    /** An object's members except {@code skipped}, which the caller handles itself. */
    static jakarta.json.JsonObject objectWithout(JsonNode object, String skipped) throws JsonLdException {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!member.getKey().equals(skipped)) {
                builder.add(member.getKey(), from(member.getValue()));
            }
        }
        return builder.build();
    }

    /** A one-element array, built through the cached provider (see {@link #PROVIDER}). */
    static JsonArray arrayOf(JsonValue element) {
        return PROVIDER.createArrayBuilder().add(element).build();
    }

    static JsonValue from(JsonNode node) throws JsonLdException {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                JsonObjectBuilder object = PROVIDER.createObjectBuilder();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    object.add(member.getKey(), from(member.getValue()));
                }
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = PROVIDER.createArrayBuilder();
                for (JsonNode element : node) {
                    array.add(from(element));
                }
                yield array.build();
            }
            case STRING -> PROVIDER.createValue(node.textValue());
            case BOOLEAN -> node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL -> JsonValue.NULL;
            case NUMBER -> number(node);
            default -> throw new JsonLdException(JsonLdError.INVALID_JSON_LD,
                    "a JSON-LD document holds only JSON values, not " + node.getNodeType());
        };
    }

    /**
     * JSON-LD 1.1 (toRdf, "Object to RDF Conversion" step 10) types a number as xsd:integer unless it has
     * a non-zero fractional part or is at least 10^21; {@code 5.0} is therefore the integer 5, as in
     * jsonld.js. Titanium decides on the number's scale instead, so integral decimals are passed as
     * integers here to sign the same bytes as the reference implementation.
     */
    private static JsonValue number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? PROVIDER.createValue(node.longValue())
                    : PROVIDER.createValue(node.bigIntegerValue());
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() == 0) {
            return PROVIDER.createValue(0L);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(DOUBLE_THRESHOLD) < 0) {
            return PROVIDER.createValue(stripped.toBigIntegerExact());
        }
        return PROVIDER.createValue(value);
    }
}
