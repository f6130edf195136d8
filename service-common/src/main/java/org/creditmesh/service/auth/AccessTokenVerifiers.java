package org.creditmesh.service.auth;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link AccessTokenVerifier} of a service that trusts another service's tokens: keys from
 * {@code creditmesh.auth.jwks-url}, issuer {@code creditmesh.auth.issuer}, audience {@code creditmesh.auth.audience}.
 * A service that issues its own tokens (the identity service) produces its own verifier bean instead.
 */
@Singleton
public class AccessTokenVerifiers {

    @ConfigProperty(name = "creditmesh.auth.issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "creditmesh.auth.audience")
    Optional<String> audience;

    @ConfigProperty(name = "creditmesh.auth.jwks-url")
    Optional<URI> jwksUrl;

    @ConfigProperty(name = "creditmesh.auth.clock-skew", defaultValue = "PT30S")
    Duration skew;

    @Produces
    @Singleton
    @DefaultBean
    AccessTokenVerifier remote() {
        if (issuer.isEmpty() || audience.isEmpty() || jwksUrl.isEmpty()) {
            throw new IllegalStateException("bearer tokens need creditmesh.auth.issuer, creditmesh.auth.audience and creditmesh.auth.jwks-url");
        }
        TokenKeySource keys = new RemoteJwks(jwksUrl.get(), null, Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1));
        return new AccessTokenVerifier(issuer.get(), audience.get(), keys, skew, Clock.systemUTC());
    }
}
