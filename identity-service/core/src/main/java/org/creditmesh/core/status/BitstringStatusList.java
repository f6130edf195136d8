package org.creditmesh.core.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of W3C Bitstring Status List v1.0, immutable: index 0 is the left-most (most
 * significant) bit of the first byte (section 2.2, encodedList); a status of {@code statusSize} bits for
 * index {@code i} occupies bits {@code i*statusSize} to {@code i*statusSize + statusSize - 1}, the first
 * of them the most significant.
 *
 * <p>{@link #encode()} is the Bitstring Generation Algorithm (section 3.3): GZIP (RFC 1952), then
 * multibase base64url without padding ({@code u} prefix). {@link #decode(String, int)} is the Bitstring
 * Expansion Algorithm (section 3.4), bounded against GZIP bombs.
 */
public final class BitstringStatusList {

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** An all-zero list of {@link StatusSpecs#MIN_ENTRIES} one-bit entries (16 KB). */
    public static BitstringStatusList create() {
        return new BitstringStatusList(new byte[StatusSpecs.MIN_ENTRIES / 8]);
    }

    /**
     * An all-zero list of {@code entries} statuses of {@code statusSize} bits. Section 3.3 asks for at
     * least 16 KB, so at least {@link StatusSpecs#MIN_ENTRIES} entries.
     */
    public static BitstringStatusList create(int entries, int statusSize) throws StatusException {
        if (statusSize < 1 || statusSize > 8) {
            throw new StatusException(StatusError.INVALID_STATUS_ENTRY, "statusSize must be 1 to 8 bits here");
        }
        if (entries < StatusSpecs.MIN_ENTRIES) {
            throw new StatusException(StatusError.STATUS_LIST_TOO_SHORT,
                    "a status list has at least " + StatusSpecs.MIN_ENTRIES + " entries (section 3.3)");
        }
        long bitCount = (long) entries * statusSize;
        if (bitCount > (long) StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES * 8) {
            throw new StatusException(StatusError.STATUS_LIST_TOO_LARGE, "a status list this large is not supported");
        }
        return new BitstringStatusList(new byte[(int) ((bitCount + 7) / 8)]);
    }

    /** Decodes an {@code encodedList} with the default bound {@link StatusSpecs#DEFAULT_MAX_UNCOMPRESSED_BYTES}. */
    public static BitstringStatusList decode(String encodedList) throws StatusException {
        return decode(encodedList, StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES);
    }

    /**
     * Decodes an {@code encodedList}: multibase base64url (no padding) of GZIP data (section 3.4).
     * Decompression stops, with {@link StatusError#STATUS_LIST_TOO_LARGE}, as soon as the output would
     * exceed {@code maxUncompressedBytes}.
     */
    public static BitstringStatusList decode(String encodedList, int maxUncompressedBytes) throws StatusException {
        if (encodedList == null || encodedList.length() < 2 || encodedList.charAt(0) != StatusSpecs.MULTIBASE_BASE64URL) {
            throw new StatusException(StatusError.INVALID_ENCODED_LIST,
                    "encodedList is multibase base64url and starts with 'u' (section 2.2)");
        }
        String body = encodedList.substring(1);
        // The JDK decoder accepts '=' padding; the specification says "with no padding", so check the
        // alphabet first.
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new StatusException(StatusError.INVALID_ENCODED_LIST,
                        "encodedList is base64url without padding (section 2.2)");
            }
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new StatusException(StatusError.INVALID_ENCODED_LIST, "encodedList is not valid base64url", e);
        }
        return new BitstringStatusList(gunzip(compressed, maxUncompressedBytes));
    }

    /** The list's bytes, as before compression (a copy). */
    public byte[] bytes() {
        return bits.clone();
    }

    /** Length of the uncompressed bitstring in bits. */
    public long sizeInBits() {
        return (long) bits.length * 8;
    }

    /** Number of entries of {@code statusSize} bits. */
    public long entries(int statusSize) {
        return sizeInBits() / statusSize;
    }

    /** The bit at {@code index} (one-bit statuses). */
    public boolean get(long index) throws StatusException {
        return status(index, 1) != 0;
    }

    /** The status value of {@code statusSize} bits at entry {@code index}. */
    public int status(long index, int statusSize) throws StatusException {
        long first = checkRange(index, statusSize);
        int value = 0;
        for (int i = 0; i < statusSize; i++) {
            long bit = first + i;
            value = (value << 1) | ((bits[(int) (bit >>> 3)] >> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    /** A copy of this list with the one-bit status at {@code index} set or cleared. */
    public BitstringStatusList with(long index, boolean set) throws StatusException {
        return withStatus(index, 1, set ? 1 : 0);
    }

    /** A copy of this list with the {@code statusSize}-bit status at {@code index} set to {@code value}. */
    public BitstringStatusList withStatus(long index, int statusSize, int value) throws StatusException {
        if (value < 0 || value >= (1 << statusSize)) {
            throw new StatusException(StatusError.INVALID_STATUS_ENTRY, "a status value does not fit in statusSize bits");
        }
        long first = checkRange(index, statusSize);
        byte[] copy = bits.clone();
        for (int i = 0; i < statusSize; i++) {
            long bit = first + i;
            int mask = 1 << (7 - (bit & 7));
            int bitValue = (value >> (statusSize - 1 - i)) & 1;
            int at = (int) (bit >>> 3);
            copy[at] = (byte) (bitValue == 1 ? copy[at] | mask : copy[at] & ~mask);
        }
        return new BitstringStatusList(copy);
    }

    /** The {@code encodedList} value: {@code u} + base64url (no padding) of the GZIP-compressed bitstring. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory GZIP cannot fail", e);
        }
        return StatusSpecs.MULTIBASE_BASE64URL + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private long checkRange(long index, int statusSize) throws StatusException {
        if (statusSize < 1 || statusSize > 31) {
            throw new StatusException(StatusError.INVALID_STATUS_ENTRY, "statusSize must be a small positive integer");
        }
        if (index < 0 || index > sizeInBits() / statusSize - 1) {
            throw new StatusException(StatusError.STATUS_INDEX_OUT_OF_RANGE,
                    "status index " + index + " is outside the list of " + entries(statusSize) + " entries (section 3.2, RANGE_ERROR)");
        }
        return index * statusSize;
    }

    private static byte[] gunzip(byte[] compressed, int maxBytes) throws StatusException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new StatusException(StatusError.STATUS_LIST_TOO_LARGE,
                            "encodedList decompresses to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new StatusException(StatusError.INVALID_ENCODED_LIST, "encodedList is not GZIP data (RFC 1952)", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitstringStatusList other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "BitstringStatusList[" + sizeInBits() + " bits]";
    }
}
