package org.creditmesh.core.json;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** JSON that cannot be accepted: unparseable, ambiguous (duplicate members), too large or too deep. */
public final class MalformedJsonException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public MalformedJsonException(JsonError code, String message) {
        super(code, message);
    }

    public MalformedJsonException(JsonError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
