package org.creditmesh.identity.server.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.identity.server.organisation.Organisation;
import org.creditmesh.service.auth.TokenSpecs;

/**
 * Mints access tokens in the RFC 9068 JWT profile: {@code typ at+jwt}, {@code iss}, {@code sub} = {@code client_id},
 * {@code aud}, {@code exp}, {@code iat}, {@code jti}, and the organisation's role as {@code roles} (RFC 9068
 * section 2.2.3.1) and {@code scope}.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    @Inject
    TokenKeys keys;

    @Inject
    OAuthConfig config;

    Clock clock = Clock.systemUTC();

    /** A minted token and how long it is valid. */
    public record Minted(String token, long expiresInSeconds) {
    }

    public Minted mint(Organisation org, List<String> audience) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(config.lifetime());
        return new Minted(sign(org.clientId(), List.of(org.role()), audience, now, exp), config.lifetime().toSeconds());
    }

    /** A signed token with the given times, for the token endpoint and for tests of expiry. */
    public String sign(String clientId, List<String> roles, List<String> audience, Instant iat, Instant exp) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(exp))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenSpecs.CLAIM_CLIENT_ID, clientId)
                .claim(TokenSpecs.CLAIM_ROLES, roles)
                .claim(TokenSpecs.CLAIM_SCOPE, String.join(" ", roles))
                .build();
        JWSHeader header = new JWSHeader.Builder(keys.signingKey().type().jwsAlgorithm())
                .type(new JOSEObjectType(TokenSpecs.TYP)).keyID(keys.signingKid()).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new KeyJwsSigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the token key could not sign", e);
        }
        return jwt.serialize();
    }
}
