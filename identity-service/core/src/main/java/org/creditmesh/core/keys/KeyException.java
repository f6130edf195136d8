package org.creditmesh.core.keys;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A key that cannot be parsed, generated, stored or used. Never carries key material in its message. */
public final class KeyException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public KeyException(KeyError code, String message) {
        super(code, message);
    }

    public KeyException(KeyError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
