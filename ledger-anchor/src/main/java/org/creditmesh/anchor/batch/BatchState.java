package org.creditmesh.anchor.batch;

/**
 * The life of a batch: {@code OPEN → BUILT → SENT → MINED → CONFIRMED}; {@code REORGED} and
 * {@code FAILED} are ends that put the batch's hashes back into the queue.
 */
public enum BatchState {
    /** Entries claimed from the queue; tree not recorded yet. */
    OPEN,
    /** Leaves and root recorded; no transaction signed. */
    BUILT,
    /** A signed transaction is recorded (and broadcast, unless a crash came first); no receipt seen. */
    SENT,
    /** A successful receipt was seen (block, log index); waiting for confirmations. */
    MINED,
    /** The configured confirmations passed with the block still canonical; every leaf's proof is stored. */
    CONFIRMED,
    /** The block left the canonical chain with the transaction; its hashes are queued again. */
    REORGED,
    /** The transaction reverted, or its nonce went to a transaction not its own; its hashes are queued again. */
    FAILED
}
