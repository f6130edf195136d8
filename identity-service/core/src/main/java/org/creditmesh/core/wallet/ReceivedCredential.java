package org.creditmesh.core.wallet;

import java.time.Instant;
import java.util.Objects;

/**
 * A credential the wallet received, verified and found bound to its holder key.
 *
 * @param format     the OpenID4VCI format identifier ({@code dc+sd-jwt}, {@code jwt_vc_json}, ...)
 * @param credential the credential as the issuer sent it (an SD-JWT, a compact JWS)
 * @param holder     the holder identifier it is bound to (a did:jwk of the holder key)
 */
public record ReceivedCredential(String id, String credentialIssuer, String configurationId, String format,
                                 String credential, String holder, Instant receivedAt) {

    public ReceivedCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(credentialIssuer, "credentialIssuer");
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Shows where it came from, not the credential (it carries personal data). */
    @Override
    public String toString() {
        return "ReceivedCredential[" + id + ", " + configurationId + " from " + credentialIssuer + "]";
    }
}
