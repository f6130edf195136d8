package org.creditmesh.core.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/**
 * A private signature key and its public half. The private bytes never leave this object except
 * through {@link #exportPrivateJwk()}, which a keystore calls on purpose; {@link #toString()} shows
 * only the public key.
 *
 * <p>Ed25519 signs with BouncyCastle's RFC 8032 code, which is several times faster than the JDK
 * provider on these machines (see BENCHMARKS.md); ECDSA is deterministic (RFC 6979).
 */
public final class SigningKey implements Destroyable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyType type;
    private final byte[] privateBytes;
    private final VerificationKey publicKey;
    private final byte[] edPublic;
    private final BigInteger ecScalar;
    private volatile boolean destroyed;

    private SigningKey(KeyType type, byte[] privateBytes) throws KeyException {
        this.type = type;
        this.privateBytes = privateBytes;
        if (type == KeyType.ED25519) {
            this.edPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(privateBytes, 0, edPublic, 0);
            this.ecScalar = null;
            this.publicKey = VerificationKey.of(type, edPublic);
        } else {
            EcCurve curve = EcCurve.of(type);
            this.ecScalar = curve.validPrivateScalar(privateBytes);
            this.edPublic = null;
            this.publicKey = VerificationKey.of(type, curve.publicPoint(ecScalar).getEncoded(true));
        }
    }

    /** A new random key. */
    public static SigningKey generate(KeyType type) {
        Objects.requireNonNull(type, "type");
        byte[] secret = new byte[32];
        while (true) {
            RANDOM.nextBytes(secret);
            try {
                return new SigningKey(type, secret.clone());
            } catch (KeyException outOfRange) {
                // An EC scalar >= n: probability below 2^-127 for these curves; draw again.
            }
        }
    }

    /** A key from its 32 private bytes: the Ed25519 seed (RFC 8032 section 5.1.5) or the EC scalar d. */
    public static SigningKey fromPrivateBytes(KeyType type, byte[] privateBytes) throws KeyException {
        Objects.requireNonNull(type, "type");
        if (privateBytes == null || privateBytes.length != 32) {
            throw new KeyException(KeyError.INVALID_KEY, "a private key has 32 bytes");
        }
        return new SigningKey(type, privateBytes.clone());
    }

    /** A key from a private JWK ({@code d} present); checks that the public members match. */
    public static SigningKey fromJwk(JWK jwk) throws KeyException {
        VerificationKey expectedPublic = VerificationKey.fromJwk(jwk);
        Base64URL d;
        if (jwk instanceof OctetKeyPair okp) {
            d = okp.getD();
        } else if (jwk instanceof ECKey ec) {
            d = ec.getD();
        } else {
            throw new KeyException(KeyError.UNSUPPORTED_KEY_TYPE, "unsupported JWK key type");
        }
        if (d == null) {
            throw new KeyException(KeyError.INVALID_JWK, "the JWK has no private member 'd'");
        }
        byte[] secret = d.decode();
        if (secret.length != 32) {
            throw new KeyException(KeyError.INVALID_JWK, "the private member 'd' must be 32 bytes");
        }
        SigningKey key = new SigningKey(expectedPublic.type(), secret);
        if (!key.publicKey.equals(expectedPublic)) {
            throw new KeyException(KeyError.INVALID_JWK, "the JWK's private and public members do not belong together");
        }
        return key;
    }

    public KeyType type() {
        return type;
    }

    public VerificationKey publicKey() {
        return publicKey;
    }

    /** Signs {@code message}; see {@link VerificationKey#verify(byte[], byte[])} for the signature form. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        if (destroyed) {
            throw new IllegalStateException("the key was destroyed");
        }
        if (type == KeyType.ED25519) {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(privateBytes, 0, edPublic, 0, message, 0, message.length, signature, 0);
            return signature;
        }
        return EcCurve.of(type).sign(ecScalar, message);
    }

    /** The private JWK (with {@code d}). For keystores and explicit exports only: treat the result as a secret. */
    public JWK exportPrivateJwk() {
        if (destroyed) {
            throw new IllegalStateException("the key was destroyed");
        }
        JWK pub = publicKey.toJwk();
        if (pub instanceof OctetKeyPair okp) {
            return new OctetKeyPair.Builder(okp).d(Base64URL.encode(privateBytes)).build();
        }
        ECKey ec = (ECKey) pub;
        return new ECKey.Builder(ec).d(Base64URL.encode(BigIntegers.asUnsignedByteArray(32, ecScalar))).build();
    }

    /** The curve of the JWK, for callers that only have this key. */
    public Curve curve() {
        return type.curve();
    }

    @Override
    public void destroy() {
        Arrays.fill(privateBytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Shows the public key only. */
    @Override
    public String toString() {
        return "SigningKey[" + type.curveName() + " " + publicKey.toMultikey() + ", private part hidden]";
    }
}
