package org.creditmesh.core.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/**
 * A public signature key: its type and raw bytes (32 bytes for Ed25519, the 33-byte SEC1 compressed
 * point for P-256 and secp256k1, which is what Multikey and did:key carry). Immutable; the point is
 * decoded and validated once, at construction, so that verification does no parsing.
 *
 * <p>A class rather than a record because it keeps the decoded point next to the bytes.
 */
public final class VerificationKey {

    private final KeyType type;
    private final byte[] raw;
    private final Ed25519.PublicPoint edPoint;
    private final ECPublicKeyParameters ecKey;

    private VerificationKey(KeyType type, byte[] raw, Ed25519.PublicPoint edPoint, ECPublicKeyParameters ecKey) {
        this.type = type;
        this.raw = raw;
        this.edPoint = edPoint;
        this.ecKey = ecKey;
    }

    /**
     * A key from its raw bytes. EC keys may be given compressed (33 bytes) or uncompressed (65 bytes);
     * they are kept compressed.
     */
    public static VerificationKey of(KeyType type, byte[] raw) throws KeyException {
        Objects.requireNonNull(type, "type");
        if (raw == null) {
            throw new KeyException(KeyError.INVALID_KEY, "no public key bytes");
        }
        if (type == KeyType.ED25519) {
            if (raw.length != Ed25519.PUBLIC_KEY_SIZE) {
                throw new KeyException(KeyError.INVALID_KEY,
                        "an Ed25519 public key has 32 bytes, not " + raw.length);
            }
            // Partial validation (point decodes) as RFC 8032 section 5.1.7 asks; small-order points are
            // rejected at verification time by BouncyCastle.
            Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(raw, 0);
            if (point == null) {
                throw new KeyException(KeyError.INVALID_KEY, "not a valid Ed25519 public key");
            }
            return new VerificationKey(type, raw.clone(), point, null);
        }
        if (raw.length != 33 && raw.length != 65) {
            throw new KeyException(KeyError.INVALID_KEY,
                    "an EC public key is a 33-byte compressed or 65-byte uncompressed point, not " + raw.length + " bytes");
        }
        EcCurve curve = EcCurve.of(type);
        ECPoint point = curve.decodePoint(raw);
        return new VerificationKey(type, point.getEncoded(true), null, new ECPublicKeyParameters(point, curve.domain()));
    }

    /** Reads a public JWK (OKP Ed25519, EC P-256 or secp256k1). Private members, if present, are ignored. */
    public static VerificationKey fromJwk(JWK jwk) throws KeyException {
        if (jwk instanceof OctetKeyPair okp) {
            if (!Curve.Ed25519.equals(okp.getCurve())) {
                throw new KeyException(KeyError.UNSUPPORTED_KEY_TYPE, "unsupported OKP curve " + okp.getCurve());
            }
            return of(KeyType.ED25519, okp.getX().decode());
        }
        if (jwk instanceof ECKey ec) {
            KeyType type = KeyType.fromCurveName(ec.getCurve().getName())
                    .orElseThrow(() -> new KeyException(KeyError.UNSUPPORTED_KEY_TYPE, "unsupported EC curve " + ec.getCurve()));
            byte[] x = ec.getX().decode();
            byte[] y = ec.getY().decode();
            if (x.length != 32 || y.length != 32) {
                throw new KeyException(KeyError.INVALID_JWK, "EC coordinates must be 32 bytes each (RFC 7518 section 6.2.1.2)");
            }
            ECPoint point = EcCurve.of(type).pointFromAffine(x, y);
            return of(type, point.getEncoded(true));
        }
        throw new KeyException(KeyError.UNSUPPORTED_KEY_TYPE,
                "unsupported JWK key type " + (jwk == null ? "null" : jwk.getKeyType()));
    }

    /** Reads a public JWK from its JSON text. */
    public static VerificationKey parseJwk(String json) throws KeyException {
        try {
            return fromJwk(JWK.parse(json));
        } catch (java.text.ParseException e) {
            throw new KeyException(KeyError.INVALID_JWK, "not a JWK: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a Multikey {@code publicKeyMultibase} value (W3C Controlled Identifiers 1.0, section 2.2.2):
     * base58btc multibase of the multicodec varint prefix and the raw key.
     */
    public static VerificationKey fromMultikey(String publicKeyMultibase) throws KeyException {
        MulticodecValue value = MulticodecValue.decodeMultibase(publicKeyMultibase);
        KeyType type = KeyType.fromMulticodec(value.codec())
                .orElseThrow(() -> new KeyException(KeyError.UNSUPPORTED_KEY_TYPE,
                        "unsupported multicodec 0x" + Integer.toHexString(value.codec())));
        return of(type, value.bytes());
    }

    public KeyType type() {
        return type;
    }

    /** The raw key bytes (a copy). */
    public byte[] raw() {
        return raw.clone();
    }

    /** The Multikey {@code publicKeyMultibase} form ({@code z6Mk...} for Ed25519, {@code zDn...} for P-256). */
    public String toMultikey() {
        return MulticodecValue.encodeMultibase(type.multicodec(), raw);
    }

    /** The public JWK, without {@code kid} or {@code alg}. */
    public JWK toJwk() {
        if (type == KeyType.ED25519) {
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw)).build();
        }
        ECPoint point = ecKey.getQ();
        return new ECKey.Builder(type.curve(),
                Base64URL.encode(BigIntegers.asUnsignedByteArray(32, point.getAffineXCoord().toBigInteger())),
                Base64URL.encode(BigIntegers.asUnsignedByteArray(32, point.getAffineYCoord().toBigInteger())))
                .build();
    }

    /** RFC 7638 JWK thumbprint (SHA-256), base64url. */
    public String thumbprint() {
        try {
            return toJwk().computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Verifies a signature over {@code message}: pure Ed25519 (RFC 8032), or ECDSA with SHA-256 in the
     * 64-byte R||S form. Returns false for any malformed signature; never throws for bad input.
     */
    public boolean verify(byte[] message, byte[] signature) {
        return message != null && verify(message, 0, message.length, signature);
    }

    /**
     * {@link #verify(byte[], byte[])} over {@code message[offset, offset + length)}: a JWS parser that holds the
     * received text as bytes verifies its signing input, a prefix of them, without copying it out first.
     */
    public boolean verify(byte[] message, int offset, int length, byte[] signature) {
        if (message == null || signature == null || signature.length != type.signatureLength()
                || offset < 0 || length < 0 || offset > message.length - length) {
            return false;
        }
        if (type == KeyType.ED25519) {
            return Ed25519.verify(signature, 0, edPoint, message, offset, length);
        }
        return EcCurve.of(type).verify(ecKey, message, offset, length, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey other && type == other.type && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "VerificationKey[" + type.curveName() + " " + toMultikey() + "]";
    }

}
