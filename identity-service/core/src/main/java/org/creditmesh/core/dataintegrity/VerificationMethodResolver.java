package org.creditmesh.core.dataintegrity;

import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Finds the public key a proof names in its {@code verificationMethod}. Implementations (DID
 * resolution, a trust registry) must also check that the method is authorized for
 * {@code proofPurpose} by its controller (Data Integrity 1.0 section 4.2 step "the verification
 * method ... is associated with the proof purpose"), and throw if not.
 */
@FunctionalInterface
public interface VerificationMethodResolver {

    /**
     * @param verificationMethod the proof's {@code verificationMethod} URL, as written
     * @param proofPurpose the proof's {@code proofPurpose}, already checked against the expected one
     * @return the key; never null
     * @throws CreditMeshException if it cannot be resolved or is not authorized for the purpose
     */
    VerificationKey resolve(String verificationMethod, String proofPurpose) throws CreditMeshException;

    /** A resolver that answers {@code key} for every method (tests, pinned issuer keys). */
    static VerificationMethodResolver fixed(VerificationKey key) {
        return (method, purpose) -> key;
    }
}
