package org.creditmesh.scoring;

/** Progress of a training run, for a progress bar: {@code done} of {@code total} steps of a stage. */
@FunctionalInterface
public interface TrainingProgress {

    TrainingProgress NONE = (stage, done, total) -> { };

    void update(String stage, int done, int total);
}
