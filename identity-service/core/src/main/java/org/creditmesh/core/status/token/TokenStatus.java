package org.creditmesh.core.status.token;

import java.util.Objects;

/**
 * The outcome of a status check: the value at the Referenced Token's index in a verified Status List Token.
 *
 * @param reference the Referenced Token's {@code status_list} reference
 * @param value     the status value (0 to 255)
 * @param token     the verified Status List Token it was read from
 */
public record TokenStatus(StatusReference reference, int value, StatusListToken token) {

    public TokenStatus {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(token, "token");
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("a status value is a byte");
        }
    }

    public TokenStatusType type() {
        return TokenStatusType.of(value);
    }
}
