package org.creditmesh.core.keys;

import com.apicatalog.multibase.Multibase;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Bytes tagged with a multicodec code (an unsigned LEB128 varint prefix), as did:key and Multikey carry
 * them. Written here because it is a dozen lines; copper-multicodec would add a registry of thousands
 * of codes for the three we use.
 *
 * @param codec the multicodec code, e.g. {@code 0xed} for ed25519-pub
 * @param bytes the value after the prefix
 */
public record MulticodecValue(int codec, byte[] bytes) {

    public MulticodecValue {
        if (codec < 0) {
            throw new IllegalArgumentException("multicodec codes are unsigned");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Decodes a base58btc multibase string ({@code z...}) into code and value. */
    public static MulticodecValue decodeMultibase(String multibase) throws KeyException {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != Multibase.BASE_58_BTC.prefix()) {
            throw new KeyException(KeyError.INVALID_MULTIKEY, "expected a base58btc multibase value starting with 'z'");
        }
        byte[] decoded;
        try {
            decoded = Multibase.BASE_58_BTC.decode(multibase);
        } catch (IllegalArgumentException e) {
            throw new KeyException(KeyError.INVALID_MULTIKEY, "not valid base58btc", e);
        }
        int codec = 0;
        int shift = 0;
        int i = 0;
        while (true) {
            if (i >= decoded.length || shift > 28) {
                throw new KeyException(KeyError.INVALID_MULTIKEY, "truncated or oversized multicodec prefix");
            }
            int b = decoded[i++] & 0xff;
            codec |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return new MulticodecValue(codec, Arrays.copyOfRange(decoded, i, decoded.length));
    }

    /** Encodes code and value as base58btc multibase. */
    public static String encodeMultibase(int codec, byte[] value) {
        return Multibase.BASE_58_BTC.encode(new MulticodecValue(codec, value).prefixed());
    }

    /** The varint prefix followed by the value. */
    public byte[] prefixed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
        int remaining = codec;
        while (remaining >= 0x80) {
            out.write((remaining & 0x7f) | 0x80);
            remaining >>>= 7;
        }
        out.write(remaining);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticodecValue other && codec == other.codec && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * codec + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MulticodecValue[0x" + Integer.toHexString(codec) + ", " + bytes.length + " bytes]";
    }
}
