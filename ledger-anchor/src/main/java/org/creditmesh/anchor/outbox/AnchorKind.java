package org.creditmesh.anchor.outbox;

import java.util.Locale;

/** What a submitted hash stands for; the outbox deduplicates by kind and hash. */
public enum AnchorKind {
    /** A verifiable credential (on issuance, when the issuer asks for it). */
    CREDENTIAL("credential"),
    /** One version of a status list. */
    STATUS_LIST("status-list"),
    /** An issuer's accreditation record. */
    ACCREDITATION("accreditation"),
    /** A scoring model fingerprint. */
    MODEL("model"),
    /** An audit-log checkpoint. */
    AUDIT_CHECKPOINT("audit-checkpoint");

    private final String code;

    AnchorKind(String code) {
        this.code = code;
    }

    /** The stable name stored in the outbox and accepted by {@link #parse}. */
    public String code() {
        return code;
    }

    public static AnchorKind parse(String code) throws OutboxException {
        if (code != null) {
            for (AnchorKind k : values()) {
                if (k.code.equals(code.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
        }
        throw new OutboxException(OutboxError.INVALID_SUBMISSION, "unknown anchor kind");
    }
}
