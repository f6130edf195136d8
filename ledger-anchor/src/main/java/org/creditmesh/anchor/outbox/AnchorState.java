package org.creditmesh.anchor.outbox;

/** How far a submitted hash has come. */
public enum AnchorState {
    /** In the outbox, not in a batch yet. */
    QUEUED,
    /** In a batch whose transaction is not sent yet. */
    BATCHED,
    /** Its batch's transaction is sent, no receipt yet. */
    SENT,
    /** Mined, waiting for the configured confirmations. */
    MINED,
    /** Confirmed: its proof is available. */
    CONFIRMED
}
