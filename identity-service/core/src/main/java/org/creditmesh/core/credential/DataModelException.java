package org.creditmesh.core.credential;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A credential or presentation that breaks a rule of the data model. The message names the member, never its value. */
public final class DataModelException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DataModelException(DataModelError code, String message) {
        super(code, message);
    }

    public DataModelException(DataModelError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public DataModelError code() {
        return (DataModelError) super.code();
    }
}
