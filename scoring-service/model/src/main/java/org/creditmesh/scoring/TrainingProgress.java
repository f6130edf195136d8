package org.creditmesh.scoring;

/**
 * Progress of a training run, for a progress bar: {@code done} of {@code total} steps of a stage.
 * Cross-validation folds run on worker threads: calls may come from them, one at a time, with
 * {@code done} increasing.
 */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (stage, done, total) -> { };

    void update(String stage, int done, int total);
}
