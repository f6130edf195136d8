package org.creditmesh.scoring.scorecard;

import org.creditmesh.core.error.ErrorCode;

/** Why a configuration, a model directory or a scoring request was refused. */
public enum ScorecardError implements ErrorCode {
    /** A configuration value out of range or an unknown configuration key. */
    INVALID_CONFIG("invalid_config"),
    /** A model directory that is missing a file or holds unreadable content. */
    UNREADABLE_MODEL("unreadable_model"),
    /** A model whose content no longer matches its fingerprint or its Tribuo model. */
    FINGERPRINT_MISMATCH("fingerprint_mismatch"),
    /** A scoring request that lacks an attribute the model needs. */
    MISSING_ATTRIBUTE("missing_attribute"),
    /** A scoring request with a value the attribute cannot take (e.g. text for a numeric attribute). */
    INVALID_VALUE("invalid_value"),
    /** The model could not be trained (e.g. no attribute carries any information). */
    TRAINING_FAILED("training_failed"),
    /** The outputs (model, reports) could not be written. */
    UNWRITABLE_OUTPUT("unwritable_output");

    private final String code;

    ScorecardError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
