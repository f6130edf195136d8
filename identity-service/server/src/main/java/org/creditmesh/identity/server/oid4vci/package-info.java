/**
 * OpenID for Verifiable Credential Issuance 1.0 (final): the pre-authorized code flow with an optional
 * {@code tx_code}. A bureau creates a credential offer; the wallet resolves it by reference, redeems the
 * pre-authorized code at the token endpoint, fetches a {@code c_nonce}, and proves possession of its key at the
 * credential endpoint. Issuance itself goes through {@link org.creditmesh.identity.server.issuance.IssuanceService}.
 */
package org.creditmesh.identity.server.oid4vci;
