package org.creditmesh.identity.server.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.creditmesh.identity.server.oauth.OAuthConfig;
import org.creditmesh.identity.server.oauth.TokenKeys;
import org.creditmesh.service.auth.AccessTokenVerifier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service verifies the tokens it issued itself against its own token keys (no HTTP round trip to its own
 * JWKS); it replaces service-common's default verifier, which reads a remote JWKS.
 */
@Singleton
public class LocalAccessTokenVerifier {

    @ConfigProperty(name = "creditmesh.auth.clock-skew", defaultValue = "PT30S")
    Duration skew;

    @Produces
    @Singleton
    AccessTokenVerifier verifier(TokenKeys keys, OAuthConfig config) {
        return new AccessTokenVerifier(config.issuer(), config.ownAudience(), keys::verificationKey,
                skew, Clock.systemUTC());
    }
}
