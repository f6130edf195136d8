package org.creditmesh.core.wallet;

import org.creditmesh.core.error.ErrorCode;

/** Why receiving a credential failed. */
public enum WalletError implements ErrorCode {
    /** The credential offer (URI or object) is malformed or lacks a pre-authorized code grant. */
    INVALID_OFFER("invalid_offer"),
    /** Issuer or authorization server metadata is missing, malformed, not https, or names another issuer. */
    INVALID_METADATA("invalid_metadata"),
    /** The offer requires a transaction code and none was given. */
    TX_CODE_REQUIRED("tx_code_required"),
    /** The token endpoint refused the pre-authorized code or tx_code; {@link WalletException#oauthError()} says how. */
    TOKEN_REJECTED("token_rejected"),
    /** The credential endpoint refused the request; {@link WalletException#oauthError()} says how. */
    CREDENTIAL_REJECTED("credential_rejected"),
    /** A response was not what the protocol prescribes (status, media type, members). */
    PROTOCOL("protocol_error"),
    /** The issuer could not be reached. */
    HTTP("http_error"),
    /** The credential received did not verify, or is not bound to the holder key. */
    CREDENTIAL_NOT_VERIFIED("credential_not_verified"),
    /** The key proof could not be signed. */
    PROOF_SIGNING("proof_signing_failed");

    private final String code;

    WalletError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
