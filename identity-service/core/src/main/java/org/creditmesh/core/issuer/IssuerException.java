package org.creditmesh.core.issuer;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A credential or presentation that the issuer or holder refuses to sign. */
public final class IssuerException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public IssuerException(IssuerError code, String message) {
        super(code, message);
    }
}
