package org.creditmesh.anchor.batch;

/**
 * Called by the batcher at each {@link Stage}, after the step before it is durable. Production uses
 * {@link #NONE}; tests throw from it to stop the batcher at a named point, as a kill would.
 */
@FunctionalInterface
public interface StageHook {

    StageHook NONE = (stage, batchId) -> { };

    void reached(Stage stage, long batchId);
}
