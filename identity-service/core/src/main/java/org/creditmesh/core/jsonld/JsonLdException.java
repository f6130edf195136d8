package org.creditmesh.core.jsonld;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A JSON-LD document that cannot be processed. The message never contains claim values. */
public final class JsonLdException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public JsonLdException(JsonLdError code, String message) {
        super(code, message);
    }

    public JsonLdException(JsonLdError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public JsonLdError code() {
        return (JsonLdError) super.code();
    }
}
