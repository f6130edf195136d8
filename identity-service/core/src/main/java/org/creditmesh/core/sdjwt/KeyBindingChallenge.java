package org.creditmesh.core.sdjwt;

import java.time.Duration;
import java.util.Objects;

/**
 * What a verifier that requires key binding expects in the KB-JWT (RFC 9901 section 7.3): its own
 * identifier as {@code aud}, the nonce it issued, and how old {@code iat} may be.
 */
public record KeyBindingChallenge(String audience, String nonce, Duration maxAge) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    public KeyBindingChallenge {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(maxAge, "maxAge");
    }

    public static KeyBindingChallenge of(String audience, String nonce) {
        return new KeyBindingChallenge(audience, nonce, DEFAULT_MAX_AGE);
    }
}
