package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.jose.Base64Url;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * One disclosure (RFC 9901 section 4.2.1/4.2.2): base64url of the UTF-8 JSON array {@code [salt, name, value]}
 * for an object member or {@code [salt, value]} for an array element. {@link #encoded()} is kept exactly as
 * created or received, because the digest is taken over that text and any re-encoding would change it.
 *
 * @param encoded the base64url text, the disclosure's identity
 * @param salt    the salt
 * @param name    the claim name; empty for an array element
 * @param value   the claim value (a private copy)
 */
public record Disclosure(String encoded, String salt, Optional<String> name, JsonNode value) {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public Disclosure {
        Objects.requireNonNull(encoded, "encoded");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(name, "name");
        value = Objects.requireNonNull(value, "value").deepCopy();
    }

    /** A disclosure for the object member {@code name: value}. */
    public static Disclosure objectProperty(String salt, String name, JsonNode value) {
        if (SdJwtSpecs.SD.equals(name) || SdJwtSpecs.ARRAY_ELEMENT_DIGEST.equals(name)) {
            throw new IllegalArgumentException("a disclosure may not be named " + name);
        }
        ArrayNode array = Json.mapper().createArrayNode().add(salt).add(name).add(value.deepCopy());
        return new Disclosure(encode(array), salt, Optional.of(name), value);
    }

    /** A disclosure for an array element. */
    public static Disclosure arrayElement(String salt, JsonNode value) {
        ArrayNode array = Json.mapper().createArrayNode().add(salt).add(value.deepCopy());
        return new Disclosure(encode(array), salt, Optional.empty(), value);
    }

    /** Decodes a received disclosure, keeping its text for the digest. */
    public static Disclosure parse(String encoded) throws SdJwtException {
        if (encoded == null || encoded.isEmpty()) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not base64url text");
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not base64url text");
        }
        return parseDecoded(encoded, bytes);
    }

    /**
     * {@link #parse(String)} of {@code encoded}, whose US-ASCII bytes are {@code ascii[from, to)} (the SD-JWT
     * parser holds them): decoded from there, without taking the text's bytes again.
     */
    static Disclosure parse(String encoded, byte[] ascii, int from, int to) throws SdJwtException {
        if (encoded.isEmpty()) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not base64url text");
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(ascii, from, to);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not base64url text");
        }
        return parseDecoded(encoded, bytes);
    }

    private static Disclosure parseDecoded(String encoded, byte[] bytes) throws SdJwtException {
        Disclosure plain = parsePlain(encoded, bytes);
        if (plain != null) {
            return plain;
        }
        JsonNode node;
        try {
            requireStrictUtf8(bytes);
            node = Json.parse(bytes);
        } catch (MalformedJsonException e) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not JSON: " + e.getMessage(), e);
        }
        if (!(node instanceof ArrayNode array) || (array.size() != 2 && array.size() != 3)) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure must be a JSON array of 2 or 3 elements");
        }
        if (!array.get(0).isTextual()) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure's salt must be a string");
        }
        String salt = array.get(0).asText();
        if (array.size() == 2) {
            return new Disclosure(encoded, salt, Optional.empty(), array.get(1));
        }
        if (!array.get(1).isTextual()) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure's claim name must be a string");
        }
        String name = array.get(1).asText();
        if (SdJwtSpecs.SD.equals(name) || SdJwtSpecs.ARRAY_ELEMENT_DIGEST.equals(name)) {
            throw new SdJwtException(SdJwtError.RESERVED_CLAIM_NAME, "a disclosure is named with a reserved name");
        }
        return new Disclosure(encoded, salt, Optional.of(name), array.get(2));
    }

    /**
     * The disclosure, if its JSON is plain: an array of two or three elements, each a string of printable
     * US-ASCII without escapes ({@code 0x20}-{@code 0x7E} except {@code "} and {@code \\}), an integer of at
     * most nine digits without a leading zero, {@code true}, {@code false} or {@code null}, the first (and for
     * three, the second) a string, JSON whitespace between tokens and nothing after the array. That is most
     * disclosures ({@code ["salt", "name", "value"]}), and for every such text the strict parser gives the same
     * elements, so reading it by hand skips a Jackson parser per disclosure. Anything else (an object, array,
     * fraction or longer number, an escape, non-ASCII, any malformation) returns null and is read by the strict
     * parser as before, which also gives the refusals their codes. An integer cut off after nine digits is
     * followed by a digit, neither {@code ,} nor {@code ]}, so that text goes to the strict parser too.
     */
    private static Disclosure parsePlain(String encoded, byte[] json) throws SdJwtException {
        JsonNode[] elements = new JsonNode[3];
        int count = 0;
        int i = skipWhitespace(json, 0);
        if (i >= json.length || json[i] != '[') {
            return null;
        }
        i = skipWhitespace(json, i + 1);
        while (true) {
            if (count == elements.length || i >= json.length) {
                return null;
            }
            byte b = json[i];
            int end;
            if (b == '"') {
                end = i + 1;
                while (end < json.length && json[end] != '"') {
                    byte c = json[end];
                    if (c < 0x20 || c > 0x7e || c == '\\') {
                        return null;
                    }
                    end++;
                }
                if (end >= json.length) {
                    return null;
                }
                elements[count++] = TextNode.valueOf(new String(json, i + 1, end - i - 1, StandardCharsets.US_ASCII));
                end++;
            } else if (b == '-' || (b >= '0' && b <= '9')) {
                // An integer of up to nine digits, no leading zero: an int, which the strict parser makes an
                // IntNode of too. Fractions, exponents and longer numbers go to the strict parser.
                int digits = b == '-' ? i + 1 : i;
                end = digits;
                int value = 0;
                while (end < json.length && json[end] >= '0' && json[end] <= '9' && end - digits < 9) {
                    value = value * 10 + (json[end] - '0');
                    end++;
                }
                if (end == digits || (json[digits] == '0' && end - digits > 1)) {
                    return null;
                }
                elements[count++] = IntNode.valueOf(b == '-' ? -value : value);
            } else if (startsWith(json, i, TRUE)) {
                elements[count++] = BooleanNode.TRUE;
                end = i + TRUE.length;
            } else if (startsWith(json, i, FALSE)) {
                elements[count++] = BooleanNode.FALSE;
                end = i + FALSE.length;
            } else if (startsWith(json, i, NULL)) {
                elements[count++] = NullNode.getInstance();
                end = i + NULL.length;
            } else {
                return null;
            }
            i = skipWhitespace(json, end);
            if (i >= json.length) {
                return null;
            }
            if (json[i] == ']') {
                break;
            }
            if (json[i] != ',') {
                return null;
            }
            i = skipWhitespace(json, i + 1);
        }
        if (skipWhitespace(json, i + 1) != json.length || count < 2 || !elements[0].isTextual()
                || (count == 3 && !elements[1].isTextual())) {
            return null;
        }
        String salt = elements[0].textValue();
        if (count == 2) {
            return new Disclosure(encoded, salt, Optional.empty(), elements[1]);
        }
        String name = elements[1].textValue();
        if (SdJwtSpecs.SD.equals(name) || SdJwtSpecs.ARRAY_ELEMENT_DIGEST.equals(name)) {
            throw new SdJwtException(SdJwtError.RESERVED_CLAIM_NAME, "a disclosure is named with a reserved name");
        }
        return new Disclosure(encoded, salt, Optional.of(name), elements[2]);
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code literal} is at {@code at} and not followed by another letter or digit. */
    private static boolean startsWith(byte[] json, int at, byte[] literal) {
        if (at + literal.length > json.length) {
            return false;
        }
        for (int k = 0; k < literal.length; k++) {
            if (json[at + k] != literal[k]) {
                return false;
            }
        }
        int next = at + literal.length;
        return next == json.length || !Character.isLetterOrDigit(json[next]);
    }

    /** The index of the first byte at or after {@code from} that is not JSON whitespace (RFC 8259 section 2). */
    private static int skipWhitespace(byte[] json, int from) {
        int i = from;
        while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
            i++;
        }
        return i;
    }

    /** True for {@code [salt, value]} disclosures. */
    public boolean isArrayElement() {
        return name.isEmpty();
    }

    @Override
    public JsonNode value() {
        return value.deepCopy();
    }

    /**
     * The value without the defensive copy, for {@link DisclosureProcessor}, which only reads it (it builds
     * new containers and shares only immutable scalar nodes).
     */
    JsonNode valueForReading() {
        return value;
    }

    public DisclosureDigest digest(HashAlgorithm alg) {
        return DisclosureDigest.of(this, alg);
    }

    @Override
    public String toString() {
        return encoded;
    }

    private static String encode(ArrayNode array) {
        return B64.encodeToString(Json.write(array).getBytes(StandardCharsets.UTF_8));
    }

    private static void requireStrictUtf8(byte[] bytes) throws SdJwtException {
        if (isAscii(bytes)) {
            // ASCII is valid UTF-8; most disclosures are, and the decoder below allocates on every call.
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE, "a disclosure is not UTF-8");
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
