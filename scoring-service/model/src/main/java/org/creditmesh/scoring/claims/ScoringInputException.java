package org.creditmesh.scoring.claims;

import java.io.Serial;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;

/**
 * Claims that cannot feed the model. The message and {@link #claim()} name the claim (or model
 * attribute), never its value: claim values are personal data and must not reach logs.
 */
public final class ScoringInputException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String claim;

    public ScoringInputException(ScoringInputError code, String claim, String message) {
        super(code, message);
        this.claim = claim;
    }

    public ScoringInputException(ScoringInputError code, String message, Throwable cause) {
        super(code, message, cause);
        this.claim = null;
    }

    public ScoringInputError error() {
        return (ScoringInputError) code();
    }

    /** The claim (or model attribute) at fault, when there is one. */
    public Optional<String> claim() {
        return Optional.ofNullable(claim);
    }
}
