package org.creditmesh.core.keys;

import org.creditmesh.core.error.ErrorCode;

/** Why a key could not be read, made or used. */
public enum KeyError implements ErrorCode {
    UNSUPPORTED_KEY_TYPE("unsupported_key_type"),
    INVALID_KEY("invalid_key"),
    INVALID_MULTIKEY("invalid_multikey"),
    INVALID_JWK("invalid_jwk"),
    KEYSTORE("keystore_error"),
    KEY_NOT_FOUND("key_not_found"),
    WRONG_KEYSTORE_PASSWORD("wrong_keystore_password");

    private final String code;

    KeyError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
