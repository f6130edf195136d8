package org.creditmesh.scoring.scorecard;

import java.util.List;

/**
 * An attribute of a fitted scorecard: its bins, the logistic-regression coefficient of its weight of
 * evidence and the points of each bin (−factor · coefficient · WoE).
 *
 * @param code the reason code of the attribute
 * @param binning bins with weights of evidence
 * @param coefficient coefficient on the log-odds of the bad class
 * @param points points of each bin, in the order of the bins
 */
public record ScorecardAttribute(String code, AttributeBinning binning, double coefficient, List<Double> points) {

    public ScorecardAttribute {
        points = List.copyOf(points);
    }

    public String name() {
        return binning.name();
    }

    /** Points of a bin index, 0 for {@link AttributeBinning#NO_BIN}. */
    public double pointsOf(int bin) {
        return bin == AttributeBinning.NO_BIN ? 0 : points.get(bin);
    }

    public int bestBin() {
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i) > points.get(best)) {
                best = i;
            }
        }
        return best;
    }

    public double bestPoints() {
        return points.isEmpty() ? 0 : points.get(bestBin());
    }
}
