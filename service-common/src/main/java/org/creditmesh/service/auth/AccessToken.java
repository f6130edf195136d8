package org.creditmesh.service.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A verified OAuth2 access token (RFC 9068 JWT profile): who the client is, what roles it holds, until when.
 *
 * @param clientId the organisation's client id ({@code client_id}, equal to {@code sub} for client credentials)
 * @param roles    the roles it was granted ({@code roles}, RFC 9068 section 2.2.3.1)
 * @param jti      the token's unique id
 * @param expiresAt when it stops being accepted (before clock skew)
 */
public record AccessToken(String clientId, Set<String> roles, String jti, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(clientId, "clientId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
