package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies an SD-JWT or SD-JWT+KB as RFC 9901 section 7 describes: the issuer-signed JWT (7.1:
 * {@code alg}, {@code typ}, {@code crit}, signature, {@code exp}/{@code nbf}), disclosure processing (7.1), and, when the caller requires it, key binding (7.3). Every failure is an {@link SdJwtException}
 * whose {@link SdJwtError} says which check failed.
 */
public final class SdJwtVerifier {

    private final IssuerKeyResolver keyResolver;
    private final Set<String> acceptedTyps;
    private final Clock clock;
    private final Duration clockSkew;
    private final SdJwtLimits limits;

    private SdJwtVerifier(Builder b) {
        this.keyResolver = b.keyResolver;
        this.acceptedTyps = Set.copyOf(b.acceptedTyps);
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.limits = b.limits;
    }

    public static Builder builder(IssuerKeyResolver keyResolver) {
        return new Builder(keyResolver);
    }

    /** Verifies a serialized SD-JWT (compact or JSON) without requiring key binding. */
    public VerifiedSdJwt verify(String serialized) throws SdJwtException {
        return verify(SdJwt.parse(serialized, limits), Optional.empty());
    }

    /** Verifies a serialized SD-JWT+KB; a missing or wrong KB-JWT is refused. */
    public VerifiedSdJwt verify(String serialized, KeyBindingChallenge challenge) throws SdJwtException {
        return verify(SdJwt.parse(serialized, limits), Optional.of(challenge));
    }

    /**
     * Verifies a parsed SD-JWT. With a challenge, key binding is required (RFC 9901 section 7.3); without one,
     * a KB-JWT that happens to be present is not evaluated.
     */
    public VerifiedSdJwt verify(SdJwt sdJwt, Optional<KeyBindingChallenge> challenge) throws SdJwtException {
        if (sdJwt.disclosures().size() > limits.maxDisclosures()) {
            throw new SdJwtException(SdJwtError.TOO_MANY_DISCLOSURES, "too many disclosures");
        }
        Instant now = clock.instant();
        Jws first = null;
        // Parsed from compact text (one signature): read in place.
        Optional<Jws> received = sdJwt.receivedIssuerJws(SdJwtError.MALFORMED_SD_JWT);
        for (SdJwt.Signature signature : sdJwt.signatures()) {
            Jws jws = first == null && received.isPresent() ? received.get()
                    : Jws.of(signature.protectedHeader(), sdJwt.payload(), signature.signature(), SdJwtError.MALFORMED_SD_JWT);
            checkIssuerSignature(jws);
            if (first == null) {
                first = jws;
            }
        }
        ObjectNode payload = Objects.requireNonNull(first).payload();
        checkTimes(payload, now);
        DisclosureProcessor.Result processed = DisclosureProcessor.process(payload, sdJwt);

        Optional<ObjectNode> kbClaims = Optional.empty();
        if (challenge.isPresent()) {
            String kbJwt = sdJwt.keyBindingJwt().orElseThrow(() ->
                    new SdJwtException(SdJwtError.KEY_BINDING_REQUIRED, "key binding is required and there is no KB-JWT"));
            VerificationKey holderKey = KeyBinding.confirmationKey(payload);
            String expected = KeyBinding.sdHash(sdJwt, DisclosureProcessor.hashAlgorithm(payload));
            kbClaims = Optional.of(KeyBinding.verify(kbJwt, holderKey, expected, challenge.get(), now, clockSkew));
        }
        List<ClaimPath> paths = new ArrayList<>();
        processed.placements().forEach(p -> paths.add(p.path()));
        return new VerifiedSdJwt(first.header(), processed.claims(), paths, kbClaims);
    }

    private void checkIssuerSignature(Jws jws) throws SdJwtException {
        KeyType type = jws.checkHeader();
        if (!acceptedTyps.isEmpty() && !jws.typ().filter(acceptedTyps::contains).isPresent()) {
            throw new SdJwtException(SdJwtError.WRONG_TYP, "the issuer-signed JWT typ is not one of " + acceptedTyps);
        }
        JsonNode iss = jws.payload().get(SdJwtSpecs.ISS);
        Optional<String> issuer = iss != null && iss.isTextual() ? Optional.of(iss.asText()) : Optional.empty();
        VerificationKey key = keyResolver.resolve(issuer, jws.kid());
        if (key.type() != type) {
            throw new SdJwtException(SdJwtError.UNSUPPORTED_ALG, "the JWS alg does not fit the issuer's key");
        }
        if (!jws.verify(key)) {
            throw new SdJwtException(SdJwtError.INVALID_SIGNATURE, "the issuer-signed JWT's signature does not verify");
        }
    }

    private void checkTimes(ObjectNode payload, Instant now) throws SdJwtException {
        Optional<Instant> exp = numericDate(payload, SdJwtSpecs.EXP);
        if (exp.isPresent() && !now.isBefore(exp.get().plus(clockSkew))) {
            throw new SdJwtException(SdJwtError.EXPIRED, "the SD-JWT has expired");
        }
        Optional<Instant> nbf = numericDate(payload, SdJwtSpecs.NBF);
        if (nbf.isPresent() && now.plus(clockSkew).isBefore(nbf.get())) {
            throw new SdJwtException(SdJwtError.NOT_YET_VALID, "the SD-JWT is not valid yet");
        }
        Optional<Instant> iat = numericDate(payload, SdJwtSpecs.IAT);
        if (iat.isPresent() && now.plus(clockSkew).isBefore(iat.get())) {
            throw new SdJwtException(SdJwtError.NOT_YET_VALID, "the SD-JWT is issued in the future");
        }
    }

    static Optional<Instant> numericDate(ObjectNode payload, String name) throws SdJwtException {
        JsonNode value = payload.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new SdJwtException(SdJwtError.INVALID_CLAIM, name + " must be a NumericDate");
        }
        return Optional.of(Instant.ofEpochSecond(value.asLong()));
    }

    /** Verifier configuration. */
    public static final class Builder {
        private final IssuerKeyResolver keyResolver;
        private Set<String> acceptedTyps = Set.of(SdJwtSpecs.TYP_EXAMPLE_SD_JWT);
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofSeconds(60);
        private SdJwtLimits limits = SdJwtLimits.DEFAULT;

        private Builder(IssuerKeyResolver keyResolver) {
            this.keyResolver = Objects.requireNonNull(keyResolver, "keyResolver");
        }

        /**
         * The header {@code typ} values accepted (RFC 9901 section 9.11, explicit typing); {@code example+sd-jwt}
         * by default. An empty set accepts any {@code typ}, for callers that know the context by other means.
         */
        public Builder acceptedTyps(Set<String> typs) {
            this.acceptedTyps = typs.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        public Builder limits(SdJwtLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public SdJwtVerifier build() {
            return new SdJwtVerifier(this);
        }
    }
}
