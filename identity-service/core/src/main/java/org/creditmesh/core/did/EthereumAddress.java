package org.creditmesh.core.did;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.VerificationKey;

/**
 * An Ethereum account address: the last 20 bytes of Keccak-256 over the 64-byte uncompressed
 * secp256k1 public point (Ethereum Yellow Paper, appendix F), written with the EIP-55 mixed-case
 * checksum. The on-chain issuer registry names issuers' secp256k1 keys by it (did:ethr style).
 *
 * @param value the address in its EIP-55 checksummed form, {@code 0x} + 40 hex digits
 */
public record EthereumAddress(String value) {

    private static final Pattern HEX40 = Pattern.compile("0x[0-9a-fA-F]{40}");

    public EthereumAddress {
        Objects.requireNonNull(value, "value");
        if (!HEX40.matcher(value).matches() || !value.equals(checksum(value.substring(2)))) {
            throw new IllegalArgumentException("not an EIP-55 checksummed address");
        }
    }

    /** The address of a secp256k1 key. */
    public static EthereumAddress of(VerificationKey key) throws DidException {
        if (key.type() != KeyType.SECP256K1) {
            throw new DidException(DidError.UNSUPPORTED_KEY_TYPE, "Ethereum addresses are derived from secp256k1 keys only");
        }
        byte[] uncompressed = CustomNamedCurves.getByName("secp256k1").getCurve().decodePoint(key.raw()).getEncoded(false);
        byte[] hash = keccak256(uncompressed, 1, 64); // skip the 0x04 prefix
        byte[] address = new byte[20];
        System.arraycopy(hash, 12, address, 0, 20);
        return new EthereumAddress(checksum(HexFormat.of().formatHex(address)));
    }

    /**
     * Parses an address. All-lower or all-upper case hex is accepted as unchecksummed (EIP-55 says
     * such addresses carry no checksum); mixed case must carry a correct checksum.
     */
    public static EthereumAddress parse(String address) throws DidException {
        if (address == null || !HEX40.matcher(address).matches()) {
            throw new DidException(DidError.INVALID_ETHEREUM_ADDRESS, "an address is 0x and 40 hex digits");
        }
        String hex = address.substring(2);
        String checksummed = checksum(hex);
        boolean singleCase = hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!singleCase && !checksummed.equals(address)) {
            throw new DidException(DidError.INVALID_ETHEREUM_ADDRESS, "the EIP-55 checksum of the address is wrong");
        }
        return new EthereumAddress(checksummed);
    }

    /** The 20 address bytes. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(value.substring(2));
    }

    /** EIP-55: upper-case each hex letter whose nibble in keccak256(lower-case hex) is 8 or more. */
    private static String checksum(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        byte[] ascii = lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] hash = keccak256(ascii, 0, ascii.length);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static byte[] keccak256(byte[] in, int off, int len) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(in, off, len);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return value;
    }
}
