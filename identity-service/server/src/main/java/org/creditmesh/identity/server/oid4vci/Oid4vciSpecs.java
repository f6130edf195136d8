package org.creditmesh.identity.server.oid4vci;

/** OpenID4VCI 1.0 and OAuth 2.0 names this package uses, in one place. */
final class Oid4vciSpecs {

    /** Section 4.1.1: the grant type of the pre-authorized code flow. */
    static final String GRANT_PRE_AUTHORIZED_CODE = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    static final String PRE_AUTHORIZED_CODE = "pre-authorized_code";
    static final String TX_CODE = "tx_code";
    /** Appendix F.1: the {@code typ} of a key proof JWT. */
    static final String PROOF_TYP = "openid4vci-proof+jwt";
    /** Section 4.1.3: the scheme wallets register for credential offers. */
    static final String OFFER_SCHEME = "openid-credential-offer://";

    static final String WELL_KNOWN_ISSUER = "/.well-known/openid-credential-issuer";
    static final String WELL_KNOWN_AS = "/.well-known/oauth-authorization-server";
    /** The paths of this package's endpoints, under the credential issuer identifier. */
    static final String BASE = "/oid4vci";
    static final String OFFERS = BASE + "/offers";
    static final String TOKEN = BASE + "/token";
    static final String NONCE = BASE + "/nonce";
    static final String CREDENTIAL = BASE + "/credential";

    static final String FORMAT_SD_JWT = "dc+sd-jwt";
    static final String FORMAT_JWT_VC_JSON = "jwt_vc_json";

    private Oid4vciSpecs() {
    }
}
