package org.creditmesh.core.status.token;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A Token Status List reference, list, token or check that failed. */
public final class TokenStatusException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TokenStatusException(TokenStatusError code, String message) {
        super(code, message);
    }

    public TokenStatusException(TokenStatusError code, String message, Throwable cause) {
        super(code, message, cause);
    }

    @Override
    public TokenStatusError code() {
        return (TokenStatusError) super.code();
    }
}
