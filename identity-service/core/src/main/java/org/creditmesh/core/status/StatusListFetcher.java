package org.creditmesh.core.status;

import org.creditmesh.core.error.CreditMeshException;

/**
 * Dereferences a {@code statusListCredential} URL (Bitstring Status List v1.0 section 3.2) and returns the
 * body as received: a JSON credential with an embedded proof, or an enveloped form such as a
 * {@code vc+jwt}. A failure here is reported as STATUS_RETRIEVAL_ERROR.
 */
@FunctionalInterface
public interface StatusListFetcher {

    String fetch(String statusListCredentialUrl) throws CreditMeshException;
}
