package org.creditmesh.scoring.credential;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A score credential that cannot be built from the given settings or score. */
public final class ScoreCredentialException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ScoreCredentialException(ScoreCredentialError code, String message) {
        super(code, message);
    }
}
