package org.creditmesh.scoring.credential;

import java.util.List;

/**
 * The CreditMesh score scale of {@code credit-score-credential.json}: scores 300..850, the five named bands
 * and the threshold claims the schema defines. Kept here, next to the issuer, because the schema states them
 * only as JSON Schema constraints.
 */
public final class ScoreScale {

    public static final int MIN_SCORE = 300;
    public static final int MAX_SCORE = 850;

    /** Thresholds T with a {@code score_at_least_T} claim in the schema. */
    public static final List<Integer> SCHEMA_THRESHOLDS = List.of(500, 550, 600, 650, 700, 750, 800);

    /** The default: 600, 650, 700. */
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(600, 650, 700);

    private ScoreScale() {
    }

    /** The claim name of a threshold, as the schema spells it. */
    public static String thresholdClaim(int threshold) {
        return "score_at_least_" + threshold;
    }

    /** The schema's band of a score on the scale: poor 300-579, fair 580-669, good 670-739, veryGood 740-799, excellent 800-850. */
    public static String band(int score) {
        if (score >= 800) {
            return "excellent";
        }
        if (score >= 740) {
            return "veryGood";
        }
        if (score >= 670) {
            return "good";
        }
        if (score >= 580) {
            return "fair";
        }
        return "poor";
    }

    /**
     * The scorecard's points on the scale: rounded, and held to [300, 850] as bureau scales floor and cap
     * their scores (the scorecard's PDO points are unbounded in principle).
     */
    public static int onScale(double points) {
        return (int) Math.max(MIN_SCORE, Math.min(MAX_SCORE, Math.round(points)));
    }
}
