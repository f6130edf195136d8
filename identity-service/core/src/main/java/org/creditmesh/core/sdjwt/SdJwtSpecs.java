package org.creditmesh.core.sdjwt;

/**
 * The names, media types and limits of RFC 9901 (SD-JWT) in one place, so the code reads the spec's own
 * vocabulary instead of scattered string literals.
 */
public final class SdJwtSpecs {

    /** RFC 9901 section 4.2.4.1: digests of the selectively disclosable members of an object. */
    public static final String SD = "_sd";
    /** RFC 9901 section 4.1.1: the hash algorithm of the digests; top level of the payload only. */
    public static final String SD_ALG = "_sd_alg";
    /** RFC 9901 section 4.2.4.2: the member of an array-element placeholder {@code {"...": digest}}. */
    public static final String ARRAY_ELEMENT_DIGEST = "...";
    /** RFC 9901 section 4: separator of the compact serialization. */
    public static final char SEPARATOR = '~';

    /** RFC 7800 section 3.1: the confirmation claim and its JWK member. */
    public static final String CNF = "cnf";
    public static final String CNF_JWK = "jwk";

    /** RFC 9901 section 9.8: the generic example media type's {@code typ}; profiles define their own. */
    public static final String TYP_EXAMPLE_SD_JWT = "example+sd-jwt";
    /** RFC 9901 section 4.3: the {@code typ} of a Key Binding JWT. */
    public static final String TYP_KB_JWT = "kb+jwt";

    /** RFC 9901 section 4.3: Key Binding JWT claims. */
    public static final String SD_HASH = "sd_hash";
    public static final String NONCE = "nonce";
    public static final String AUD = "aud";
    public static final String IAT = "iat";
    public static final String EXP = "exp";
    public static final String NBF = "nbf";
    public static final String ISS = "iss";

    /** RFC 7515 header parameters this package reads. */
    public static final String HEADER_ALG = "alg";
    public static final String HEADER_TYP = "typ";
    public static final String HEADER_KID = "kid";
    public static final String HEADER_CRIT = "crit";

    /** RFC 9901 section 8: members of the JWS JSON serialization and its unprotected header. */
    public static final String JSON_PAYLOAD = "payload";
    public static final String JSON_PROTECTED = "protected";
    public static final String JSON_SIGNATURE = "signature";
    public static final String JSON_SIGNATURES = "signatures";
    public static final String JSON_HEADER = "header";
    public static final String JSON_DISCLOSURES = "disclosures";
    public static final String JSON_KB_JWT = "kb_jwt";

    /** RFC 9901 section 9.3: at least 128 bits of salt entropy. */
    public static final int MIN_SALT_BYTES = 16;

    private SdJwtSpecs() {
    }
}
