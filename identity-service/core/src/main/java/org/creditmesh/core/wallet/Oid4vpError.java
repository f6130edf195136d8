package org.creditmesh.core.wallet;

import org.creditmesh.core.error.ErrorCode;

/** Why the wallet refused or could not complete an OpenID4VP presentation. The codes are stable. */
public enum Oid4vpError implements ErrorCode {
    /** The {@code openid4vp://} URI lacks {@code client_id} or {@code request_uri}, or is not a URI. */
    MALFORMED_AUTHORIZATION_REQUEST("malformed_authorization_request"),
    /** The request object could not be fetched from {@code request_uri}. */
    REQUEST_OBJECT_UNAVAILABLE("request_object_unavailable"),
    /** The request object is not a signed JWT of type {@code oauth-authz-req+jwt} with the claims OpenID4VP needs. */
    INVALID_REQUEST_OBJECT("invalid_request_object"),
    /** The request object's signature does not verify with the key the verifier's identifier names. */
    INVALID_REQUEST_SIGNATURE("invalid_request_signature"),
    /** The {@code client_id} of the request object is not the one of the authorization request. */
    CLIENT_ID_MISMATCH("client_id_mismatch"),
    /** A Client Identifier Prefix this wallet does not accept for signed requests. */
    UNSUPPORTED_CLIENT_ID_PREFIX("unsupported_client_id_prefix"),
    /** The request object's {@code exp} has passed. */
    REQUEST_EXPIRED("request_expired"),
    /** No held credential answers a Credential Query of the DCQL query. */
    NO_MATCHING_CREDENTIAL("no_matching_credential"),
    /** The presentation could not be built (e.g. the holder key is not the credential's {@code cnf}). */
    PRESENTATION_FAILED("presentation_failed"),
    /** The response endpoint could not be reached. */
    TRANSPORT_FAILED("transport_failed");

    private final String code;

    Oid4vpError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
