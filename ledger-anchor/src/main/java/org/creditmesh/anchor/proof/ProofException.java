package org.creditmesh.anchor.proof;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** An anchor proof was refused; {@link #code()} says why. */
public final class ProofException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ProofException(ProofError code, String message) {
        super(code, message);
    }

    public ProofException(ProofError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public ProofError error() {
        return (ProofError) code();
    }
}
