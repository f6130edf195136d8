package org.creditmesh.anchor.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 32-byte value: a hash submitted for anchoring, a tree node, a root, a transaction or block hash.
 * Written as {@code 0x} and 64 lower-case hex digits (upper case accepted on input), as in Ethereum
 * JSON-RPC.
 *
 * @param bytes the 32 bytes (copied in and out)
 */
public record Hash32(byte[] bytes) implements Comparable<Hash32> {

    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    public Hash32 {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a Hash32 has 32 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Copies 32 bytes starting at {@code offset}. */
    public static Hash32 of(byte[] source, int offset) {
        return new Hash32(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    /** Parses {@code 0x} + 64 hex digits. */
    public static Hash32 parse(String hex) throws MerkleException {
        if (hex == null || hex.length() != 2 + 2 * LENGTH || !(hex.startsWith("0x") || hex.startsWith("0X"))) {
            throw new MerkleException(MerkleError.INVALID_HASH, "expected 0x followed by 64 hex digits");
        }
        for (int i = 2; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new MerkleException(MerkleError.INVALID_HASH, "not a hex digit at position " + i);
            }
        }
        return new Hash32(HEX.parseHex(hex, 2, hex.length()));
    }

    /** keccak256 of the UTF-8 bytes of {@code text}: how DIDs and credential type names become on-chain keys. */
    public static Hash32 keccakOfUtf8(String text) {
        return new Hash32(Keccak.keccak256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The value as {@code 0x} + 64 lower-case hex digits. */
    public String toHex() {
        return "0x" + HEX.formatHex(bytes);
    }

    void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    @Override
    public int compareTo(Hash32 other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash32 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
