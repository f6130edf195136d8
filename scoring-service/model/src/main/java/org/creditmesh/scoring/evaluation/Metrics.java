package org.creditmesh.scoring.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Discrimination and calibration measures of predicted probabilities of the bad class. */
public final class Metrics {

    private Metrics() {
    }

    /** Area under the ROC curve (Mann–Whitney, ties counted half); NaN when one class is absent. */
    public static double auc(double[] pBad, int[] bad) {
        int n = pBad.length;
        Integer[] order = order(pBad);
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && pBad[order[j + 1]] == pBad[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        long nBad = 0;
        double rankSum = 0;
        for (int k = 0; k < n; k++) {
            if (bad[k] == 1) {
                nBad++;
                rankSum += ranks[k];
            }
        }
        long nGood = n - nBad;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        return (rankSum - nBad * (nBad + 1) / 2.0) / ((double) nBad * nGood);
    }

    public static double gini(double auc) {
        return 2 * auc - 1;
    }

    /** Kolmogorov–Smirnov statistic: the largest gap between the bads' and goods' cumulative distributions. */
    public static double ks(double[] pBad, int[] bad) {
        Integer[] order = order(pBad);
        long nBad = Arrays.stream(bad).filter(b -> b == 1).count();
        long nGood = bad.length - nBad;
        if (nBad == 0 || nGood == 0) {
            return Double.NaN;
        }
        double cb = 0;
        double cg = 0;
        double best = 0;
        for (int i = 0; i < order.length; i++) {
            if (bad[order[i]] == 1) {
                cb++;
            } else {
                cg++;
            }
            boolean endOfTie = i + 1 == order.length || pBad[order[i + 1]] != pBad[order[i]];
            if (endOfTie) {
                best = Math.max(best, Math.abs(cb / nBad - cg / nGood));
            }
        }
        return best;
    }

    public static double brier(double[] pBad, int[] bad) {
        double s = 0;
        for (int i = 0; i < pBad.length; i++) {
            double d = pBad[i] - bad[i];
            s += d * d;
        }
        return s / pBad.length;
    }

    /** A calibration group: rows, mean predicted probability of bad and observed bad rate. */
    public record CalibrationRow(int rows, double predicted, double observed) {
    }

    /** Groups of (nearly) equal size by predicted probability, lowest first. */
    public static List<CalibrationRow> calibration(double[] pBad, int[] bad, int groups) {
        Integer[] order = order(pBad);
        List<CalibrationRow> out = new ArrayList<>();
        int n = pBad.length;
        for (int g = 0; g < groups; g++) {
            int from = (int) ((long) g * n / groups);
            int to = (int) ((long) (g + 1) * n / groups);
            if (to <= from) {
                continue;
            }
            double p = 0;
            double o = 0;
            for (int i = from; i < to; i++) {
                p += pBad[order[i]];
                o += bad[order[i]];
            }
            out.add(new CalibrationRow(to - from, p / (to - from), o / (to - from)));
        }
        return out;
    }

    /** ROC points (false-positive rate, true-positive rate) for the bad class, at most {@code max} of them. */
    public static List<double[]> roc(double[] pBad, int[] bad, int max) {
        Integer[] order = order(pBad);
        long nBad = Arrays.stream(bad).filter(b -> b == 1).count();
        long nGood = bad.length - nBad;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        double tp = 0;
        double fp = 0;
        for (int i = order.length - 1; i >= 0; i--) {
            if (bad[order[i]] == 1) {
                tp++;
            } else {
                fp++;
            }
            boolean endOfTie = i == 0 || pBad[order[i - 1]] != pBad[order[i]];
            if (endOfTie) {
                pts.add(new double[] {nGood == 0 ? 0 : fp / nGood, nBad == 0 ? 0 : tp / nBad});
            }
        }
        if (pts.size() <= max) {
            return pts;
        }
        List<double[]> thin = new ArrayList<>();
        for (int k = 0; k < max; k++) {
            thin.add(pts.get((int) ((long) k * (pts.size() - 1) / (max - 1))));
        }
        return thin;
    }

    private static Integer[] order(double[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        return order;
    }
}
