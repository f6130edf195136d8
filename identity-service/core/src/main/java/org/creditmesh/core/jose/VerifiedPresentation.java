package org.creditmesh.core.jose;

import java.util.List;
import java.util.Objects;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A {@code vp+jwt} that passed {@link VcJwtVerifier#verifyPresentation}: the presentation, its holder
 * (who signed it), and each enveloped credential, verified.
 */
public record VerifiedPresentation(Presentation presentation, String holder, String kid, VerificationKey key,
        List<VerifiedCredential> credentials) {

    public VerifiedPresentation {
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(key, "key");
        credentials = List.copyOf(credentials);
    }
}
