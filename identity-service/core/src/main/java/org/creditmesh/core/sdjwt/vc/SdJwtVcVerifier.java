package org.creditmesh.core.sdjwt.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.sdjwt.SdJwtError;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.creditmesh.core.sdjwt.SdJwtLimits;
import org.creditmesh.core.sdjwt.SdJwtVerifier;
import org.creditmesh.core.sdjwt.VerifiedSdJwt;

/**
 * Verifies SD-JWT VCs: everything {@link SdJwtVerifier} checks, with {@code typ} {@code dc+sd-jwt} (or the
 * legacy {@code vc+sd-jwt}), then the SD-JWT VC rules: {@code vct} present, registered claims of the right
 * types and never obtained through a disclosure.
 */
public final class SdJwtVcVerifier {

    private final SdJwtVerifier verifier;
    private final SdJwtLimits limits;

    private SdJwtVcVerifier(SdJwtVerifier verifier, SdJwtLimits limits) {
        this.verifier = verifier;
        this.limits = limits;
    }

    public static SdJwtVcVerifier of(IssuerKeyResolver keys, Clock clock) {
        return of(keys, clock, Duration.ofSeconds(60), SdJwtLimits.DEFAULT);
    }

    public static SdJwtVcVerifier of(IssuerKeyResolver keys, Clock clock, Duration clockSkew, SdJwtLimits limits) {
        SdJwtVerifier verifier = SdJwtVerifier.builder(keys).acceptedTyps(SdJwtVcSpecs.ACCEPTED_TYPS)
                .clock(clock).clockSkew(clockSkew).limits(limits).build();
        return new SdJwtVcVerifier(verifier, Objects.requireNonNull(limits, "limits"));
    }

    /** Verifies without requiring key binding. */
    public VerifiedSdJwtVc verify(String serialized) throws SdJwtException {
        return verify(serialized, Optional.empty());
    }

    /** Verifies and, with a challenge, requires a valid KB-JWT. */
    public VerifiedSdJwtVc verify(String serialized, Optional<KeyBindingChallenge> challenge) throws SdJwtException {
        VerifiedSdJwt verified = verifier.verify(SdJwt.parse(serialized, limits), challenge);
        for (ClaimPath path : verified.disclosedPaths()) {
            if (path.size() == 1 && SdJwtVcSpecs.NEVER_DISCLOSABLE.contains(String.valueOf(path.elements().getFirst()))) {
                throw new SdJwtException(SdJwtError.CLAIM_NOT_DISCLOSABLE, path + " must not be selectively disclosed");
            }
        }
        JsonNode vct = verified.claim(SdJwtVcSpecs.VCT).orElse(null);
        if (vct == null) {
            throw new SdJwtException(SdJwtError.MISSING_CLAIM, "an SD-JWT VC has a vct");
        }
        if (!vct.isTextual() || vct.asText().isEmpty()) {
            throw new SdJwtException(SdJwtError.INVALID_CLAIM, "vct must be a non-empty string");
        }
        JsonNode iss = verified.claim(SdJwtVcSpecs.ISS).orElse(null);
        if (iss != null && !iss.isTextual()) {
            throw new SdJwtException(SdJwtError.INVALID_CLAIM, "iss must be a string");
        }
        JsonNode status = verified.claim(SdJwtVcSpecs.STATUS).orElse(null);
        if (status != null && !status.isObject()) {
            throw new SdJwtException(SdJwtError.INVALID_CLAIM, "status must be a JSON object");
        }
        return new VerifiedSdJwtVc(vct.asText(), Optional.ofNullable(iss).map(JsonNode::asText),
                Optional.ofNullable((ObjectNode) status), verified);
    }
}
