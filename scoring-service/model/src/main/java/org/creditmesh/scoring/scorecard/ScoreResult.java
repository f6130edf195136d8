package org.creditmesh.scoring.scorecard;

import java.util.List;

/**
 * A score with its meaning.
 *
 * @param score points (not rounded; {@link #points()} rounds)
 * @param probabilityOfBad the model's probability of the bad class
 * @param band the score band
 * @param approved whether the score reaches the model's cut-off
 * @param reasons up to the configured number of reason codes, the costliest first
 * @param modelFingerprint the fingerprint of the model that scored
 */
public record ScoreResult(double score, double probabilityOfBad, String band, boolean approved,
                          List<ReasonCode> reasons, String modelFingerprint) {

    public ScoreResult {
        reasons = List.copyOf(reasons);
    }

    public long points() {
        return Math.round(score);
    }
}
