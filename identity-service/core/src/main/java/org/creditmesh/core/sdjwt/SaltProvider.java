package org.creditmesh.core.sdjwt;

import java.security.SecureRandom;
import java.util.Base64;

/** Where disclosure salts come from (RFC 9901 section 4.2.1 and 9.3). */
@FunctionalInterface
public interface SaltProvider {

    /** A fresh salt, base64url without padding. */
    String newSalt();

    /** 128-bit salts from a {@link SecureRandom}: the RFC's recommended minimum. */
    static SaltProvider secureRandom() {
        return secureRandom(new SecureRandom(), SdJwtSpecs.MIN_SALT_BYTES);
    }

    /** Salts of {@code bytes} random bytes (at least 16, RFC 9901 section 9.3). */
    static SaltProvider secureRandom(SecureRandom random, int bytes) {
        if (bytes < SdJwtSpecs.MIN_SALT_BYTES) {
            throw new IllegalArgumentException("salts need at least " + SdJwtSpecs.MIN_SALT_BYTES + " random bytes");
        }
        return () -> {
            byte[] salt = new byte[bytes];
            random.nextBytes(salt);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        };
    }
}
