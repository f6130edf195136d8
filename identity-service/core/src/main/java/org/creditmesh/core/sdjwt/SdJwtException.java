package org.creditmesh.core.sdjwt;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** An SD-JWT that cannot be issued, presented or accepted; {@link #error()} says which check failed. */
public final class SdJwtException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public SdJwtException(SdJwtError code, String message) {
        super(code, message);
    }

    public SdJwtException(SdJwtError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public SdJwtError error() {
        return (SdJwtError) code();
    }
}
