package org.creditmesh.core.wallet;

/** OpenID for Verifiable Presentations 1.0 names and values, in one place (verifier and wallet use them). */
public final class Oid4vpSpecs {

    /** The scheme of authorization requests for wallets without a known URL (section 13.1.2 / 5.10). */
    public static final String SCHEME = "openid4vp";
    /** JWT {@code typ} of a request object (RFC 9101 section 10.8, OpenID4VP section 5). */
    public static final String TYP_REQUEST_OBJECT = "oauth-authz-req+jwt";
    /** Media type of a request object served at {@code request_uri}. */
    public static final String MEDIA_TYPE_REQUEST_OBJECT = "application/oauth-authz-req+jwt";
    /** {@code aud} of a request object when the wallet's metadata is static (section 5.8). */
    public static final String STATIC_AUDIENCE = "https://self-issued.me/v2";

    public static final String CLIENT_ID = "client_id";
    public static final String REQUEST_URI = "request_uri";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String RESPONSE_TYPE_VP_TOKEN = "vp_token";
    public static final String RESPONSE_MODE = "response_mode";
    /** Response mode of section 8.2: the wallet POSTs the response, form-encoded, to {@code response_uri}. */
    public static final String RESPONSE_MODE_DIRECT_POST = "direct_post";
    public static final String RESPONSE_URI = "response_uri";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String NONCE = "nonce";
    public static final String STATE = "state";
    public static final String DCQL_QUERY = "dcql_query";
    public static final String CLIENT_METADATA = "client_metadata";
    public static final String VP_TOKEN = "vp_token";
    public static final String ERROR = "error";
    public static final String ERROR_DESCRIPTION = "error_description";

    /**
     * Client Identifier Prefix (section 5.9.3) for a verifier identified by a DID: the request object is signed
     * with a key of the DID document, named by the JWS {@code kid} as a DID URL.
     */
    public static final String PREFIX_DECENTRALIZED_IDENTIFIER = "decentralized_identifier";

    private Oid4vpSpecs() {
    }
}
