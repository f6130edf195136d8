package org.creditmesh.core.jose;

/** Constants of W3C "Securing Verifiable Credentials using JOSE and COSE" (VC-JOSE-COSE), in one place. */
public final class VcJwtSpecs {

    /** Section 3.1.1: the {@code typ} of a credential secured with JOSE. */
    public static final String TYP_VC = "vc+jwt";
    /** Section 3.1.2: the {@code typ} of a presentation secured with JOSE. */
    public static final String TYP_VP = "vp+jwt";
    /** Section 3.1.1: the optional {@code cty} of a secured credential. */
    public static final String CTY_VC = "vc";
    /** Section 3.1.2: the optional {@code cty} of a secured presentation. */
    public static final String CTY_VP = "vp";
    /** IANA Considerations: media type of a credential secured with JOSE. */
    public static final String MEDIA_TYPE_VC_JWT = "application/vc+jwt";
    /** IANA Considerations: media type of a presentation secured with JOSE. */
    public static final String MEDIA_TYPE_VP_JWT = "application/vp+jwt";

    /** Section 3.1.3: these JWT claim names MUST NOT be present (they belong to the VCDM 1.1 JWT encoding). */
    public static final String FORBIDDEN_CLAIM_VC = "vc";
    public static final String FORBIDDEN_CLAIM_VP = "vp";

    /** RFC 7519 and OpenID Connect claims used for presentations bound to a verifier's challenge. */
    public static final String CLAIM_NONCE = "nonce";
    public static final String CLAIM_AUD = "aud";
    public static final String CLAIM_ISS = "iss";
    public static final String CLAIM_IAT = "iat";
    public static final String CLAIM_EXP = "exp";
    public static final String CLAIM_NBF = "nbf";

    /**
     * VCDM 1.1 section 6.3.1, the JWT encoding OpenID4VCI 1.0 Appendix A.1.1 names {@code jwt_vc_json}: the
     * credential is the {@code vc} claim of a JWT typed {@code JWT}, its issuer, id, subject and dates mirrored
     * in {@code iss}, {@code jti}, {@code sub}, {@code nbf} and {@code exp}.
     */
    public static final String TYP_JWT = "JWT";
    public static final String CLAIM_VC = "vc";
    public static final String CLAIM_JTI = "jti";
    public static final String CLAIM_SUB = "sub";

    /** Longest compact JWS accepted: the payload JSON is bounded at 1 MiB, base64url adds a third. */
    public static final int MAX_COMPACT_LENGTH = 3 << 20;

    private VcJwtSpecs() {
    }
}
