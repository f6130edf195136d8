package org.creditmesh.core.jose;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A {@code vc+jwt} or {@code vp+jwt} that cannot be issued or was refused. Messages carry no claim values or keys. */
public final class VcJwtException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public VcJwtException(VcJwtError code, String message) {
        super(code, message);
    }

    public VcJwtException(VcJwtError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public VcJwtError code() {
        return (VcJwtError) super.code();
    }
}
