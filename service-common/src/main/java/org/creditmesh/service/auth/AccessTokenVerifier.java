package org.creditmesh.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies an OAuth2 access token in the RFC 9068 JWT profile, without any framework: the signature against the
 * token service's keys (by {@code kid}, with the one algorithm that key type signs with, so no {@code alg}
 * confusion), {@code typ} {@code at+jwt}, the trusted {@code iss}, this service among {@code aud}, {@code exp} and
 * {@code iat}/{@code nbf} with a small clock skew, and the client id. The scoring service uses it with the
 * identity service's JWKS URL; the identity service with its own key.
 */
public final class AccessTokenVerifier {

    /** Bigger tokens are refused before parsing; ours are well under 1 KiB. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final String issuer;
    private final String audience;
    private final TokenKeySource keys;
    private final Duration skew;
    private final Clock clock;

    public AccessTokenVerifier(String issuer, String audience, TokenKeySource keys, Duration skew, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and 5 minutes");
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    public AccessToken verify(String token) throws InvalidTokenException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("the token is empty or too long");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("the token is not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        if (!isAccessTokenType(header.getType())) {
            throw new InvalidTokenException("the token's typ is not at+jwt (RFC 9068 section 2.1)");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidTokenException("the token has critical header parameters this service does not understand");
        }
        String kid = header.getKeyID();
        if (kid == null) {
            throw new InvalidTokenException("the token names no key (kid)");
        }
        VerificationKey key = keys.key(kid).orElseThrow(() -> new InvalidTokenException("the token's key is not one of the token service's keys"));
        if (!signatureValid(jwt, header.getAlgorithm(), key)) {
            throw new InvalidTokenException("the token's signature is not valid");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidTokenException("the token was not issued by the trusted token service");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            throw new InvalidTokenException("the token is not meant for this service (aud)");
        }
        Instant now = clock.instant();
        Instant exp = instant(claims.getExpirationTime());
        if (exp == null || !now.isBefore(exp.plus(skew))) {
            throw new InvalidTokenException("the token has expired");
        }
        Instant iat = instant(claims.getIssueTime());
        if (iat == null || iat.isAfter(now.plus(skew))) {
            throw new InvalidTokenException("the token's iat is missing or in the future");
        }
        Instant nbf = instant(claims.getNotBeforeTime());
        if (nbf != null && nbf.isAfter(now.plus(skew))) {
            throw new InvalidTokenException("the token is not valid yet");
        }
        String clientId = stringClaim(claims, TokenSpecs.CLAIM_CLIENT_ID);
        if (clientId == null || clientId.isBlank() || !clientId.equals(claims.getSubject())) {
            throw new InvalidTokenException("the token's client_id is missing or differs from its sub");
        }
        if (claims.getJWTID() == null) {
            throw new InvalidTokenException("the token has no jti");
        }
        return new AccessToken(clientId, roles(claims), claims.getJWTID(), exp);
    }

    private static boolean isAccessTokenType(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String t = type.getType().toLowerCase(Locale.ROOT);
        return t.equals(TokenSpecs.TYP) || t.equals("application/" + TokenSpecs.TYP);
    }

    private static boolean signatureValid(SignedJWT jwt, JWSAlgorithm alg, VerificationKey key) {
        try {
            return new KeyJwsVerifier(key).verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature())
                    && alg != null;
        } catch (JOSEException e) {
            return false;
        }
    }

    private static Set<String> roles(JWTClaimsSet claims) throws InvalidTokenException {
        Object value = claims.getClaim(TokenSpecs.CLAIM_ROLES);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new InvalidTokenException("the token's roles are not strings");
                }
                roles.add(s);
            }
        } else if (value != null) {
            throw new InvalidTokenException("the token's roles are not a list");
        }
        return roles;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) throws InvalidTokenException {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new InvalidTokenException("the token's " + name + " is not a string");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
