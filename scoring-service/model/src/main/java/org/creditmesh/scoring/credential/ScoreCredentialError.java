package org.creditmesh.scoring.credential;

import org.creditmesh.core.error.ErrorCode;

/** Why a {@code CreditScoreCredential} could not be built. */
public enum ScoreCredentialError implements ErrorCode {
    /** A threshold for which the CreditScoreCredential schema has no {@code score_at_least_<T>} claim. */
    UNSUPPORTED_THRESHOLD("unsupported_threshold"),
    /** A subject that is not a DID, or a model id/version/fingerprint the schema refuses. */
    INVALID_CREDENTIAL_INPUT("invalid_credential_input");

    private final String code;

    ScoreCredentialError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
