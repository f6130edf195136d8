package org.creditmesh.scoring.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.NumericColumn;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.TribuoLogistic;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * The plain benchmark: logistic regression with the same Tribuo trainer on one-hot categoricals and
 * standardized numerics (mean-imputed, with a missing indicator where the training rows had missing
 * values); the same attributes as the scorecard (protected ones left out), no binning.
 */
public final class OneHotBaseline {

    private final List<Column> columns;
    private final double[] mean;
    private final double[] sd;
    private final boolean[] hasMissing;
    private final LinearSGDModel model;

    private OneHotBaseline(List<Column> columns, double[] mean, double[] sd, boolean[] hasMissing, LinearSGDModel model) {
        this.columns = columns;
        this.mean = mean;
        this.sd = sd;
        this.hasMissing = hasMissing;
        this.model = model;
    }

    public static OneHotBaseline fit(CreditData data, int[] rows, Set<String> protectedAttributes, ScorecardConfig config) {
        List<Column> columns = data.columns().stream().filter(c -> !protectedAttributes.contains(c.name())).toList();
        double[] mean = new double[columns.size()];
        double[] sd = new double[columns.size()];
        boolean[] hasMissing = new boolean[columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j) instanceof NumericColumn n) {
                double s = 0;
                double s2 = 0;
                int k = 0;
                for (int r : rows) {
                    double v = n.value(r);
                    if (Double.isNaN(v)) {
                        hasMissing[j] = true;
                    } else {
                        s += v;
                        s2 += v * v;
                        k++;
                    }
                }
                mean[j] = k == 0 ? 0 : s / k;
                double var = k == 0 ? 0 : s2 / k - mean[j] * mean[j];
                sd[j] = var > 1e-12 ? Math.sqrt(var) : 1;
            }
        }
        OneHotBaseline shell = new OneHotBaseline(columns, mean, sd, hasMissing, null);
        List<Example<Label>> examples = new ArrayList<>();
        for (int r : rows) {
            examples.add(shell.example(r, data.bad(r) == 1 ? TribuoLogistic.BAD_LABEL : TribuoLogistic.GOOD_LABEL));
        }
        LinearSGDModel model = TribuoLogistic.fit(examples, "one-hot baseline, data sha256 " + data.sha256(), config);
        return new OneHotBaseline(columns, mean, sd, hasMissing, model);
    }

    private Example<Label> example(int row, Label label) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            switch (c) {
                case NumericColumn n -> {
                    double v = n.value(row);
                    names.add("num:" + c.name());
                    values.add(Double.isNaN(v) ? 0 : (v - mean[j]) / sd[j]);
                    if (hasMissing[j]) {
                        names.add("missing:" + c.name());
                        values.add(Double.isNaN(v) ? 1.0 : 0.0);
                    }
                }
                case CategoricalColumn k -> {
                    String level = k.level(row);
                    String name = "cat:" + c.name() + "=" + (level == null ? "\u0000missing" : level);
                    if (seen.add(name)) {
                        names.add(name);
                        values.add(1.0);
                    }
                }
            }
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new ArrayExample<>(label, names.toArray(String[]::new), v);
    }

    /** Probability of the bad class for a row of the same table (unseen levels contribute nothing). */
    public double probabilityOfBad(int row) {
        return TribuoLogistic.probabilityOfBad(model, example(row, TribuoLogistic.GOOD_LABEL));
    }
}
