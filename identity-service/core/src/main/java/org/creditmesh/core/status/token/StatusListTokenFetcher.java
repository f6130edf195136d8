package org.creditmesh.core.status.token;

import org.creditmesh.core.error.CreditMeshException;

/**
 * Retrieves the Status List Token a Referenced Token's {@code uri} names (draft-ietf-oauth-status-list-20
 * section 8.1: an HTTP GET with {@code Accept: application/statuslist+jwt}) and returns the body, the JWS
 * compact serialization, as received. Any failure is reported as {@link TokenStatusError#STATUS_LIST_UNAVAILABLE}.
 */
@FunctionalInterface
public interface StatusListTokenFetcher {

    String fetch(String uri) throws CreditMeshException;
}
