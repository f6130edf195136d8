package org.creditmesh.core.status;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A status entry, list or check that failed. */
public final class StatusException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public StatusException(StatusError code, String message) {
        super(code, message);
    }

    public StatusException(StatusError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public StatusError code() {
        return (StatusError) super.code();
    }
}
