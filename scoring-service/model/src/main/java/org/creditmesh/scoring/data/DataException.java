package org.creditmesh.scoring.data;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A table that cannot be used for training or scoring; the message names the row and/or column. */
public final class DataException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DataException(DataError code, String message) {
        super(code, message);
    }

    public DataException(DataError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
