package org.creditmesh.core.issuer;

import org.creditmesh.core.error.ErrorCode;

/** Why an issuer or holder refused to sign. */
public enum IssuerError implements ErrorCode {
    ISSUER_MISMATCH("issuer_mismatch"),
    INVALID_CLAIM_PATH("invalid_claim_path"),
    UNSUPPORTED_FOR_FORMAT("unsupported_for_format"),
    HOLDER_KEY_REQUIRED("holder_key_required");

    private final String code;

    IssuerError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
