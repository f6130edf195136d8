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

    /** System property capping the threads that fit folds (default: the available processors, at most 8). */
    public static final String THREADS_PROPERTY = "creditmesh.scoring.threads";

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
        return run(data, protectedAttributes, config, progress,
                Math.max(1, Math.min(Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()), 8)));
    }

    /** As {@link #run(CreditData, Set, ScorecardConfig, TrainingProgress)} on {@code threads} threads; the result does not depend on them. */
    public static Result run(CreditData data, Set<String> protectedAttributes, ScorecardConfig config, TrainingProgress progress,
                             int threads) throws ScorecardException {
        int[] bad = data.badFlags();
        int n = data.rows();
        int smaller = Math.min(data.badCount(), n - data.badCount());
        if (smaller < config.folds()) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "configuration 'folds' (" + config.folds()
                    + ") exceeds the " + smaller + " rows of the smaller class: some test folds would hold only one class");
        }
        int total = config.folds() * config.repeats();
        int[][] folds = new int[config.repeats()][];
        for (int rep = 0; rep < config.repeats(); rep++) {
            folds[rep] = StratifiedFolds.assign(bad, config.folds(), config.seed() + rep);
        }
        // Every fold is fitted from scratch with its own seeded trainer, so running them on several
        // threads changes the wall time only, never a number.
        record Task(int rep, int fold) {
        }
        record Outcome(FoldMetrics sc, FoldMetrics bl, int[] test, double[] scores, double[] pSc, double[] pBl) {
        }
        List<Task> tasks = new ArrayList<>();
        for (int rep = 0; rep < config.repeats(); rep++) {
            for (int f = 0; f < config.folds(); f++) {
                tasks.add(new Task(rep, f));
            }
        }
        ScorecardFitter fitter = new ScorecardFitter(config);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Task, Outcome> work = t -> {
            int[] train = StratifiedFolds.rows(folds[t.rep()], t.fold(), false);
            int[] test = StratifiedFolds.rows(folds[t.rep()], t.fold(), true);
            int[] y = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                y[i] = bad[test[i]];
            }
            Scorecard card;
            try {
                card = fitter.fit(data, train, protectedAttributes).scorecard();
            } catch (ScorecardException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
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
            Outcome o = new Outcome(measure(t.rep(), t.fold(), pSc, y), measure(t.rep(), t.fold(), pBl, y), test, scores, pSc, pBl);
            synchronized (done) {
                progress.update("cross-validation", done.incrementAndGet(), total);
            }
            return o;
        };
        List<Outcome> outcomes = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "scorecard-cv");
            th.setDaemon(true);
            return th;
        });
        try {
            List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> work.apply(t)));
            }
            for (var f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, "cross-validation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof ScorecardException se) {
                throw se;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, "cross-validation failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        List<FoldMetrics> sc = new ArrayList<>();
        List<FoldMetrics> bl = new ArrayList<>();
        double[] oofScore = new double[n];
        double[] oofSc = new double[n];
        double[] oofBl = new double[n];
        for (int k = 0; k < outcomes.size(); k++) {
            Outcome o = outcomes.get(k);
            sc.add(o.sc());
            bl.add(o.bl());
            if (tasks.get(k).rep() == 0) {
                for (int i = 0; i < o.test().length; i++) {
                    oofScore[o.test()[i]] = o.scores()[i];
                    oofSc[o.test()[i]] = o.pSc()[i];
                    oofBl[o.test()[i]] = o.pBl()[i];
                }
            }
        }
        return new Result(config.folds(), config.repeats(), Summary.of(sc), Summary.of(bl), oofScore, oofSc, oofBl);
    }

    private static FoldMetrics measure(int rep, int fold, double[] p, int[] y) {
        double auc = Metrics.auc(p, y);
        return new FoldMetrics(rep, fold, auc, Metrics.ks(p, y), Metrics.gini(auc), Metrics.brier(p, y));
    }
}
