package org.creditmesh.anchor.batch;

/**
 * What one {@link Batcher#tick()} did.
 *
 * @param standby another batcher holds the outbox's batcher lock; this one did nothing
 * @param opened batches closed from the queue
 * @param sent first transactions broadcast
 * @param replaced stuck transactions replaced (same nonce, fees bumped)
 * @param rebroadcast recorded transactions the node did not know, broadcast again unchanged
 * @param mined receipts recorded
 * @param confirmed batches confirmed (proofs stored)
 * @param reorged batches whose block left the chain (hashes queued again)
 * @param failed batches that reverted or lost their nonce (hashes queued again)
 * @param unfinished batches still OPEN, BUILT, SENT or MINED after the tick
 */
public record TickReport(boolean standby, int opened, int sent, int replaced, int rebroadcast, int mined,
        int confirmed, int reorged, int failed, int unfinished) {

    static TickReport standbyReport() {
        return new TickReport(true, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** True when the tick changed nothing (no new batch, transaction or state). */
    public boolean idle() {
        return opened + sent + replaced + rebroadcast + mined + confirmed + reorged + failed == 0;
    }
}
