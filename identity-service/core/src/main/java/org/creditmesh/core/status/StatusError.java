package org.creditmesh.core.status;

import java.util.Optional;
import org.creditmesh.core.error.ErrorCode;

/** Why a status entry, a status list or a status check failed. */
public enum StatusError implements ErrorCode {
    /** Section 2.1: a BitstringStatusListEntry that breaks a MUST (type, purpose, index, URL, size, messages). */
    INVALID_STATUS_ENTRY("invalid_status_entry", "MALFORMED_VALUE_ERROR"),
    /** Section 2.2: a status list credential that breaks a MUST (types, subject, purposes). */
    INVALID_STATUS_LIST_CREDENTIAL("invalid_status_list_credential", "MALFORMED_VALUE_ERROR"),
    /** Section 2.2: encodedList that is not multibase base64url (no padding) of GZIP data. */
    INVALID_ENCODED_LIST("invalid_encoded_list", "MALFORMED_VALUE_ERROR"),
    /** The decompressed list exceeds the configured bound (GZIP bomb guard). */
    STATUS_LIST_TOO_LARGE("status_list_too_large", "MALFORMED_VALUE_ERROR"),
    /** Section 3.2: fewer than the minimum number of entries (STATUS_LIST_LENGTH_ERROR). */
    STATUS_LIST_TOO_SHORT("status_list_too_short", "STATUS_LIST_LENGTH_ERROR"),
    /** Section 3.2: the entry's statusPurpose is not one of the list's (STATUS_VERIFICATION_ERROR). */
    STATUS_PURPOSE_MISMATCH("status_purpose_mismatch", "STATUS_VERIFICATION_ERROR"),
    /** Section 3.2: the index points outside the bitstring (RANGE_ERROR). */
    STATUS_INDEX_OUT_OF_RANGE("status_index_out_of_range", "RANGE_ERROR"),
    /** The fetched list's id is not the statusListCredential URL the entry names. */
    STATUS_LIST_MISMATCH("status_list_mismatch", "STATUS_VERIFICATION_ERROR"),
    /** The status list credential is outside its own validity period. */
    STATUS_LIST_NOT_CURRENT("status_list_not_current", "STATUS_VERIFICATION_ERROR"),
    /** Section 3.2: dereferencing the status list failed (STATUS_RETRIEVAL_ERROR). */
    STATUS_RETRIEVAL_FAILED("status_retrieval_failed", "STATUS_RETRIEVAL_ERROR"),
    /** Section 3.2: the status list credential's proof did not verify (STATUS_VERIFICATION_ERROR). */
    STATUS_VERIFICATION_FAILED("status_verification_failed", "STATUS_VERIFICATION_ERROR"),
    /** Every index of a list has been handed out. */
    STATUS_LIST_EXHAUSTED("status_list_exhausted", null);

    private final String code;
    private final String specError;

    StatusError(String code, String specError) {
        this.code = code;
        this.specError = specError;
    }

    @Override
    public String code() {
        return code;
    }

    /** The RFC 9457 problem {@code type} URL of section 3.5, for the errors the specification names. */
    public Optional<String> problemType() {
        return Optional.ofNullable(specError).map(e -> StatusSpecs.PROBLEM_TYPE_PREFIX + e);
    }
}
