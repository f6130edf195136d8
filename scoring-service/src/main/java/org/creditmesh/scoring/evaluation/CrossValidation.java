package org.creditmesh.scoring.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.creditmesh.scoring.TrainingProgress;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * Repeated stratified k-fold cross-validation of the scorecard and the one-hot baseline on the same
 * folds. The scorecard is fitted from scratch on each training fold, binning included, so nothing
 * of a test fold leaks into its model.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /** Measures on one test fold. */
    public record FoldMetrics(int repeat, int fold, double auc, double ks, double gini, double brier) {
    }

    /** Per-fold measures and their means for one model. */
    public record Summary(List<FoldMetrics> folds, double auc, double aucSd, double ks, double gini, double brier) {

        static Summary of(List<FoldMetrics> folds) {
            double auc = folds.stream().mapToDouble(FoldMetrics::auc).average().orElse(Double.NaN);
            double var = folds.stream().mapToDouble(f -> (f.auc() - auc) * (f.auc() - auc)).sum() / Math.max(1, folds.size() - 1);
            return new Summary(List.copyOf(folds), auc, Math.sqrt(var),
                    folds.stream().mapToDouble(FoldMetrics::ks).average().orElse(Double.NaN),
                    folds.stream().mapToDouble(FoldMetrics::gini).average().orElse(Double.NaN),
                    folds.stream().mapToDouble(FoldMetrics::brier).average().orElse(Double.NaN));
        }
    }

    /**
     * The outcome: both summaries, and the out-of-fold predictions of the first repetition (every row
     * predicted by a model that did not see it) for plots, calibration and fairness.
     */
    public record Result(int folds, int repeats, Summary scorecard, Summary baseline,
                         double[] oofScore, double[] oofScorecard, double[] oofBaseline) {
    }

    public static Result run(CreditData data, Set<String> protectedAttributes, ScorecardConfig config, TrainingProgress progress)
            throws ScorecardException {
        int[] bad = data.badFlags();
        int n = data.rows();
        int smaller = Math.min(data.badCount(), n - data.badCount());
        if (smaller < config.folds()) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "configuration 'folds' (" + config.folds()
                    + ") exceeds the " + smaller + " rows of the smaller class: some test folds would hold only one class");
        }
        List<FoldMetrics> sc = new ArrayList<>();
        List<FoldMetrics> bl = new ArrayList<>();
        double[] oofScore = new double[n];
        double[] oofSc = new double[n];
        double[] oofBl = new double[n];
        int total = config.folds() * config.repeats();
        int done = 0;
        ScorecardFitter fitter = new ScorecardFitter(config);
        for (int rep = 0; rep < config.repeats(); rep++) {
            int[] fold = StratifiedFolds.assign(bad, config.folds(), config.seed() + rep);
            for (int f = 0; f < config.folds(); f++) {
                int[] train = StratifiedFolds.rows(fold, f, false);
                int[] test = StratifiedFolds.rows(fold, f, true);
                int[] y = new int[test.length];
                for (int i = 0; i < test.length; i++) {
                    y[i] = bad[test[i]];
                }
                Scorecard card = fitter.fit(data, train, protectedAttributes).scorecard();
                double[] scores = card.scoreRows(data, test);
                double[] pSc = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    pSc[i] = card.scaling().probabilityOfBad(scores[i]);
                }
                OneHotBaseline baseline = OneHotBaseline.fit(data, train, protectedAttributes, config);
                double[] pBl = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    pBl[i] = baseline.probabilityOfBad(test[i]);
                }
                sc.add(measure(rep, f, pSc, y));
                bl.add(measure(rep, f, pBl, y));
                if (rep == 0) {
                    for (int i = 0; i < test.length; i++) {
                        oofScore[test[i]] = scores[i];
                        oofSc[test[i]] = pSc[i];
                        oofBl[test[i]] = pBl[i];
                    }
                }
                progress.update("cross-validation", ++done, total);
            }
        }
        return new Result(config.folds(), config.repeats(), Summary.of(sc), Summary.of(bl), oofScore, oofSc, oofBl);
    }

    private static FoldMetrics measure(int rep, int fold, double[] p, int[] y) {
        double auc = Metrics.auc(p, y);
        return new FoldMetrics(rep, fold, auc, Metrics.ks(p, y), Metrics.gini(auc), Metrics.brier(p, y));
    }
}
