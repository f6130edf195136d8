package org.creditmesh.core.keys;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA with SHA-256 on P-256 and secp256k1 through BouncyCastle's lightweight API. One code path for
 * both curves because the JDK no longer ships secp256k1 (removed in JDK 16); BouncyCastle's custom
 * curve implementations are also faster than the JDK's generic EC code.
 */
final class EcCurve {

    static final EcCurve P256 = new EcCurve("secp256r1");
    static final EcCurve SECP256K1 = new EcCurve("secp256k1");

    private final ECDomainParameters domain;
    private final BigInteger halfOrder;

    private EcCurve(String name) {
        X9ECParameters params = CustomNamedCurves.getByName(name);
        this.domain = new ECDomainParameters(params.getCurve(), params.getG(), params.getN(), params.getH());
        this.halfOrder = params.getN().shiftRight(1);
    }

    static EcCurve of(KeyType type) {
        return switch (type) {
            case P256 -> P256;
            case SECP256K1 -> SECP256K1;
            case ED25519 -> throw new IllegalArgumentException("Ed25519 is not an ECDSA curve");
        };
    }

    ECDomainParameters domain() {
        return domain;
    }

    /** Decodes and validates a SEC1 point (compressed or uncompressed); throws if it is not on the curve. */
    ECPoint decodePoint(byte[] encoded) throws KeyException {
        try {
            ECPoint point = domain.getCurve().decodePoint(encoded).normalize();
            if (point.isInfinity() || !point.isValid()) {
                throw new KeyException(KeyError.INVALID_KEY, "public key is not a valid point on the curve");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new KeyException(KeyError.INVALID_KEY, "public key is not a valid point on the curve", e);
        }
    }

    /** The point for affine coordinates, validated. */
    ECPoint pointFromAffine(byte[] x, byte[] y) throws KeyException {
        try {
            ECPoint point = domain.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y)).normalize();
            if (point.isInfinity() || !point.isValid()) {
                throw new KeyException(KeyError.INVALID_KEY, "public key is not a valid point on the curve");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw new KeyException(KeyError.INVALID_KEY, "public key is not a valid point on the curve", e);
        }
    }

    ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize();
    }

    BigInteger validPrivateScalar(byte[] d) throws KeyException {
        BigInteger scalar = new BigInteger(1, d);
        if (scalar.signum() <= 0 || scalar.compareTo(domain.getN()) >= 0) {
            throw new KeyException(KeyError.INVALID_KEY, "private key is out of range for the curve");
        }
        return scalar;
    }

    /** Deterministic (RFC 6979) ECDSA signature in the 64-byte R||S form of RFC 7518 section 3.4; low S. */
    byte[] sign(BigInteger d, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(d, domain));
        BigInteger[] rs = signer.generateSignature(sha256(message));
        BigInteger s = rs[1].compareTo(halfOrder) > 0 ? domain.getN().subtract(rs[1]) : rs[1];
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(s, out, 32, 32);
        return out;
    }

    boolean verify(ECPublicKeyParameters key, byte[] message, int offset, int length, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        BigInteger n = domain.getN();
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(message, offset, length), r, s);
    }

    static byte[] sha256(byte[] message) {
        return sha256(message, 0, message.length);
    }

    private static byte[] sha256(byte[] message, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(message, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
