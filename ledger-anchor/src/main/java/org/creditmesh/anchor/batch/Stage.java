package org.creditmesh.anchor.batch;

/**
 * Points in the batcher's work between two durable steps, where a {@link StageHook} is called: the
 * crash tests stop the batcher at each one and resume with a fresh batcher on the same database.
 */
public enum Stage {
    /** A batch is OPEN (entries claimed); its tree is not recorded. */
    OPENED,
    /** A batch is BUILT; nothing is signed: a crash here is "before send". */
    BUILT,
    /** The transaction is signed and recorded (SENT) but not broadcast yet. */
    SIGNED,
    /** The transaction was broadcast; its receipt not looked for: "after send, before receipt". */
    BROADCAST,
    /** The receipt was seen but MINED not recorded: "after receipt, before marking". */
    RECEIPT_SEEN,
    /** MINED is recorded; the confirmations are not reached. */
    MINED,
    /** The confirmations are reached; CONFIRMED and the proofs are not stored yet. */
    CONFIRMATIONS_REACHED
}
