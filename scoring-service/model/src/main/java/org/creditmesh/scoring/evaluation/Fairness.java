package org.creditmesh.scoring.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.NumericColumn;

/**
 * Fairness of decisions at a cut-off across the groups of a protected attribute: approval rate per
 * group, its ratio to the best-treated group (the four-fifths rule flags ratios under 0.8) and the
 * AUC within each group. Numeric protected attributes (age) are grouped in bands.
 */
public final class Fairness {

    private Fairness() {
    }

    /** One group of a protected attribute. */
    public record Group(String group, int rows, int bads, double approvalRate, double ratioToBest, boolean flagged, Double auc) {
    }

    /** The groups of one protected attribute. */
    public record Report(String attribute, List<Group> groups, double minRatio, boolean flagged) {
    }

    /**
     * @param scores out-of-fold scores (higher is better), approved when at or above the cut-off
     * @param bands lower bounds of the bands of a numeric attribute; quartiles when {@code null} or empty
     */
    public static Report of(CreditData data, Column attribute, double[] scores, double cutoff, List<Double> bands, double threshold) {
        String[] group = new String[data.rows()];
        Map<String, Integer> rank = new java.util.HashMap<>();
        if (attribute instanceof NumericColumn n) {
            List<Double> edges = bands == null || bands.isEmpty() ? quartiles(n) : bands;
            for (int r = 0; r < group.length; r++) {
                group[r] = n.isMissing(r) ? "missing" : bandLabel(n.value(r), edges);
                double v = n.value(r);
                rank.put(group[r], n.isMissing(r) ? Integer.MAX_VALUE : (int) edges.stream().filter(e -> e <= v).count());
            }
        } else {
            CategoricalColumn c = (CategoricalColumn) attribute;
            for (int r = 0; r < group.length; r++) {
                group[r] = c.isMissing(r) ? "missing" : c.level(r);
            }
        }
        // Bands of a numeric attribute in their order, levels alphabetically.
        java.util.Comparator<String> order = java.util.Comparator.<String>comparingInt(g -> rank.getOrDefault(g, 0))
                .thenComparing(java.util.Comparator.naturalOrder());
        Map<String, List<Integer>> rows = new TreeMap<>(order);
        for (int r = 0; r < group.length; r++) {
            rows.computeIfAbsent(group[r], k -> new ArrayList<>()).add(r);
        }
        Map<String, double[]> stats = new TreeMap<>(order);
        double best = 0;
        for (var e : rows.entrySet()) {
            List<Integer> rs = e.getValue();
            double[] p = new double[rs.size()];
            int[] y = new int[rs.size()];
            int approved = 0;
            int bads = 0;
            for (int i = 0; i < rs.size(); i++) {
                int r = rs.get(i);
                p[i] = -scores[r];
                y[i] = data.bad(r);
                bads += y[i];
                if (scores[r] >= cutoff) {
                    approved++;
                }
            }
            double rate = (double) approved / rs.size();
            best = Math.max(best, rate);
            stats.put(e.getKey(), new double[] {rs.size(), bads, rate, Metrics.auc(p, y)});
        }
        List<Group> groups = new ArrayList<>();
        double minRatio = 1;
        boolean flagged = false;
        for (var e : stats.entrySet()) {
            double[] s = e.getValue();
            double ratio = best == 0 ? 1 : s[2] / best;
            boolean flag = ratio < threshold;
            minRatio = Math.min(minRatio, ratio);
            flagged |= flag;
            groups.add(new Group(e.getKey(), (int) s[0], (int) s[1], s[2], ratio, flag, Double.isNaN(s[3]) ? null : s[3]));
        }
        return new Report(attribute.name(), groups, minRatio, flagged);
    }

    private static List<Double> quartiles(NumericColumn n) {
        double[] v = java.util.stream.IntStream.range(0, n.size()).filter(r -> !n.isMissing(r)).mapToDouble(n::value).sorted().toArray();
        List<Double> edges = new ArrayList<>();
        for (int q = 1; q < 4; q++) {
            double e = v[(int) Math.min(v.length - 1, (long) q * v.length / 4)];
            if (edges.isEmpty() || e > edges.getLast()) {
                edges.add(e);
            }
        }
        return edges;
    }

    /** Bands are [edge_i, edge_{i+1}); labels read "< 25", "25–35", "≥ 55". */
    private static String bandLabel(double v, List<Double> edges) {
        double[] e = edges.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = Arrays.binarySearch(e, v);
        int band = i >= 0 ? i + 1 : -i - 1;
        if (band == 0) {
            return "< " + fmt(e[0]);
        }
        if (band == e.length) {
            return "≥ " + fmt(e[e.length - 1]);
        }
        return fmt(e[band - 1]) + "–" + fmt(e[band]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
