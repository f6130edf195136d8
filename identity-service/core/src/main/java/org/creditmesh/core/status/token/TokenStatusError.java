package org.creditmesh.core.status.token;

import org.creditmesh.core.error.ErrorCode;

/** Why a status reference, a Status List, a Status List Token or a status check failed. Codes never change. */
public enum TokenStatusError implements ErrorCode {
    /** Section 6.2: {@code status.status_list} missing, or {@code idx} / {@code uri} not as required. */
    INVALID_STATUS_REFERENCE("invalid_status_reference"),
    /** Section 8.3 step 2: the Status List Token could not be retrieved. */
    STATUS_LIST_UNAVAILABLE("status_list_unavailable"),
    /** Section 5.1 / 8.3 step 3: not a JWT, wrong {@code typ}, refused {@code alg}, or a required claim missing. */
    INVALID_STATUS_LIST_TOKEN("invalid_status_list_token"),
    /** Section 5.1 rule 2: the signature does not verify with the Status Issuer's key. */
    STATUS_LIST_SIGNATURE("status_list_signature"),
    /** Section 11.3: no key of the expected Status Issuer is known for this token. */
    UNKNOWN_STATUS_LIST_KEY("unknown_status_list_key"),
    /** Section 8.3 step 4a: {@code sub} is not the {@code uri} the Referenced Token names. */
    STATUS_LIST_SUBJECT_MISMATCH("status_list_subject_mismatch"),
    /** Section 8.3 step 4c (and RFC 7519 for {@code nbf}): the token is expired or not yet valid. */
    STATUS_LIST_EXPIRED("status_list_expired"),
    /** Section 4.2: {@code bits} not 1, 2, 4 or 8, or {@code lst} not base64url of ZLIB/DEFLATE data. */
    INVALID_STATUS_LIST("invalid_status_list"),
    /** The decompressed list would exceed the configured bound (ZLIB bomb guard, section 11.1). */
    DECOMPRESSION_LIMIT("decompression_limit"),
    /** Section 8.3 step 6: the index lies outside the list; no statement about the status can be made. */
    INDEX_OUT_OF_RANGE("index_out_of_range"),
    /** Section 7: a status value that does not fit in the list's {@code bits}. */
    INVALID_STATUS_VALUE("invalid_status_value"),
    /** Signing a Status List Token failed (key and algorithm do not match). */
    SIGNING_FAILED("signing_failed");

    private final String code;

    TokenStatusError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
