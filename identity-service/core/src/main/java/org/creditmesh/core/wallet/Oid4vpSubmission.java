package org.creditmesh.core.wallet;

import java.util.Objects;
import java.util.Optional;

/**
 * What the response endpoint answered to the wallet's {@code direct_post} (OpenID4VP 1.0 section 8.2): 200 with
 * an optional {@code redirect_uri}, or an error status with its body.
 */
public record Oid4vpSubmission(int status, String body, Optional<String> redirectUri) {

    public Oid4vpSubmission {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** Whether the verifier accepted the response (HTTP 200). */
    public boolean accepted() {
        return status == 200;
    }
}
