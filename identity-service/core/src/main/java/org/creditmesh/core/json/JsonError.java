package org.creditmesh.core.json;

import org.creditmesh.core.error.ErrorCode;

/** Why a JSON input was refused. */
public enum JsonError implements ErrorCode {
    MALFORMED_JSON("malformed_json"),
    DUPLICATE_MEMBER("duplicate_member"),
    INPUT_TOO_LARGE("input_too_large"),
    NESTING_TOO_DEEP("nesting_too_deep"),
    NOT_AN_OBJECT("not_an_object");

    private final String code;

    JsonError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
