package org.creditmesh.core.dataintegrity;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jsonld.JsonLdException;

/** A proof that cannot be created or does not verify. The message never contains claim values or keys. */
public final class DataIntegrityException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DataIntegrityException(DataIntegrityError code, String message) {
        super(code, message);
    }

    public DataIntegrityException(DataIntegrityError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** A JSON-LD failure (unknown context, undefined term...) under the same code. */
    static DataIntegrityException of(JsonLdException e) {
        return new DataIntegrityException(DataIntegrityError.of(e.code()), e.getMessage(), e);
    }

    @Override
    public DataIntegrityError code() {
        return (DataIntegrityError) super.code();
    }
}
