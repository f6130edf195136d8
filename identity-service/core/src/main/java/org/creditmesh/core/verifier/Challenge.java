package org.creditmesh.core.verifier;

import java.util.Objects;

/**
 * What a verifier asked the holder to sign over, so that a presentation cannot be replayed: the nonce
 * ({@code nonce} in VP-JWT and KB-JWT, {@code challenge} in Data Integrity) and the verifier's identifier
 * ({@code aud}, {@code domain}).
 */
public record Challenge(String nonce, String audience) {

    public Challenge {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(audience, "audience");
        if (nonce.isBlank() || audience.isBlank()) {
            throw new IllegalArgumentException("nonce and audience must not be blank");
        }
    }
}
