package org.creditmesh.scoring.scorecard;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A configuration, model or scoring request that cannot be used; the message names the attribute or file. */
public final class ScorecardException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ScorecardException(ScorecardError code, String message) {
        super(code, message);
    }

    public ScorecardException(ScorecardError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
