package org.creditmesh.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where untrusted JSON is parsed. Parsing is strict on purpose: duplicate members are an
 * error (two readers of the same credential must never see different values, RFC 8259 section 4 leaves
 * that to the implementation and RFC 7515 section 5.2 requires rejection for JOSE headers), inputs are
 * bounded in size and depth, and trailing content is refused.
 */
public final class Json {

    /** Largest JSON document the core accepts from outside. Credentials are a few KB; a status list ~ 30 KB. */
    public static final int MAX_INPUT_BYTES = 1 << 20;

    /** Deepest nesting accepted; credentials nest a handful of levels. */
    public static final int MAX_NESTING_DEPTH = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /**
     * The mapper {@link #parse(byte[])} reads trees with: {@link #MAPPER}'s configuration without the parser's own
     * duplicate-name tracking ({@code STRICT_DUPLICATE_DETECTION}, a hash set of the names of every object). A
     * tree cannot hold a member twice, and with {@code FAIL_ON_READING_DUP_TREE_KEY} the tree builder refuses
     * the second one itself (same "Duplicate" error, same {@link JsonError#DUPLICATE_MEMBER}); tracking names
     * twice was about 1 % of verifying a vc+jwt. {@link #mapper()} keeps the parser-level check for streaming
     * and data-binding uses, where no tree is built.
     */
    private static final JsonMapper TREE_MAPPER = MAPPER.rebuild()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        for (JsonMapper mapper : new JsonMapper[] {MAPPER, TREE_MAPPER}) {
            mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_INPUT_BYTES)
                    .maxNumberLength(1000)
                    .build());
        }
    }

    private Json() {
    }

    /** The shared, strictly configured mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses any JSON value. */
    public static JsonNode parse(String json) throws MalformedJsonException {
        if (json == null) {
            throw new MalformedJsonException(JsonError.MALFORMED_JSON, "no JSON input");
        }
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses any JSON value from UTF-8 bytes. */
    public static JsonNode parse(byte[] json) throws MalformedJsonException {
        if (json == null || json.length == 0) {
            throw new MalformedJsonException(JsonError.MALFORMED_JSON, "empty JSON input");
        }
        if (json.length > MAX_INPUT_BYTES) {
            throw new MalformedJsonException(JsonError.INPUT_TOO_LARGE,
                    "JSON input of " + json.length + " bytes exceeds the limit of " + MAX_INPUT_BYTES);
        }
        try (JsonParser parser = TREE_MAPPER.createParser(json)) {
            JsonNode node = TREE_MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException(JsonError.MALFORMED_JSON, "empty JSON input");
            }
            if (parser.nextToken() != null) {
                throw new MalformedJsonException(JsonError.MALFORMED_JSON, "trailing content after the JSON value");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException(JsonError.NESTING_TOO_DEEP, "JSON exceeds a parser limit: " + firstLine(e), e);
        } catch (JsonProcessingException e) {
            String message = firstLine(e);
            JsonError code = message.contains("Duplicate") ? JsonError.DUPLICATE_MEMBER : JsonError.MALFORMED_JSON;
            throw new MalformedJsonException(code, "invalid JSON: " + message, e);
        } catch (IOException e) {
            throw new MalformedJsonException(JsonError.MALFORMED_JSON, "unreadable JSON: " + firstLine(e), e);
        } catch (NumberFormatException e) {
            // Jackson reads a float as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS) and lets BigDecimal's refusal of
            // an exponent beyond its range (1e32147483648) through unchecked.
            throw new MalformedJsonException(JsonError.MALFORMED_JSON, "a number in the JSON is out of range", e);
        }
    }

    /** Parses a JSON object; anything else is {@link JsonError#NOT_AN_OBJECT}. */
    public static ObjectNode parseObject(String json) throws MalformedJsonException {
        return requireObject(parse(json));
    }

    /** Parses a JSON object from UTF-8 bytes. */
    public static ObjectNode parseObject(byte[] json) throws MalformedJsonException {
        return requireObject(parse(json));
    }

    /** A JSON object as an insertion-ordered map of plain Java values (for Nimbus and SD-JWT claim sets). */
    public static Map<String, Object> toMap(JsonNode object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = MAPPER.convertValue(object, LinkedHashMap.class);
        return map;
    }

    /** Plain Java values (maps, lists, strings, numbers, booleans, null) as a tree. */
    public static JsonNode toNode(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Compact serialization, members in insertion order. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + firstLine(e), e);
        }
    }

    /** Indented serialization for people. */
    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + firstLine(e), e);
        }
    }

    private static ObjectNode requireObject(JsonNode node) throws MalformedJsonException {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedJsonException(JsonError.NOT_AN_OBJECT, "expected a JSON object but found " + node.getNodeType());
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
