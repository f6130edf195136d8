package org.creditmesh.scoring.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditmesh.scoring.scorecard.AttributeBinning;
import org.creditmesh.scoring.scorecard.Bin;
import org.creditmesh.scoring.scorecard.ScoreDistribution;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardAttribute;
import org.creditmesh.scoring.scorecard.ScorecardException;

/**
 * Population stability index of recent applications against the training population, per model
 * attribute (over its bins, plus a bucket for values no bin holds) and for the score (over training
 * score deciles): PSI = Σ (recent share − training share) · ln(recent share / training share).
 * Under 0.10 stable, 0.10 to 0.25 worth watching, 0.25 and more a shift.
 */
public final class Psi {

    public static final double WATCH = 0.10;
    public static final double SHIFT = 0.25;

    /** Shares are floored so that an empty bucket on one side gives a large but finite term. */
    private static final double FLOOR = 1e-4;

    private Psi() {
    }

    /** Stability status. */
    public enum Status { STABLE, WATCH, SHIFT }

    /** PSI of one attribute, or of the score. */
    public record Entry(String name, double psi, Status status) {
    }

    /** PSI per attribute and for the score, over {@code rows} recent applications. */
    public record Report(int rows, List<Entry> attributes, Entry score) {
    }

    public static Status status(double psi) {
        return psi >= SHIFT ? Status.SHIFT : psi >= WATCH ? Status.WATCH : Status.STABLE;
    }

    public static double psi(double[] expected, double[] actual) {
        double e = 0;
        double a = 0;
        for (int i = 0; i < expected.length; i++) {
            e += expected[i];
            a += actual[i];
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double pe = Math.max(FLOOR, e == 0 ? 0 : expected[i] / e);
            double pa = Math.max(FLOOR, a == 0 ? 0 : actual[i] / a);
            psi += (pa - pe) * Math.log(pa / pe);
        }
        return psi;
    }

    /** PSI of the rows of a table (its target, if any, is not used). */
    public static Report of(Scorecard card, org.creditmesh.scoring.data.CreditData recent) throws ScorecardException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 0; r < recent.rows(); r++) {
            Map<String, String> m = new java.util.HashMap<>();
            for (var c : recent.columns()) {
                m.put(c.name(), c.text(r));
            }
            rows.add(m);
        }
        return of(card, rows);
    }

    /**
     * @param recent applications as attribute → value text, like scoring requests
     * @throws ScorecardException when an application lacks a model attribute or has an invalid value
     */
    public static Report of(Scorecard card, List<Map<String, String>> recent) throws ScorecardException {
        List<Entry> entries = new ArrayList<>();
        int k = card.attributes().size();
        int[][] bins = new int[recent.size()][k];
        double[] scores = new double[recent.size()];
        for (int r = 0; r < recent.size(); r++) {
            scores[r] = card.score(recent.get(r)).score();
            for (int j = 0; j < k; j++) {
                ScorecardAttribute a = card.attributes().get(j);
                String v = recent.get(r).get(a.name());
                bins[r][j] = a.binning().binOf(v == null || org.creditmesh.scoring.data.CsvOptions.DEFAULT_MISSING.contains(v.trim()) ? null : v);
            }
        }
        for (int j = 0; j < k; j++) {
            AttributeBinning b = card.attributes().get(j).binning();
            int n = b.bins().size();
            double[] expected = new double[n + 1];
            double[] actual = new double[n + 1];
            for (int i = 0; i < n; i++) {
                Bin bin = b.bins().get(i);
                expected[i] = bin.count();
            }
            for (int[] row : bins) {
                actual[row[j] == AttributeBinning.NO_BIN ? n : row[j]]++;
            }
            double psi = psi(expected, actual);
            entries.add(new Entry(b.name(), psi, status(psi)));
        }
        ScoreDistribution d = card.trainingScores();
        double[] expected = d.shares().stream().mapToDouble(Double::doubleValue).toArray();
        double psi = psi(expected, d.counts(scores));
        return new Report(recent.size(), entries, new Entry("score", psi, status(psi)));
    }
}
