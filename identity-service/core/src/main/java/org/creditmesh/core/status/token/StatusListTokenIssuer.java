package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;

/**
 * Signs a {@link TokenStatusList} as a Status List Token in JWT format (draft-ietf-oauth-status-list-20
 * section 5.1): header {@code alg} (the key type's algorithm), {@code kid}, {@code typ} {@code statuslist+jwt};
 * claims {@code sub} (the URI the token is served at), {@code iat}, {@code exp} and {@code ttl} when configured
 * (both RECOMMENDED), optionally {@code iss}, and {@code status_list}. Signing goes through {@link KeyJwsSigner}.
 */
public final class StatusListTokenIssuer {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key;
    private final String kid;
    private final Optional<String> issuer;
    private final Optional<Duration> validity;
    private final Optional<Duration> timeToLive;
    private final Clock clock;

    private StatusListTokenIssuer(Builder b) {
        this.key = b.key;
        this.kid = b.kid;
        this.issuer = Optional.ofNullable(b.issuer);
        this.validity = Optional.ofNullable(b.validity);
        this.timeToLive = Optional.ofNullable(b.timeToLive);
        this.clock = b.clock;
    }

    /** An issuer signing with {@code key}, named in the header by {@code kid} (e.g. a DID URL). */
    public static Builder builder(SigningKey key, String kid) {
        return new Builder(key, kid);
    }

    /** Signs {@code list} as the token served at {@code uri}. */
    public StatusListToken issue(String uri, TokenStatusList list) throws TokenStatusException {
        Objects.requireNonNull(list, "list");
        StatusReference.of(0, uri); // the same URL rule a Referenced Token's uri must pass
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode header = Json.mapper().createObjectNode();
        header.put(TokenStatusSpecs.HEADER_ALG, key.type().jwsAlgorithm().getName());
        header.put(TokenStatusSpecs.HEADER_KID, kid);
        header.put(TokenStatusSpecs.HEADER_TYP, TokenStatusSpecs.TYP);
        ObjectNode payload = Json.mapper().createObjectNode();
        issuer.ifPresent(iss -> payload.put(TokenStatusSpecs.ISS, iss));
        payload.put(TokenStatusSpecs.SUB, uri);
        payload.put(TokenStatusSpecs.IAT, now.getEpochSecond());
        Optional<Instant> exp = validity.map(now::plus);
        exp.ifPresent(t -> payload.put(TokenStatusSpecs.EXP, t.getEpochSecond()));
        timeToLive.ifPresent(ttl -> payload.put(TokenStatusSpecs.TTL, ttl.toSeconds()));
        payload.set(TokenStatusSpecs.STATUS_LIST, list.toJson());
        String signingInput = B64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        String signature;
        try {
            signature = new KeyJwsSigner(key).sign(new JWSHeader(key.type().jwsAlgorithm()),
                    signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
        } catch (JOSEException e) {
            throw new TokenStatusException(TokenStatusError.SIGNING_FAILED, "signing the Status List Token failed: " + e.getMessage(), e);
        }
        return new StatusListToken(signingInput + "." + signature, Optional.of(kid), issuer, uri, now, exp, timeToLive, list);
    }

    /** Configures a {@link StatusListTokenIssuer}. */
    public static final class Builder {
        private final SigningKey key;
        private final String kid;
        private String issuer;
        private Duration validity;
        private Duration timeToLive;
        private Clock clock = Clock.systemUTC();

        private Builder(SigningKey key, String kid) {
            this.key = Objects.requireNonNull(key, "key");
            this.kid = Objects.requireNonNull(kid, "kid");
        }

        /** The {@code iss} claim (not required by the draft; set it to the Referenced Tokens' issuer). */
        public Builder issuer(String iss) {
            this.issuer = iss;
            return this;
        }

        /** {@code exp} = {@code iat} + {@code validity}. */
        public Builder validity(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("validity is positive");
            }
            this.validity = value;
            return this;
        }

        /** The {@code ttl} claim, whole seconds, positive (section 5.1). */
        public Builder timeToLive(Duration value) {
            if (value != null && value.toSeconds() < 1) {
                throw new IllegalArgumentException("ttl is at least one second");
            }
            this.timeToLive = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public StatusListTokenIssuer build() {
            return new StatusListTokenIssuer(this);
        }
    }
}
