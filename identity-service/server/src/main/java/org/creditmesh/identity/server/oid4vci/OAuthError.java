package org.creditmesh.identity.server.oid4vci;

import java.io.Serial;
import java.util.Objects;

/**
 * An OAuth 2.0 / OpenID4VCI error: RFC 6749 section 5.2 at the token endpoint, RFC 6750 section 3 and OpenID4VCI
 * 1.0 section 8.3.1 at the credential endpoint. Those specs fix the body ({@code error}, {@code error_description},
 * media type {@code application/json}); {@link OAuthErrorMapper} adds the RFC 9457 members the rest of the service
 * uses, so a client can read it either way. The description never contains claim values or secrets.
 */
final class OAuthError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The error codes used here, with their HTTP status. */
    enum Code {
        INVALID_REQUEST("invalid_request", 400),
        INVALID_GRANT("invalid_grant", 400),
        INVALID_CLIENT("invalid_client", 401),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
        INVALID_TOKEN("invalid_token", 401),
        INSUFFICIENT_SCOPE("insufficient_scope", 403),
        INVALID_CREDENTIAL_REQUEST("invalid_credential_request", 400),
        UNKNOWN_CREDENTIAL_CONFIGURATION("unknown_credential_configuration", 400),
        UNKNOWN_CREDENTIAL_IDENTIFIER("unknown_credential_identifier", 400),
        INVALID_PROOF("invalid_proof", 400),
        INVALID_NONCE("invalid_nonce", 400),
        CREDENTIAL_REQUEST_DENIED("credential_request_denied", 400);

        private final String code;
        private final int status;

        Code(String code, int status) {
            this.code = code;
            this.status = status;
        }

        String code() {
            return code;
        }

        int status() {
            return status;
        }
    }

    private final transient Code code;

    OAuthError(Code code, String description) {
        super(description, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    Code code() {
        return code;
    }
}
