package org.creditmesh.scoring.federated;

import java.util.ArrayList;
import java.util.List;
import org.creditmesh.scoring.scorecard.Band;
import org.creditmesh.scoring.scorecard.ScoreDistribution;
import org.creditmesh.scoring.scorecard.ScorecardConfig;

/**
 * The summed histogram of the lenders' training scores on a public grid of score cells: what the
 * coordinator reads the bands, the cut-off and the training-score distribution from, since no one
 * holds the pooled scores. The grid spans the model's lowest to highest possible score (public:
 * a function of the points table) in cells of {@code width} points; quantiles interpolate linearly
 * inside a cell.
 */
final class ScoreHistogram {

    private final double low;
    private final double width;
    private final double[] counts;
    private final double total;

    /** Cells of at least {@code width} points, widened so that there are at most {@code maxCells}. */
    static double[] grid(double lowest, double highest, double width, int maxCells) {
        double lo = Math.floor(lowest);
        double w = Math.max(width, (Math.ceil(highest) - lo + 1) / maxCells);
        int cells = (int) Math.max(1, Math.ceil((Math.ceil(highest) - lo + 1e-9) / w) + 1);
        return new double[] {lo, w, cells};
    }

    static int cell(double score, double low, double width, int cells) {
        return (int) Math.max(0, Math.min(cells - 1, Math.floor((score - low) / width)));
    }

    /** @param counts summed (possibly noisy) counts; negative ones are read as 0 */
    ScoreHistogram(double low, double width, long[] counts) {
        this.low = low;
        this.width = width;
        this.counts = new double[counts.length];
        double t = 0;
        for (int i = 0; i < counts.length; i++) {
            this.counts[i] = Math.max(0, counts[i]);
            t += this.counts[i];
        }
        this.total = t;
    }

    /** The score below which a share q of the rows falls. */
    double quantile(double q) {
        if (total == 0) {
            return low;
        }
        double target = q * total;
        double cum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && cum + counts[i] >= target) {
                return low + width * (i + Math.max(0, target - cum) / counts[i]);
            }
            cum += counts[i];
        }
        return low + width * counts.length;
    }

    /** Share of the rows at or below a score. */
    double cdf(double score) {
        if (total == 0) {
            return 0;
        }
        double pos = (score - low) / width;
        double cum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (pos <= i) {
                break;
            }
            cum += counts[i] * Math.min(1, pos - i);
        }
        return cum / total;
    }

    /** Bands as {@code ScorecardFitter} makes them: explicit cuts, or rounded training-score quantiles. */
    List<Band> bands(ScorecardConfig config) {
        List<Band> out = new ArrayList<>();
        List<Double> cuts = new ArrayList<>();
        if (!config.bandCuts().isEmpty()) {
            cuts.addAll(config.bandCuts());
        } else {
            for (int i = 1; i < config.bandCount(); i++) {
                double rounded = Math.round(quantile(1 - (double) i / config.bandCount()));
                if (cuts.isEmpty() || rounded < cuts.getLast()) {
                    cuts.add(rounded);
                }
            }
        }
        for (int i = 0; i < cuts.size(); i++) {
            out.add(new Band(String.valueOf((char) ('A' + Math.min(i, 25))), cuts.get(i)));
        }
        out.add(new Band(String.valueOf((char) ('A' + Math.min(cuts.size(), 25))), null));
        return out;
    }

    /** The distribution over {@code groups} quantile intervals. */
    ScoreDistribution distribution(int groups) {
        List<Double> edges = new ArrayList<>();
        for (int g = 1; g < groups; g++) {
            double e = quantile((double) g / groups);
            if (edges.isEmpty() || e > edges.getLast()) {
                edges.add(e);
            }
        }
        List<Double> shares = new ArrayList<>();
        double prev = 0;
        for (double e : edges) {
            double c = cdf(e);
            shares.add(Math.max(0, c - prev));
            prev = c;
        }
        shares.add(Math.max(0, 1 - prev));
        return new ScoreDistribution(edges, shares);
    }
}
