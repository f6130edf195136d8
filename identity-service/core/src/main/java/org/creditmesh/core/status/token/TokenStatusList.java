package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.creditmesh.core.json.Json;

/**
 * The Status List of the IETF Token Status List (draft-ietf-oauth-status-list-20 section 4), immutable: a
 * byte array of statuses of {@code bits} bits each, packed from the least significant bit of byte 0, so that
 * entry {@code i} occupies bits {@code (i*bits) % 8} upwards of byte {@code i*bits / 8} (section 4.1 step 3,
 * section 11.1). With 1, 2, 4 or 8 bits an entry never straddles two bytes.
 *
 * <p>{@link #lst()} compresses with the JDK's {@link Deflater} at {@link Deflater#BEST_COMPRESSION} in the
 * ZLIB format (RFC 1950 around RFC 1951 DEFLATE), as section 4.1 step 4 requires and recommends.
 * {@link #parse(JsonNode, int)} decompresses with a bound on the output.
 */
public final class TokenStatusList {

    private final int bits;
    private final byte[] bytes;

    private TokenStatusList(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
    }

    /** An all-VALID list with room for {@code entries} statuses of {@code bits} bits (1, 2, 4 or 8). */
    public static TokenStatusList create(int entries, int bits) throws TokenStatusException {
        checkBits(bits);
        if (entries < 1) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "a status list has at least one entry");
        }
        long length = ((long) entries * bits + 7) / 8;
        if (length > TokenStatusSpecs.DEFAULT_MAX_DECOMPRESSED_BYTES) {
            throw new TokenStatusException(TokenStatusError.DECOMPRESSION_LIMIT,
                    "a list of " + entries + " entries is larger than " + TokenStatusSpecs.DEFAULT_MAX_DECOMPRESSED_BYTES + " bytes");
        }
        return new TokenStatusList(bits, new byte[(int) length]);
    }

    /** A list over an already decompressed byte array (copied). */
    public static TokenStatusList of(int bits, byte[] bytes) throws TokenStatusException {
        checkBits(bits);
        if (bytes.length == 0) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "the status list byte array is empty");
        }
        return new TokenStatusList(bits, bytes.clone());
    }

    /** The JSON Status List object ({@code bits}, {@code lst}) with the default decompression bound. */
    public static TokenStatusList parse(JsonNode statusList) throws TokenStatusException {
        return parse(statusList, TokenStatusSpecs.DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    /**
     * The JSON Status List object of section 4.2. {@code aggregation_uri} and other members are ignored.
     * Decompression stops with {@link TokenStatusError#DECOMPRESSION_LIMIT} as soon as the output would
     * exceed {@code maxDecompressedBytes}.
     */
    public static TokenStatusList parse(JsonNode statusList, int maxDecompressedBytes) throws TokenStatusException {
        if (statusList == null || !statusList.isObject()) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "the status_list claim is a JSON object (section 4.2)");
        }
        JsonNode bits = statusList.get(TokenStatusSpecs.BITS);
        if (bits == null || !bits.isIntegralNumber() || !bits.canConvertToInt()
                || !TokenStatusSpecs.ALLOWED_BITS.contains(bits.intValue())) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "bits is the integer 1, 2, 4 or 8 (section 4.2)");
        }
        JsonNode lst = statusList.get(TokenStatusSpecs.LST);
        if (lst == null || !lst.isTextual()) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "lst is a string (section 4.2)");
        }
        return new TokenStatusList(bits.intValue(), inflate(decodeBase64Url(lst.textValue()), maxDecompressedBytes));
    }

    /** Bits per entry: 1, 2, 4 or 8. */
    public int bits() {
        return bits;
    }

    /** How many entries the byte array holds: its length times 8 / {@code bits}. */
    public long size() {
        return (long) bytes.length * 8 / bits;
    }

    /** The uncompressed byte array (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The status value at {@code index}; {@link TokenStatusError#INDEX_OUT_OF_RANGE} outside the list. */
    public int get(long index) throws TokenStatusException {
        checkIndex(index);
        long bit = index * bits;
        int mask = (1 << bits) - 1;
        return (bytes[(int) (bit >>> 3)] >>> (bit & 7)) & mask;
    }

    /** A copy of this list with the status at {@code index} set to {@code value}. */
    public TokenStatusList with(long index, int value) throws TokenStatusException {
        checkIndex(index);
        if (value < 0 || value >= (1 << bits)) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_VALUE,
                    "status value " + value + " does not fit in " + bits + " bit(s)");
        }
        byte[] copy = bytes.clone();
        long bit = index * bits;
        int at = (int) (bit >>> 3);
        int shift = (int) (bit & 7);
        int mask = ((1 << bits) - 1) << shift;
        copy[at] = (byte) ((copy[at] & ~mask) | (value << shift));
        return new TokenStatusList(bits, copy);
    }

    /** The ZLIB-compressed byte array (section 4.1 step 4), highest compression level. */
    public byte[] compressed() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, false);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 16));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The {@code lst} value: base64url (no padding) of {@link #compressed()} (section 4.2). */
    public String lst() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(compressed());
    }

    /** The JSON Status List object: {@code {"bits": n, "lst": "..."}}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(TokenStatusSpecs.BITS, bits);
        node.put(TokenStatusSpecs.LST, lst());
        return node;
    }

    private void checkIndex(long index) throws TokenStatusException {
        if (index < 0 || index >= size()) {
            throw new TokenStatusException(TokenStatusError.INDEX_OUT_OF_RANGE,
                    "index " + index + " is outside the list of " + size() + " entries (section 8.3 step 6)");
        }
    }

    private static void checkBits(int bits) throws TokenStatusException {
        if (!TokenStatusSpecs.ALLOWED_BITS.contains(bits)) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "bits is 1, 2, 4 or 8 (section 4.1 step 1)");
        }
    }

    /** Strict base64url: the JDK decoder would also take '=' padding, which base64url in JOSE omits. */
    private static byte[] decodeBase64Url(String text) throws TokenStatusException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "lst is base64url without padding (section 4.2)");
            }
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "lst is not valid base64url", e);
        }
    }

    /**
     * ZLIB (RFC 1950) decompression that counts its output: {@link Inflater} checks the ZLIB header and the
     * Adler-32 trailer; a preset dictionary, truncated data or bytes after the end are refused.
     */
    private static byte[] inflate(byte[] compressed, int maxBytes) throws TokenStatusException {
        Inflater inflater = new Inflater(false);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished()) {
                    throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, inflater.needsDictionary()
                            ? "lst uses a preset ZLIB dictionary" : "lst ends before the ZLIB stream does");
                }
                total += n;
                if (total > maxBytes) {
                    throw new TokenStatusException(TokenStatusError.DECOMPRESSION_LIMIT,
                            "lst decompresses to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "lst has bytes after the end of the ZLIB stream");
            }
            if (total == 0) {
                throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST, "lst decompresses to an empty byte array");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_LIST,
                    "lst is not ZLIB/DEFLATE data (RFC 1950, RFC 1951; section 4.1 step 4)", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenStatusList other && bits == other.bits && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bits + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TokenStatusList[" + size() + " entries of " + bits + " bit(s)]";
    }
}
