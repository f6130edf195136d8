package org.creditmesh.core.did;

import com.apicatalog.base.Base58;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.MulticodecValue;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The did:key method (W3C CCG "The did:key Method v0.9"): the DID is the Multikey form of a public
 * key, {@code did:key:<base58btc(multicodec varint || raw key)>}, and the document is derived from it
 * with no network access ("Document Creation Algorithm", section 3.1.1 of the spec).
 *
 * <p>Supports Ed25519 ({@code z6Mk...}, 32-byte keys), P-256 ({@code zDn...}) and secp256k1
 * ({@code zQ3s...}), both as 33-byte SEC1 compressed points. Other key types the spec lists (X25519,
 * BLS12-381, P-384, P-521, RSA) fail with {@link DidError#UNSUPPORTED_KEY_TYPE}.
 *
 * <p>The optional X25519 key agreement method for Ed25519 keys ({@code enableEncryptionKeyDerivation},
 * default false in the spec) is not added to documents, because CreditMesh's
 * {@link VerificationKey} holds signature keys only; {@link #x25519KeyAgreementKey(VerificationKey)}
 * derives the key for callers that need it.
 */
public final class DidKey implements DidMethodResolver {

    /** Multicodec of x25519-pub, for the derived key agreement key. */
    private static final int X25519_PUB = 0xec;
    /** 2^255 - 19, the field of Curve25519 / edwards25519. */
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final KeyFormat format;

    /** Documents with {@code Multikey} methods, as v0.9 produces by default. */
    public DidKey() {
        this(KeyFormat.MULTIKEY);
    }

    /** Documents with methods in {@code format} (the spec's {@code publicKeyFormat} option). */
    public DidKey(KeyFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public String method() {
        return DidSpecs.METHOD_KEY;
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    /** The did:key of {@code key}. */
    public static Did create(VerificationKey key) {
        return new Did(DidSpecs.METHOD_KEY, key.toMultikey());
    }

    /**
     * The public key a did:key encodes (spec section 3.1.2 "Decode Public Key Algorithm"): base58btc
     * multibase, a supported multicodec and the exact key length for it.
     */
    public static VerificationKey publicKey(String did) throws DidException {
        Did parsed = Did.parse(did);
        if (!parsed.method().equals(DidSpecs.METHOD_KEY)) {
            throw new DidException(DidError.METHOD_NOT_SUPPORTED, "not a did:key");
        }
        return publicKey(parsed);
    }

    static VerificationKey publicKey(Did did) throws DidException {
        String multibaseValue = multibaseValue(did);
        MulticodecValue value;
        try {
            value = MulticodecValue.decodeMultibase(multibaseValue);
        } catch (KeyException e) {
            throw new DidException(DidError.INVALID_DID, "the did:key value is not base58btc multibase with a multicodec header", e);
        }
        KeyType type = KeyType.fromMulticodec(value.codec()).orElse(null);
        if (type == null) {
            String known = DidSpecs.unsupportedCodecName(value.codec());
            throw new DidException(DidError.UNSUPPORTED_KEY_TYPE, known != null
                    ? "did:key " + known + " keys are not supported"
                    : "unknown did:key multicodec 0x" + Integer.toHexString(value.codec()));
        }
        byte[] raw = value.bytes();
        if (raw.length != type.publicKeyLength()) {
            throw new DidException(DidError.INVALID_PUBLIC_KEY_LENGTH, "a did:key " + type.curveName() + " key has "
                    + type.publicKeyLength() + " bytes, not " + raw.length);
        }
        try {
            return VerificationKey.of(type, raw);
        } catch (KeyException e) {
            throw new DidException(DidError.INVALID_PUBLIC_KEY, "the did:key key is not a valid " + type.curveName() + " key", e);
        }
    }

    /**
     * The multibase value of a did:key. Section 3.1.1 allows an optional version component
     * ({@code did:key:1:z...}); only version 1 exists.
     */
    private static String multibaseValue(Did did) throws DidException {
        String[] parts = did.methodSpecificId().split(":", -1);
        if (parts.length == 2 && parts[0].equals("1")) {
            return parts[1];
        }
        if (parts.length != 1) {
            throw new DidException(DidError.INVALID_DID, "a did:key is did:key[:1]:<multibase value>");
        }
        if (!parts[0].startsWith("z")) {
            throw new DidException(DidError.INVALID_DID, "a did:key value is base58btc multibase, starting with 'z'");
        }
        return parts[0];
    }

    @Override
    public DidDocument resolve(String did) throws DidException {
        return document(requireMethod(did));
    }

    /**
     * The document of the spec's Document Creation Algorithm: one verification method
     * {@code did:key:X#X} referenced from authentication, assertionMethod, capabilityInvocation and
     * capabilityDelegation.
     */
    public DidDocument document(Did did) throws DidException {
        VerificationKey key = publicKey(did);
        if (!format.supports(key.type())) {
            throw new DidException(DidError.UNSUPPORTED_KEY_TYPE,
                    format.type() + " cannot express a " + key.type().curveName() + " key");
        }
        String multibase = multibaseValue(did);
        String methodId = did + "#" + multibase;
        VerificationMethod method = new VerificationMethod(methodId, format, did.toString(), key);
        return DidDocument.builder(did)
                .context(DidSpecs.CONTEXT_DID_V1, format.context())
                .verificationMethod(method)
                .reference(VerificationRelationship.AUTHENTICATION, methodId)
                .reference(VerificationRelationship.ASSERTION_METHOD, methodId)
                .reference(VerificationRelationship.CAPABILITY_INVOCATION, methodId)
                .reference(VerificationRelationship.CAPABILITY_DELEGATION, methodId)
                .build();
    }

    /**
     * The X25519 key agreement key derived from an Ed25519 key, as a Multikey ({@code z6LS...}): the
     * birational map u = (1 + y) / (1 - y) mod p (RFC 7748 section 4.1), which the did:key spec's
     * "Encryption Method Creation Algorithm" applies. Hand-written because BouncyCastle converts only
     * private keys; the arithmetic is four BigInteger operations.
     */
    public static String x25519KeyAgreementKey(VerificationKey ed25519) throws DidException {
        if (ed25519.type() != KeyType.ED25519) {
            throw new DidException(DidError.UNSUPPORTED_KEY_TYPE, "only Ed25519 keys convert to X25519");
        }
        byte[] littleEndian = ed25519.raw();
        littleEndian[31] &= 0x7f; // drop the sign bit of x
        BigInteger y = new BigInteger(1, reverse(littleEndian));
        BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
        if (denominator.signum() == 0) {
            throw new DidException(DidError.INVALID_PUBLIC_KEY, "the Ed25519 identity point has no X25519 form");
        }
        BigInteger u = BigInteger.ONE.add(y).multiply(denominator.modInverse(P)).mod(P);
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, bigEndian.length);
        System.arraycopy(bigEndian, bigEndian.length - n, out, 32 - n, n);
        return MulticodecValue.encodeMultibase(X25519_PUB, reverse(out));
    }

    /** The raw X25519 key of {@link #x25519KeyAgreementKey}, base58btc without multibase prefix (legacy form). */
    public static String x25519KeyAgreementKeyBase58(VerificationKey ed25519) throws DidException {
        try {
            byte[] prefixed = MulticodecValue.decodeMultibase(x25519KeyAgreementKey(ed25519)).bytes();
            return Base58.encode(prefixed);
        } catch (KeyException e) {
            throw new IllegalStateException("encoded just above", e);
        }
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = Arrays.copyOf(in, in.length);
        for (int i = 0; i < out.length / 2; i++) {
            byte t = out[i];
            out[i] = out[out.length - 1 - i];
            out[out.length - 1 - i] = t;
        }
        return out;
    }

    @Override
    public String toString() {
        return "DidKey[" + format.type() + "]";
    }
}
