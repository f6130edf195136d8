package org.creditmesh.service.auth;

import java.io.Serial;

/**
 * A bearer token was not accepted. The message says which check failed (RFC 6750 {@code error_description}); it never
 * repeats the token.
 */
public final class InvalidTokenException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
