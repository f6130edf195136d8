package org.creditmesh.core.status.token;

import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Finds the key that must have signed a Status List Token from its header's {@code kid} and its {@code iss}
 * claim (draft-ietf-oauth-status-list-20 section 11.3 leaves key resolution to the ecosystem). An
 * implementation refuses keys of any party other than the expected Status Issuer.
 */
@FunctionalInterface
public interface StatusListKeyResolver {

    VerificationKey resolve(Optional<String> kid, Optional<String> iss) throws CreditMeshException;

    /** Always the same key. */
    static StatusListKeyResolver fixed(VerificationKey key) {
        return (kid, iss) -> key;
    }
}
