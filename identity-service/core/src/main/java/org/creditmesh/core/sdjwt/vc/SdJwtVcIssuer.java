package org.creditmesh.core.sdjwt.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Objects;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.DecoyGen;
import org.creditmesh.core.sdjwt.SaltProvider;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.sdjwt.SdJwtError;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.creditmesh.core.sdjwt.SdJwtIssuer;

/**
 * Issues SD-JWT VCs: {@code typ: dc+sd-jwt}, the registered claims ({@code iss}, {@code iat}, {@code nbf},
 * {@code exp}, {@code vct}, {@code cnf}, {@code status}) always in clear, the subject claims as the credential
 * says.
 */
public final class SdJwtVcIssuer {

    private final String issuer;
    private final SdJwtIssuer sdJwtIssuer;
    private final Clock clock;

    private SdJwtVcIssuer(Builder b) {
        this.issuer = b.issuer;
        this.clock = b.clock;
        SdJwtIssuer.Builder sd = b.kid == null ? SdJwtIssuer.builder(b.key) : SdJwtIssuer.builder(b.key, b.kid);
        this.sdJwtIssuer = sd.typ(SdJwtVcSpecs.TYP).decoys(b.decoys).saltProvider(b.salts).build();
    }

    /** An issuer identified by {@code iss} (a URL or DID) signing with {@code key}. */
    public static Builder builder(SigningKey key, String issuer) {
        return new Builder(key, issuer);
    }

    public SdJwt issue(SdJwtVcCredential credential) throws SdJwtException {
        ObjectNode claims = credential.claims();
        for (String registered : SdJwtVcSpecs.NEVER_DISCLOSABLE) {
            if (claims.has(registered)) {
                throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC,
                        "registered claim " + registered + " is set by the credential fields, not among the claims");
            }
        }
        for (ClaimPath path : credential.disclosable()) {
            if (path.size() == 1 && SdJwtVcSpecs.NEVER_DISCLOSABLE.contains(String.valueOf(path.elements().getFirst()))) {
                throw new SdJwtException(SdJwtError.CLAIM_NOT_DISCLOSABLE, path + " may not be selectively disclosable");
            }
        }
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put(SdJwtVcSpecs.ISS, issuer);
        payload.put(SdJwtVcSpecs.IAT, credential.issuedAt().orElse(clock.instant()).getEpochSecond());
        credential.notBefore().ifPresent(t -> payload.put(SdJwtVcSpecs.NBF, t.getEpochSecond()));
        credential.expiresAt().ifPresent(t -> payload.put(SdJwtVcSpecs.EXP, t.getEpochSecond()));
        payload.put(SdJwtVcSpecs.VCT, credential.vct());
        credential.status().ifPresent(s -> payload.set(SdJwtVcSpecs.STATUS, s));
        payload.setAll(claims);
        return sdJwtIssuer.issue(payload, credential.disclosable(), credential.holderKey());
    }

    /** Issuer configuration. */
    public static final class Builder {
        private final SigningKey key;
        private final String issuer;
        private String kid;
        private Clock clock = Clock.systemUTC();
        private DecoyGen decoys = DecoyGen.none();
        private SaltProvider salts = SaltProvider.secureRandom();

        private Builder(SigningKey key, String issuer) {
            this.key = Objects.requireNonNull(key, "key");
            this.issuer = Objects.requireNonNull(issuer, "issuer");
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder decoys(DecoyGen decoys) {
            this.decoys = Objects.requireNonNull(decoys, "decoys");
            return this;
        }

        public Builder saltProvider(SaltProvider salts) {
            this.salts = Objects.requireNonNull(salts, "salts");
            return this;
        }

        public SdJwtVcIssuer build() {
            return new SdJwtVcIssuer(this);
        }
    }
}
