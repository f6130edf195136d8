package org.creditmesh.anchor.outbox;

import org.creditmesh.core.error.ErrorCode;

/** Why the anchoring outbox refused or failed; stable codes. */
public enum OutboxError implements ErrorCode {
    /** A submission with no hash, an unknown kind or a reference outside the allowed characters. */
    INVALID_SUBMISSION("invalid_anchor_submission"),
    /** The outbox database cannot be reached or refused the statement; nothing was accepted. */
    OUTBOX_UNAVAILABLE("outbox_unavailable"),
    /**
     * The outbox has unfinished batches for another chain or registry than the configured one (a
     * configuration change while transactions may be in flight).
     */
    OTHER_TARGET("outbox_bound_to_other_chain"),
    /** A stored proof could not be read back (the database was edited by hand). */
    CORRUPT_RECORD("outbox_corrupt_record");

    private final String code;

    OutboxError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
