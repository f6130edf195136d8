package org.creditmesh.core.wallet;

import java.io.Serial;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;

/** A failure while receiving a credential; with the server's OAuth {@code error} code when it sent one. */
public final class WalletException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String oauthError;
    private final int httpStatus;

    public WalletException(WalletError code, String message) {
        this(code, message, null, 0, null);
    }

    public WalletException(WalletError code, String message, Throwable cause) {
        this(code, message, null, 0, cause);
    }

    WalletException(WalletError code, String message, String oauthError, int httpStatus, Throwable cause) {
        super(code, message, cause);
        this.oauthError = oauthError;
        this.httpStatus = httpStatus;
    }

    /** The {@code error} member of the server's OAuth error response, e.g. {@code invalid_nonce}. */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** The HTTP status of the failed response; 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
