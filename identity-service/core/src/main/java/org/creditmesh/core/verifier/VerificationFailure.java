package org.creditmesh.core.verifier;

import org.creditmesh.core.error.ErrorCode;

/**
 * The closed set of reasons a verification fails, so that a lender's API says which check failed.
 * The codes are part of the public contract (CLI {@code --json}, problem+json types) and never change.
 */
public enum VerificationFailure implements ErrorCode {
    MALFORMED("malformed"),
    UNSUPPORTED_FORMAT("unsupported_format"),
    DATA_MODEL("data_model"),
    UNKNOWN_CONTEXT("unknown_context"),
    SIGNATURE("signature"),
    KEY_NOT_RESOLVED("key_not_resolved"),
    PROOF_PURPOSE("proof_purpose"),
    DISCLOSURE_MISMATCH("disclosure_mismatch"),
    EXPIRED("expired"),
    NOT_YET_VALID("not_yet_valid"),
    REVOKED("revoked"),
    SUSPENDED("suspended"),
    STATUS_UNAVAILABLE("status_unavailable"),
    SCHEMA("schema"),
    UNTRUSTED_ISSUER("untrusted_issuer"),
    HOLDER_BINDING("holder_binding"),
    NOT_ANCHORED("not_anchored");

    private final String code;

    VerificationFailure(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
