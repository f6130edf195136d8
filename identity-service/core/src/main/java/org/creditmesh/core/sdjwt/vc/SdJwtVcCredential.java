package org.creditmesh.core.sdjwt.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * What an issuer puts in an SD-JWT VC: the type ({@code vct}), the validity times, the holder key for
 * {@code cnf}, the status reference, and the subject's claims with the paths that are selectively disclosable.
 * The registered claims are set here, never among {@link #claims()}.
 */
public record SdJwtVcCredential(String vct, Optional<Instant> issuedAt, Optional<Instant> notBefore,
                                Optional<Instant> expiresAt, Optional<VerificationKey> holderKey,
                                Optional<ObjectNode> status, ObjectNode claims, List<ClaimPath> disclosable) {

    public SdJwtVcCredential {
        Objects.requireNonNull(vct, "vct");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(holderKey, "holderKey");
        status = Objects.requireNonNull(status, "status").map(ObjectNode::deepCopy);
        claims = Objects.requireNonNull(claims, "claims").deepCopy();
        disclosable = List.copyOf(disclosable);
    }

    @Override
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    @Override
    public Optional<ObjectNode> status() {
        return status.map(ObjectNode::deepCopy);
    }

    public static Builder builder(String vct) {
        return new Builder(vct);
    }

    /** Builder: a credential has many optional parts. */
    public static final class Builder {
        private final String vct;
        private Instant issuedAt;
        private Instant notBefore;
        private Instant expiresAt;
        private VerificationKey holderKey;
        private ObjectNode status;
        private ObjectNode claims = Json.mapper().createObjectNode();
        private final List<ClaimPath> disclosable = new ArrayList<>();

        private Builder(String vct) {
            this.vct = Objects.requireNonNull(vct, "vct");
        }

        /** {@code iat}; the issuer's clock when not set. */
        public Builder issuedAt(Instant iat) {
            this.issuedAt = iat;
            return this;
        }

        public Builder notBefore(Instant nbf) {
            this.notBefore = nbf;
            return this;
        }

        public Builder expiresAt(Instant exp) {
            this.expiresAt = exp;
            return this;
        }

        public Builder holderKey(VerificationKey key) {
            this.holderKey = key;
            return this;
        }

        /** The {@code status} claim, e.g. {@code {"status_list": {"idx": 7, "uri": "https://..."}}}; kept opaque. */
        public Builder status(ObjectNode status) {
            this.status = status;
            return this;
        }

        public Builder claims(ObjectNode claims) {
            this.claims = Objects.requireNonNull(claims, "claims");
            return this;
        }

        public Builder disclosable(ClaimPath... paths) {
            disclosable.addAll(List.of(paths));
            return this;
        }

        public Builder disclosable(Collection<ClaimPath> paths) {
            disclosable.addAll(paths);
            return this;
        }

        public SdJwtVcCredential build() {
            return new SdJwtVcCredential(vct, Optional.ofNullable(issuedAt), Optional.ofNullable(notBefore),
                    Optional.ofNullable(expiresAt), Optional.ofNullable(holderKey), Optional.ofNullable(status), claims,
                    disclosable);
        }
    }
}
