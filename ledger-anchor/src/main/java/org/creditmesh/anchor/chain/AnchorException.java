package org.creditmesh.anchor.chain;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** Anchoring, deploying, governing or node handling failed; {@link #code()} says why. */
public final class AnchorException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public AnchorException(AnchorError code, String message) {
        super(code, message);
    }

    public AnchorException(AnchorError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public AnchorError error() {
        return (AnchorError) code();
    }
}
