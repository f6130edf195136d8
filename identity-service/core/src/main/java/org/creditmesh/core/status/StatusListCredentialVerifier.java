package org.creditmesh.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.error.CreditMeshException;

/**
 * The hook where the verifier checks the status list credential's own proof (Bitstring Status List v1.0
 * section 3.2: "ensure that all proofs verify successfully") — Data Integrity for a JSON credential, JWS
 * for a {@code vc+jwt} — and checks that it trusts the list's issuer. It returns the verified credential
 * JSON; any exception becomes STATUS_VERIFICATION_ERROR. The status package itself never skips this step:
 * a caller that has no proof to check must say so with its own implementation.
 */
@FunctionalInterface
public interface StatusListCredentialVerifier {

    /**
     * @param statusListCredentialUrl the URL the body was fetched from
     * @param fetched the body as the {@link StatusListFetcher} returned it
     * @return the verified status list credential as JSON
     */
    JsonNode verify(String statusListCredentialUrl, String fetched) throws CreditMeshException;
}
