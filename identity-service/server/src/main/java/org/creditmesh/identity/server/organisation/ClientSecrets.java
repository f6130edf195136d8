package org.creditmesh.identity.server.organisation;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets: generated with 256 bits of entropy, stored only as PBKDF2-HMAC-SHA256 (the JDK's, NIST SP 800-132)
 * with a random 16-byte salt, in the form {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}, which is also
 * what {@code openssl kdf} can produce for a bootstrap admin (see the README). The iteration count travels with the
 * hash, so raising it later keeps old hashes verifiable. Compared in constant time.
 */
public final class ClientSecrets {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 1_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Hashed for unknown clients too, so that the time taken does not tell which client ids exist. */
    private final String dummyHash;

    public ClientSecrets(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least " + MIN_ITERATIONS);
        }
        this.iterations = iterations;
        this.dummyHash = hash(generate());
    }

    /** A new secret: 32 random bytes, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(secret, salt, iterations, HASH_BYTES));
    }

    /** Whether {@code secret} matches {@code stored}; a malformed stored hash matches nothing. */
    public boolean matches(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (n < MIN_ITERATIONS || n > 10_000_000 || salt.length < 8 || expected.length < 16) {
                return false;
            }
            return MessageDigest.isEqual(derive(secret, salt, n, expected.length), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as {@link #matches} on a secret that cannot match. */
    public void burnTime(String secret) {
        matches(secret, dummyHash);
    }

    /** Whether {@code stored} has the form of a hash this class writes. */
    public static boolean isHash(String stored) {
        return stored != null && stored.matches(SCHEME + "\\$[0-9]{4,8}\\$[A-Za-z0-9+/]{11,}={0,2}\\$[A-Za-z0-9+/]{22,}={0,2}");
    }

    private static byte[] derive(String secret, byte[] salt, int iterations, int length) {
        // The JDK's PBKDF2 takes the password as chars and hashes their UTF-8 encoding (as RFC 8018 leaves to us).
        KeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is a required JDK algorithm", e);
        }
    }
}
