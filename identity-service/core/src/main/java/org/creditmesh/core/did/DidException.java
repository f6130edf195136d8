package org.creditmesh.core.did;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A DID, DID URL or DID document that cannot be parsed, resolved or used. */
public final class DidException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DidException(DidError code, String message) {
        super(code, message);
    }

    public DidException(DidError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** The error code as the enum, for switches. */
    public DidError error() {
        return (DidError) code();
    }
}
