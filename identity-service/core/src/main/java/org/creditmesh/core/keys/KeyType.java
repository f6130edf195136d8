package org.creditmesh.core.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signature key types CreditMesh issues and verifies with. Each carries the names it has in the
 * specs that mention it, so that no other class needs a table of curve names.
 */
public enum KeyType {
    /** EdDSA over edwards25519 (RFC 8032); JOSE {@code EdDSA}/{@code Ed25519} (RFC 8037, RFC 9864). */
    ED25519("Ed25519", Curve.Ed25519, JWSAlgorithm.EdDSA, 0xed, 32, 64),
    /** ECDSA over NIST P-256 with SHA-256; JOSE {@code ES256} (RFC 7518 section 3.4). */
    P256("P-256", Curve.P_256, JWSAlgorithm.ES256, 0x1200, 33, 64),
    /** ECDSA over secp256k1 with SHA-256; JOSE {@code ES256K} (RFC 8812 section 3.2), Ethereum-linked keys. */
    SECP256K1("secp256k1", Curve.SECP256K1, JWSAlgorithm.ES256K, 0xe7, 33, 64);

    private final String curveName;
    private final Curve curve;
    private final JWSAlgorithm jwsAlgorithm;
    private final int multicodec;
    private final int publicKeyLength;
    private final int signatureLength;

    KeyType(String curveName, Curve curve, JWSAlgorithm jwsAlgorithm, int multicodec, int publicKeyLength,
            int signatureLength) {
        this.curveName = curveName;
        this.curve = curve;
        this.jwsAlgorithm = jwsAlgorithm;
        this.multicodec = multicodec;
        this.publicKeyLength = publicKeyLength;
        this.signatureLength = signatureLength;
    }

    /** The JWK {@code crv} value. */
    public String curveName() {
        return curveName;
    }

    /** Nimbus' curve constant. */
    public Curve curve() {
        return curve;
    }

    /** The JWS {@code alg} this key signs with. */
    public JWSAlgorithm jwsAlgorithm() {
        return jwsAlgorithm;
    }

    /** The multicodec code of the public key ({@code ed25519-pub}, {@code p256-pub}, {@code secp256k1-pub}). */
    public int multicodec() {
        return multicodec;
    }

    /** Length of the raw public key: 32 bytes for Ed25519, 33 (SEC1 compressed point) for the EC curves. */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** Length of a signature: 64 bytes (Ed25519 R||S, or ECDSA R||S in the JOSE/IEEE P1363 form). */
    public int signatureLength() {
        return signatureLength;
    }

    /** The key type for a JWK {@code crv}, if supported. */
    public static Optional<KeyType> fromCurveName(String crv) {
        return Arrays.stream(values()).filter(t -> t.curveName.equals(crv)).findFirst();
    }

    /** The key type for a multicodec public key code, if supported. */
    public static Optional<KeyType> fromMulticodec(int code) {
        return Arrays.stream(values()).filter(t -> t.multicodec == code).findFirst();
    }

    /** The key type a JWS {@code alg} requires, if supported. {@code Ed25519} (RFC 9864) is taken as EdDSA. */
    public static Optional<KeyType> fromJwsAlgorithm(JWSAlgorithm alg) {
        if (alg == null) {
            return Optional.empty();
        }
        if ("Ed25519".equals(alg.getName())) {
            return Optional.of(ED25519);
        }
        // A loop over a constant array: on every JWS verification, values() (a copy) and a stream were
        // about 2 % of verifying an SD-JWT.
        for (KeyType type : TYPES) {
            if (type.jwsAlgorithm.equals(alg)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static final KeyType[] TYPES = values();
}
