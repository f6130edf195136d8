package org.creditmesh.scoring.server.verification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.keys.VerificationKey;

/**
 * One presentation that verified: the issuer-signed and disclosed claims (never logged, never stored), the key the
 * credential is bound to ({@code cnf}) and its subject ({@code sub}), when it names one.
 */
public record VerifiedPresentation(ObjectNode claims, VerificationKey holderKey, Optional<String> subject) {

    public VerifiedPresentation {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(holderKey, "holderKey");
        Objects.requireNonNull(subject, "subject");
    }
}
