package org.creditmesh.scoring.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How training scores spread over score intervals: {@code edges} are the upper bounds of all intervals
 * but the last (training-score quantiles), {@code shares} the share of training rows in each interval.
 *
 * @param edges interval bounds, increasing; a score s is in interval i when edges[i-1] &lt; s ≤ edges[i]
 * @param shares share of training scores per interval ({@code edges.size() + 1} of them)
 */
public record ScoreDistribution(List<Double> edges, List<Double> shares) {

    public ScoreDistribution {
        edges = List.copyOf(edges);
        shares = List.copyOf(shares);
        if (shares.size() != edges.size() + 1) {
            throw new IllegalArgumentException("one share per interval");
        }
    }

    public static ScoreDistribution of(double[] scores, int groups) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<Double> edges = new ArrayList<>();
        for (int g = 1; g < groups; g++) {
            double e = sorted[(int) Math.min(sorted.length - 1, (long) g * sorted.length / groups)];
            if (e < sorted[sorted.length - 1] && (edges.isEmpty() || e > edges.getLast())) {
                edges.add(e);
            }
        }
        ScoreDistribution empty = new ScoreDistribution(edges, new ArrayList<>(java.util.Collections.nCopies(edges.size() + 1, 0.0)));
        double[] counts = empty.counts(sorted);
        List<Double> shares = new ArrayList<>();
        for (double c : counts) {
            shares.add(c / sorted.length);
        }
        return new ScoreDistribution(edges, shares);
    }

    public int intervalOf(double score) {
        int i = 0;
        while (i < edges.size() && score > edges.get(i)) {
            i++;
        }
        return i;
    }

    public double[] counts(double[] scores) {
        double[] c = new double[shares.size()];
        for (double s : scores) {
            c[intervalOf(s)]++;
        }
        return c;
    }
}
