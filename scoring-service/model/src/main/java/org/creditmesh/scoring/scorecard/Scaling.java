package org.creditmesh.scoring.scorecard;

/**
 * Points-to-double-the-odds scaling: score = offset + factor · ln(good:bad odds), with
 * factor = PDO / ln 2 and offset = base score − factor · ln(base odds). With the defaults a score of
 * 600 means 50:1 odds and every 20 points double them.
 *
 * @param baseScore points at {@code baseOdds}
 * @param baseOdds good:bad odds at {@code baseScore}
 * @param pdo points that double the odds
 */
public record Scaling(double baseScore, double baseOdds, double pdo) {

    public Scaling {
        if (!(baseOdds > 0) || !(pdo > 0) || !Double.isFinite(baseScore) || !Double.isFinite(baseOdds) || !Double.isFinite(pdo)) {
            throw new IllegalArgumentException("scaling needs positive finite odds and PDO");
        }
    }

    public static Scaling of(ScorecardConfig config) {
        return new Scaling(config.baseScore(), config.baseOdds(), config.pdo());
    }

    public double factor() {
        return pdo / Math.log(2);
    }

    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** The score of given good:bad odds. */
    public double scoreOfOdds(double goodBadOdds) {
        return offset() + factor() * Math.log(goodBadOdds);
    }

    /** The good:bad odds a score stands for. */
    public double oddsOfScore(double score) {
        return Math.exp((score - offset()) / factor());
    }

    /** Probability of the bad class at a score. */
    public double probabilityOfBad(double score) {
        return 1 / (1 + oddsOfScore(score));
    }
}
