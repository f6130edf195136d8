/**
 * The wallet side of OpenID for Verifiable Credential Issuance 1.0 (pre-authorized code flow): resolve a credential
 * offer, read the issuer's and authorization server's metadata, redeem the pre-authorized code (with a tx_code when
 * asked), get a {@code c_nonce}, prove possession of the holder key with an {@code openid4vci-proof+jwt}, and keep
 * the credential only after the core's {@link org.creditmesh.core.verifier.CredentialVerifier} accepted it and it is
 * bound to the holder key. Plain Java and {@link java.net.http.HttpClient}; no framework.
 */
package org.creditmesh.core.wallet;
