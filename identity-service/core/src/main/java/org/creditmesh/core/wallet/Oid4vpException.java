package org.creditmesh.core.wallet;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** An OpenID4VP exchange the wallet refused or could not complete; {@link #error()} says which step. */
public final class Oid4vpException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public Oid4vpException(Oid4vpError code, String message) {
        super(code, message);
    }

    public Oid4vpException(Oid4vpError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    public Oid4vpError error() {
        return (Oid4vpError) code();
    }
}
