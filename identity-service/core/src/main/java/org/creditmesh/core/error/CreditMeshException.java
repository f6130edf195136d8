package org.creditmesh.core.error;

import java.io.Serial;
import java.util.Objects;

/**
 * Base of every checked failure the core raises. The message is meant for a developer and never
 * contains key material or claim values; {@link #code()} is what programs switch on.
 */
public class CreditMeshException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    public CreditMeshException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public CreditMeshException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code.code() + "]: " + getMessage();
    }
}
