package org.creditmesh.service.auth;

/** Names from RFC 9068 (JWT access tokens), RFC 6749 and RFC 6750 that issuer and verifier share. */
public final class TokenSpecs {

    /** The JOSE {@code typ} of an access token (RFC 9068 section 2.1); {@code application/at+jwt} is accepted too. */
    public static final String TYP = "at+jwt";
    public static final String CLAIM_CLIENT_ID = "client_id";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SCOPE = "scope";
    /** The HTTP authentication scheme (RFC 6750 section 2.1). */
    public static final String BEARER = "Bearer";
    /** The realm every CreditMesh service names in its challenge. */
    public static final String REALM = "creditmesh";

    private TokenSpecs() {
    }
}
