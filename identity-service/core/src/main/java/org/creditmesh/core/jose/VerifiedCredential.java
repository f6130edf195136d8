package org.creditmesh.core.jose;

import java.util.Objects;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A {@code vc+jwt} that passed {@link VcJwtVerifier#verify(String)}: the credential (the decoded JWS
 * payload), and the {@code kid}, {@code alg} and key it was verified with.
 */
public record VerifiedCredential(Credential credential, String kid, String alg, VerificationKey key) {

    public VerifiedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(key, "key");
    }
}
