package org.creditmesh.anchor.outbox;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** The outbox refused a submission or its database failed; {@link #code()} says which. */
public final class OutboxException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public OutboxException(OutboxError code, String message) {
        super(code, message);
    }

    public OutboxException(OutboxError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public OutboxError error() {
        return (OutboxError) code();
    }
}
