/**
 * IETF Token Status List (draft-ietf-oauth-status-list-20), the status mechanism of SD-JWT VCs: the Status List
 * ({@link org.creditmesh.core.status.token.TokenStatusList}, 1/2/4/8 bits per entry, ZLIB-compressed, bounded
 * decoding), a Referenced Token's {@code status.status_list} reference
 * ({@link org.creditmesh.core.status.token.StatusReference}), the signed Status List Token in JWT format
 * ({@link org.creditmesh.core.status.token.StatusListTokenIssuer},
 * {@link org.creditmesh.core.status.token.StatusListTokenVerifier}) and the relying party's check
 * ({@link org.creditmesh.core.status.token.TokenStatusChecker}), whose retrieval and key resolution are pluggable.
 * Every refusal is a {@link org.creditmesh.core.status.token.TokenStatusException} with a
 * {@link org.creditmesh.core.status.token.TokenStatusError} code.
 */
package org.creditmesh.core.status.token;
