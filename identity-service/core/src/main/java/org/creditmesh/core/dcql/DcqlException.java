package org.creditmesh.core.dcql;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A DCQL query that cannot be accepted; {@link #error()} says why. */
public final class DcqlException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public DcqlException(DcqlError code, String message) {
        super(code, message);
    }

    public DcqlError error() {
        return (DcqlError) code();
    }
}
