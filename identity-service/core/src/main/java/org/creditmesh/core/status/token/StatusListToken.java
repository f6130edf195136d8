package org.creditmesh.core.status.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Status List Token in JWT format (draft-ietf-oauth-status-list-20 section 5.1), as issued or as verified.
 *
 * @param compact    the JWS compact serialization
 * @param kid        the header's {@code kid}, if any
 * @param issuer     the {@code iss} claim, if any (optional in the draft)
 * @param subject    the {@code sub} claim: the URI the token is served at
 * @param issuedAt   {@code iat}
 * @param expiresAt  {@code exp}, if any
 * @param timeToLive {@code ttl}, if any: how long a consumer may cache the token
 * @param statusList the Status List
 */
public record StatusListToken(String compact, Optional<String> kid, Optional<String> issuer, String subject,
                              Instant issuedAt, Optional<Instant> expiresAt, Optional<Duration> timeToLive,
                              TokenStatusList statusList) {

    public StatusListToken {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(timeToLive, "timeToLive");
        Objects.requireNonNull(statusList, "statusList");
    }

    /** The compact serialization, as served to relying parties. */
    @Override
    public String toString() {
        return compact;
    }
}
