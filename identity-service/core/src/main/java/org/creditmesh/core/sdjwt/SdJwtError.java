package org.creditmesh.core.sdjwt;

import org.creditmesh.core.error.ErrorCode;

/** Why an SD-JWT was refused (or could not be built or presented). The codes are stable. */
public enum SdJwtError implements ErrorCode {
    /** Not an SD-JWT at all: wrong number of parts, bad base64url, payload or header not a JSON object. */
    MALFORMED_SD_JWT("malformed_sd_jwt"),
    /** Larger than the configured limits (bytes or number of disclosures). */
    INPUT_TOO_LARGE("input_too_large"),
    TOO_MANY_DISCLOSURES("too_many_disclosures"),
    /** A disclosure that is not base64url of a JSON array of 2 or 3 elements with a string salt (and name). */
    INVALID_DISCLOSURE("invalid_disclosure"),
    /** A disclosure named {@code _sd} or {@code ...} (RFC 9901 section 7.1). */
    RESERVED_CLAIM_NAME("reserved_claim_name"),
    /** An array-element disclosure referenced from {@code _sd}, or an object-member disclosure from {@code ...}. */
    DISCLOSURE_TYPE_MISMATCH("disclosure_type_mismatch"),
    /** A disclosure whose digest is referenced nowhere in the payload or in other disclosures. */
    DISCLOSURE_DIGEST_MISSING("disclosure_digest_missing"),
    /** The same disclosure presented twice. */
    DUPLICATE_DISCLOSURE("duplicate_disclosure"),
    /** The same digest appears more than once in the payload and disclosures. */
    DUPLICATE_DIGEST("duplicate_digest"),
    /** A disclosed claim name already exists at its level. */
    CLAIM_NAME_COLLISION("claim_name_collision"),
    /** {@code _sd}, {@code _sd_alg} or {@code ...} used in a way RFC 9901 does not allow. */
    INVALID_SD_STRUCTURE("invalid_sd_structure"),
    /** {@code _sd_alg} names a hash algorithm we do not support. */
    UNSUPPORTED_SD_ALG("unsupported_sd_alg"),
    /** JWS {@code alg} is {@code none}, symmetric, or not usable with the key. */
    UNSUPPORTED_ALG("unsupported_alg"),
    /** JWS header {@code typ} is not the one expected. */
    WRONG_TYP("wrong_typ"),
    /** A {@code crit} header names an extension we do not understand. */
    UNKNOWN_CRITICAL_HEADER("unknown_crit"),
    /** The issuer-signed JWT's signature does not verify. */
    INVALID_SIGNATURE("invalid_signature"),
    /** No key can be found for the issuer (or its {@code kid}). */
    UNKNOWN_ISSUER_KEY("unknown_issuer_key"),
    /** Time checks of the issuer-signed JWT. */
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    /** A registered claim with the wrong JSON type ({@code exp} not a number, {@code vct} not a string...). */
    INVALID_CLAIM("invalid_claim"),
    /** A claim the profile requires is absent (SD-JWT VC {@code vct}). */
    MISSING_CLAIM("missing_claim"),
    /** A claim that must never be selectively disclosable was disclosed through a disclosure. */
    CLAIM_NOT_DISCLOSABLE("claim_not_disclosable"),
    /** Key binding was required and the presentation has no KB-JWT. */
    KEY_BINDING_REQUIRED("key_binding_required"),
    /** The KB-JWT is malformed, its signature does not verify with the {@code cnf} key, or there is no {@code cnf}. */
    KEY_BINDING_INVALID("key_binding_invalid"),
    SD_HASH_MISMATCH("sd_hash_mismatch"),
    NONCE_MISMATCH("nonce_mismatch"),
    AUDIENCE_MISMATCH("audience_mismatch"),
    /** The KB-JWT {@code iat} is outside the accepted window. */
    KEY_BINDING_NOT_FRESH("key_binding_not_fresh"),
    /** Issuer: a disclosure spec that does not fit the claims. */
    INVALID_DISCLOSURE_SPEC("invalid_disclosure_spec"),
    /** Holder: a claim path that the SD-JWT does not contain. */
    UNKNOWN_CLAIM_PATH("unknown_claim_path"),
    /** Signing with the issuer or holder key failed. */
    SIGNING_FAILED("signing_failed");

    private final String code;

    SdJwtError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
