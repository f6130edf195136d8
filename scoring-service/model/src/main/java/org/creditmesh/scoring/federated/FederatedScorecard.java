package org.creditmesh.scoring.federated;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.NumericColumn;
import org.creditmesh.scoring.privacy.DiscreteGaussian;
import org.creditmesh.scoring.privacy.DistributedNoise;
import org.creditmesh.scoring.privacy.Zcdp;
import org.creditmesh.scoring.scorecard.AttributeBinning;
import org.creditmesh.scoring.scorecard.Binner;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.scorecard.ScorecardFitter;
import org.creditmesh.scoring.scorecard.Fingerprint;
import org.creditmesh.scoring.scorecard.Scaling;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardAttribute;
import org.creditmesh.scoring.scorecard.Woe;

/**
 * Federated scorecard training: lenders keep their rows; the coordinator sees only sums of vectors,
 * each protected by {@link SecureAggregation}, and optionally noised for differential privacy.
 *
 * <ol>
 * <li><b>Cut points.</b> Every lender histograms each numeric column on the public {@link ValueGrid}
 *     and counts its rows and bads; the coordinator places the fine-class quantile cuts on grid edges.</li>
 * <li><b>Counts.</b> Every lender counts goods and bads per fine class (numeric), per level
 *     (categorical; the level set is schema, public), per special code and missing; the coordinator
 *     bins from the sums with the same {@link Binner} merging and {@code Woe} as pooled training, and
 *     selects attributes by information value as {@code ScorecardFitter} does.</li>
 * <li><b>Logistic regression</b> on the weights of evidence by federated full-batch gradient descent:
 *     every round each lender sends the sum of its rows' gradients (and, without DP, log losses), in
 *     fixed point. Without DP: Nesterov momentum from 0, step 1/L with L = ¼·(1 + Σ<sub>j</sub> max
 *     WoE<sub>j</sub>²), coefficients projected to ≤ 0 when {@code dropWrongSign} is set. Under DP:
 *     a few diagonally preconditioned steps from the naive (WoE-sum) scorecard, or none when the noise
 *     they would put on the coefficients is predicted to exceed {@link Options#MAX_COEFFICIENT_NOISE}
 *     (then the naive scorecard is the model and the counts get the gradient share).</li>
 * <li><b>Scores.</b> Every lender histograms its rows' scores on a public score grid; bands, cut-off
 *     and the training-score distribution of the {@link Scorecard} come from the sum.</li>
 * </ol>
 *
 * <p>Differential privacy ({@link Options#epsilon} not {@code null}) is <em>distributed</em>: each lender
 * adds a share of discrete Gaussian noise ({@link DistributedNoise}) to its vector before masking, so
 * that the sum the coordinator unmasks carries the noise of a central mechanism for the phase's ρ.
 * Trust: an honest-but-curious coordinator that colludes with at most {@link Options#tolerated}
 * lenders, counted together with the lenders that drop out of a round; a round with fewer than
 * N − tolerated answers is not unmasked. The zCDP budget is split by {@link Budget}; see {@link Privacy}
 * for what was spent.
 */
public final class FederatedScorecard {

    /** Name of this trainer in the model's provenance and fingerprint. */
    public static final String TRAINER = "org.creditmesh.scoring.federated.FederatedScorecard";

    /**
     * Shares of the zCDP budget ρ: cut-point histograms and row/bad totals, good/bad counts, gradient
     * rounds (equal per round), score histogram. They must add up to 1; {@code gradients} is 0 exactly
     * when there are no DP gradient rounds. When the gradient phase would bring more noise than it
     * corrects ({@link Options#MAX_COEFFICIENT_NOISE}) its share goes to the counts instead.
     */
    public record Budget(double edges, double counts, double gradients, double scores) {

        /**
         * The default split, by reasoning rather than fitting: the counts decide the bins, the WoE and the
         * selection, and the naive scorecard on them is already a model, so they get most of ρ; the cut
         * points only need to be roughly quantiles; a few gradient rounds correct for correlated
         * attributes; the score histogram only places bands and the cut-off.
         */
        public static final Budget DEFAULT = new Budget(0.10, 0.70, 0.15, 0.05);

        public Budget {
            if (!(edges > 0) || !(counts > 0) || !(gradients >= 0) || !(scores > 0)
                    || Math.abs(edges + counts + gradients + scores - 1) > 1e-9) {
                throw new IllegalArgumentException("budget shares must be positive (gradients may be 0) and add up to 1");
            }
        }
    }

    /** The releases of one training, in order; a lender can drop out at any of them. */
    public enum Phase {
        CUT_POINTS("cut points"), COUNTS("counts"), GRADIENTS("gradient round"), SCORES("scores");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The secure-aggregation label of this phase's release (gradient rounds add their number). */
        public String label(int round) {
            return this == GRADIENTS ? "round " + round + "/gradient" : label;
        }

        String describe(int round) {
            return this == GRADIENTS ? label + " " + round : label;
        }
    }

    /**
     * @param rounds gradient-descent rounds
     * @param gridPerDecade resolution of the public value grid
     * @param epsilon DP ε over the whole training, {@code null} for no DP
     * @param delta DP δ
     * @param clip per-example gradient L2 bound (DP only)
     * @param tolerated lenders whose noise share may be missing (dropped or colluding) while the DP
     *        guarantee still holds; each lender adds σ²/(N − tolerated)
     * @param budget split of the zCDP budget (DP only)
     */
    public record Options(int rounds, int gridPerDecade, Double epsilon, double delta, double clip, int tolerated, Budget budget) {

        /**
         * Above this predicted DP noise σ on a WoE coefficient (they start at −1) the gradient phase is
         * skipped: its correction would be smaller than the noise it brings.
         */
        public static final double MAX_COEFFICIENT_NOISE = 0.5;

        /** The information value of the reference attribute the gradient noise is predicted for ("medium" by convention: 0.1–0.3). */
        public static final double REFERENCE_IV = 0.1;

        /** Gradient rounds under DP: enough to converge from the naive start at the safe step (a few times d + 1); with a fixed gradient budget the noise per unit of progress does not depend on the round count. */
        public static final int DP_ROUNDS = 30;

        public Options {
            budget = budget == null ? Budget.DEFAULT : budget;
        }

        public static Options plain() {
            return new Options(300, 50, null, 1e-5, 1.0, 0, Budget.DEFAULT);
        }

        public static Options dp(double epsilon) {
            return new Options(DP_ROUNDS, 10, epsilon, 1e-5, 1.0, 0, Budget.DEFAULT);
        }

        public Options withTolerated(int t) {
            return new Options(rounds, gridPerDecade, epsilon, delta, clip, t, budget);
        }

        public Options withBudget(Budget b, int newRounds) {
            return new Options(newRounds, gridPerDecade, epsilon, delta, clip, tolerated, b);
        }

        /** The trainer's settings as they go into the provenance and fingerprint. */
        String provenance(int lenders) {
            return String.format(java.util.Locale.ROOT,
                    "%s(lenders=%d,rounds=%d,gridPerDecade=%d,epsilon=%s,delta=%s,clip=%s,tolerated=%d,budget=[%s,%s,%s,%s])",
                    TRAINER, lenders, rounds, gridPerDecade, epsilon, delta, clip, tolerated,
                    budget.edges(), budget.counts(), budget.gradients(), budget.scores());
        }
    }

    /**
     * The privacy spent: zCDP ρ of each phase, the total as (ε, δ), the σ of the summed noise of each
     * phase when every lender adds its share (counts in rows; gradients in gradient units), each lender's
     * share σ of the counts, and the data-independent rules the noise chose: bin sizes, WoE pseudo-count,
     * the DP noise the gradient phase was predicted to put on a coefficient of reference strength, and
     * the rounds actually run (0 when that noise was above {@link Options#MAX_COEFFICIENT_NOISE} and the
     * gradient share went to the counts).
     */
    public record Privacy(double rhoEdges, double rhoCounts, double rhoGradients, double rhoScores, double epsilon,
                          double delta, int lenders, int tolerated, double sigmaEdges, double sigmaCounts,
                          double sigmaGradients, double sigmaScores, double shareSigmaCounts, double minBinShare, int fineBins,
                          double woeSmoothing, double predictedCoefficientSd, int gradientRounds) {
    }

    /** One lender: its own rows of a table whose columns all lenders share. */
    public record Lender(CreditData data, int[] rows) {
    }

    /**
     * The federated model: the selected attributes' bins and the logistic regression on their WoE, and
     * the same as a {@link Scorecard} (points, bands, cut-off, fingerprint) that {@code ModelStore}
     * stores and the scoring code scores.
     */
    public record Model(List<AttributeBinning> attributes, double[] coefficients, double intercept,
                        List<Double> losses, Privacy privacy, Scorecard scorecard, String trainerProvenance) {

        public double logOdds(CreditData data, int row) {
            double z = intercept;
            for (int j = 0; j < attributes.size(); j++) {
                AttributeBinning b = attributes.get(j);
                Column c = data.column(b.name()).orElseThrow();
                z += coefficients[j] * b.woe(b.binOf(c, row));
            }
            return z;
        }

        public double probabilityOfBad(CreditData data, int row) {
            return 1 / (1 + Math.exp(-logOdds(data, row)));
        }
    }

    private final ScorecardConfig config;

    /** A lender that stops answering from one release on (simulated). */
    private record Dropout(int lender, Phase phase, int round) {

        /** Whether {@code l} is silent at the release of {@code p} (round {@code r} for gradient rounds). */
        boolean silences(int l, Phase p, int r) {
            return l == lender && (p.compareTo(phase) > 0 || p == phase && r >= round);
        }
    }

    private final Dropout dropout;

    public FederatedScorecard(ScorecardConfig config) {
        this(config, null);
    }

    private FederatedScorecard(ScorecardConfig config, Dropout dropout) {
        this.config = config;
        this.dropout = dropout;
    }

    /**
     * The same training where lender {@code lender} stops answering from gradient round {@code round}
     * on: every later round is the exact sum of the survivors, recovered from their seed reveals (and,
     * under DP, their noise shares, which must still cover the release).
     */
    public FederatedScorecard withDropout(int lender, int round) {
        return new FederatedScorecard(config, new Dropout(lender, Phase.GRADIENTS, round));
    }

    /**
     * The same training where lender {@code lender} stops answering at {@code phase} (its first round)
     * and never comes back: that release and every later one are the survivors' exact sums, the masks
     * the dropped lender shared with them removed through the survivors' per-label seed reveals, and
     * its rows take no further part (under DP the survivors' noise shares must still cover each release).
     */
    public FederatedScorecard withDropout(int lender, Phase phase) {
        return new FederatedScorecard(config, new Dropout(lender, phase, 0));
    }

    /** Whether lender {@code l} answers the release of {@code phase} (gradient round {@code round}). */
    private boolean answers(int l, Phase phase, int round) {
        return dropout == null || !dropout.silences(l, phase, round);
    }

    /**
     * One release through secure aggregation: the lenders that answer submit their masked vectors
     * ({@code vector} is called for them only: a silent lender computes nothing), the coordinator closes
     * the label, and if some did not answer, each survivor reveals that label's seed with each silent
     * one so that the orphaned masks come off. Under DP a release with fewer noise shares than the
     * accounting covers is refused before anything is unmasked.
     */
    private static long[] release(SecureAggregation.Party[] parties, int width, Phase phase, int round,
                                  java.util.function.IntPredicate answers, java.util.function.IntFunction<long[]> vector,
                                  DistributedNoise dpNoise) throws ScorecardException {
        int n = parties.length;
        String label = phase.label(round);
        SecureAggregation.Aggregator agg = new SecureAggregation.Aggregator(label,
                java.util.stream.IntStream.range(0, n).boxed().toList(), width);
        for (int l = 0; l < n; l++) {
            if (answers.test(l)) {
                agg.submit(l, parties[l].mask(vector.apply(l), label));
            }
        }
        Set<Integer> gone = agg.close();
        if (dpNoise != null && n - gone.size() < dpNoise.minShares()) {
            // Unmasking now would release a sum with fewer noise shares than the accounting covers.
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, String.format(java.util.Locale.ROOT,
                    "%d of %d lenders answered %s; DP with %d tolerated dropouts needs %d",
                    n - gone.size(), n, phase.describe(round), dpNoise.tolerated(), dpNoise.minShares()));
        }
        if (gone.size() == n) {
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, "no lender answered " + phase.describe(round));
        }
        Map<Integer, Map<Integer, byte[]>> reveals = new TreeMap<>();
        for (int s : agg.survivors()) {
            Map<Integer, byte[]> seeds = new TreeMap<>();
            for (int x : gone) {
                seeds.put(x, parties[s].revealSeed(x, label));
            }
            reveals.put(s, seeds);
        }
        return agg.sum(reveals);
    }

    private static void validate(Options o, int lenders) throws ScorecardException {
        boolean dp = o.epsilon() != null;
        if (o.rounds() < (dp ? 0 : 1) || o.rounds() > 100_000) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "federated 'rounds' must be between 1 (0 under DP) and 100000");
        }
        if (o.gridPerDecade() < 1 || o.gridPerDecade() > 1000) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "federated 'gridPerDecade' must be between 1 and 1000");
        }
        if (dp && !(o.epsilon() > 0 && o.epsilon() <= 100)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "DP epsilon must be in (0, 100]");
        }
        if (!(o.delta() > 0 && o.delta() < 1) || !(o.clip() > 0 && o.clip() <= 1e6)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "DP delta must be in (0, 1) and clip in (0, 1e6]");
        }
        if (o.tolerated() < 0 || o.tolerated() >= lenders) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "DP 'tolerated' must be between 0 and the number of lenders − 1");
        }
        if (dp && (o.rounds() == 0) != (o.budget().gradients() == 0)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "the gradient budget share must be 0 exactly when there are no gradient rounds");
        }
    }

    /**
     * Trains over the lenders. {@code noise} feeds the DP noise and the key pairs (pass a
     * {@code new SecureRandom()} in production; a seeded {@code SHA1PRNG} makes a test repeatable).
     */
    public Model train(List<Lender> lenders, Set<String> protectedAttributes, Options options, SecureRandom noise)
            throws ScorecardException {
        if (lenders.size() < 2) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "federated training needs at least two lenders");
        }
        validate(options, lenders.size());
        CreditData schema = lenders.getFirst().data();
        List<String> names = schema.columns().stream().map(Column::name).toList();
        for (Lender l : lenders) {
            if (!l.data().columns().stream().map(Column::name).toList().equals(names) || !l.data().target().equals(schema.target())) {
                throw new ScorecardException(ScorecardError.INVALID_CONFIG, "every lender must hold the same columns and target");
            }
            if (l.rows().length == 0) {
                throw new ScorecardException(ScorecardError.INVALID_CONFIG, "a lender holds no rows");
            }
        }
        if (dropout != null && (dropout.lender() < 0 || dropout.lender() >= lenders.size())) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "the dropped lender is not one of the lenders");
        }
        List<Column> columns = schema.columns().stream().filter(c -> !protectedAttributes.contains(c.name())).toList();
        int n = lenders.size();
        int tolerated = options.tolerated();
        SecureAggregation.Party[] parties;
        try {
            byte[] session = new byte[16];
            noise.nextBytes(session);
            parties = SecureAggregation.setUp(n, session, noise);
        } catch (GeneralSecurityException e) {
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, "key agreement failed", e);
        }
        boolean dp = options.epsilon() != null;
        Budget budget = options.budget();
        double rho = dp ? Zcdp.rhoFor(options.epsilon(), options.delta()) : Double.POSITIVE_INFINITY;
        List<NumericColumn> numeric = columns.stream().filter(c -> c instanceof NumericColumn).map(c -> (NumericColumn) c).toList();
        Set<Double> specials = new TreeSet<>(config.specialValues());

        // Phase 1: grid histograms of the numeric columns and the row and bad totals, summed.
        ValueGrid grid = new ValueGrid(options.gridPerDecade());
        int cells = grid.cells();
        int edgeWidth = numeric.size() * cells + 2;
        // A row adds 1 to one cell per numeric column, 1 to the row total and at most 1 to the bad total.
        DistributedNoise edgeNoise = dp ? DistributedNoise.forBudget(Math.sqrt(numeric.size() + 2), edgeWidth,
                rho * budget.edges(), n, tolerated) : null;
        long[] histSum = release(parties, edgeWidth, Phase.CUT_POINTS, 0, l -> answers(l, Phase.CUT_POINTS, 0), l -> {
            Lender lender = lenders.get(l);
            long[] hist = new long[edgeWidth];
            for (int c = 0; c < numeric.size(); c++) {
                NumericColumn col = numeric.get(c);
                for (int r : lender.rows()) {
                    double v = col.value(r);
                    if (!Double.isNaN(v) && !specials.contains(v)) {
                        hist[c * cells + grid.cell(v)]++;
                    }
                }
            }
            hist[edgeWidth - 2] = lender.rows().length;
            for (int r : lender.rows()) {
                hist[edgeWidth - 1] += lender.data().bad(r);
            }
            addNoise(hist, edgeNoise, noise);
            return hist;
        }, edgeNoise);
        double rowsSeen = Math.max(1, histSum[edgeWidth - 2]);
        double badShareSeen = Math.min(0.99, Math.max(0.01, histSum[edgeWidth - 1] / rowsSeen));

        // Under DP the bins follow from the noise, never from the data set: the count noise σ is known
        // before any count is released, and a bin must hold enough rows that the noise on its bad count
        // is at most a quarter of that count (WoE noise ≲ 0.25): m ≥ 4σ/min(π, 1 − π) rows, π the bad
        // share read from phase 1. Fine classes are half that size, so merging has room.
        // (L2 sensitivity of the counts: a row adds 1 to one slot per column.)
        int[] offset = new int[columns.size() + 1];
        ScorecardConfig binning = config;
        int fineBins = config.fineBins();
        DistributedNoise countNoise = null;
        int rounds = options.rounds();
        double predictedSd = 0;
        double countShare = budget.counts();
        if (dp && rounds > 0) {
            // Is the gradient phase worth its share? Its noise follows from the budget and the noisy row
            // count and bad share of phase 1 alone: K preconditioned rounds of step η/h_j (η = 1/(d+1)),
            // each spending ρ_g/K, are an AR(1) process around the optimum whose mean over the last K/2
            // iterates carries noise σ_j ≈ clip/(√ρ_g·N̂·h_j) whatever K and η (for K ≫ 1/η; a single
            // Newton step spending all of ρ_g would have 1/√2 of it), with h_j = π(1−π)·E[WoE_j²] the
            // Hessian's diagonal. For small effects E[WoE²] ≈ IV, so an attribute of reference strength
            // IV = REFERENCE_IV (the conventional "medium" predictor) has h = π(1−π)·REFERENCE_IV. If its
            // coefficient's noise would exceed MAX_COEFFICIENT_NOISE (coefficients start at −1), the
            // regression would add more noise than the correlation it corrects, so it is skipped and its
            // share goes to the counts, which every attribute's WoE shares.
            predictedSd = options.clip() / (Math.sqrt(rho * budget.gradients()) * rowsSeen
                    * badShareSeen * (1 - badShareSeen) * Options.REFERENCE_IV);
            if (predictedSd > Options.MAX_COEFFICIENT_NOISE) {
                rounds = 0;
                countShare += budget.gradients();
            }
        }
        if (dp) {
            // The width of the count vector depends on the cuts, not yet placed; the noise calibration
            // needs it only for τ, so use an upper bound (every column at its widest).
            int widthBound = 0;
            for (Column c : columns) {
                widthBound += 2 * (c instanceof NumericColumn ? config.fineBins() + specials.size() + 1 : levelCount(c, lenders) + 1);
            }
            countNoise = DistributedNoise.forBudget(Math.sqrt(columns.size()), Math.max(1, widthBound), rho * countShare, n, tolerated);
            double sigma = countNoise.guaranteedSigma();
            double minRows = 4 * sigma / Math.min(badShareSeen, 1 - badShareSeen);
            double minShare = Math.min(0.34, Math.max(config.minBinShare(), minRows / rowsSeen));
            fineBins = (int) Math.max(2, Math.min(config.fineBins(), Math.floor(2 / minShare)));
            // The pseudo-count of the weight of evidence is raised to the σ of the summed count noise:
            // a bin's WoE is shrunk toward 0 by as much as its counts are uncertain.
            binning = withBinning(config, minShare, Math.max(config.woeSmoothing(), sigma));
        }
        Map<String, double[]> cuts = new TreeMap<>();
        for (int c = 0; c < numeric.size(); c++) {
            cuts.put(numeric.get(c).name(), quantileCuts(histSum, c * cells, grid, fineBins,
                    dp ? 2 * edgeNoise.aggregateSigma() : 0));
        }

        // Phase 2: good/bad counts per fine class, level, special code and missing.
        // The level set of a categorical column is schema (a data dictionary in a real deployment);
        // here it is the union of the levels the lenders hold, which each lender would publish.
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c instanceof CategoricalColumn) {
                levels.put(c.name(), levels(c, lenders));
            }
        }
        List<Double> specialList = List.copyOf(specials);
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            int slots = c instanceof NumericColumn ? cuts.get(c.name()).length + 1 + specialList.size() + 1
                    : levels.get(c.name()).size() + 1;
            offset[j + 1] = offset[j] + 2 * slots;
        }
        DistributedNoise screenNoise = countNoise;
        long[] countSum = release(parties, offset[columns.size()], Phase.COUNTS, 0, l -> answers(l, Phase.COUNTS, 0), l -> {
            Lender lender = lenders.get(l);
            int[] bad = lender.data().badFlags();
            long[] counts = new long[offset[columns.size()]];
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                for (int r : lender.rows()) {
                    counts[offset[j] + 2 * slot(c, r, cuts, levels, specialList) + bad[r]]++;
                }
            }
            addNoise(counts, screenNoise, noise);
            return counts;
        }, countNoise);
        for (int k = 0; k < countSum.length; k++) {
            countSum[k] = Math.max(0, countSum[k]);
        }
        if (dp) {
            // A missing or special slot whose noisy total is within 3 σ of the noise of zero is read as
            // empty: otherwise every column would get a missing bin made of noise.
            double floor = 3 * Math.sqrt(2) * countNoise.aggregateSigma();
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j) instanceof NumericColumn) {
                    int first = offset[j] + 2 * (cuts.get(columns.get(j).name()).length + 1);
                    for (int k = first; k < offset[j + 1]; k += 2) {
                        if (countSum[k] + countSum[k + 1] < floor) {
                            countSum[k] = 0;
                            countSum[k + 1] = 0;
                        }
                    }
                } else if (countSum[offset[j + 1] - 2] + countSum[offset[j + 1] - 1] < floor) {
                    countSum[offset[j + 1] - 2] = 0;
                    countSum[offset[j + 1] - 1] = 0;
                }
            }
        }
        Binner binner = new Binner(binning);
        List<AttributeBinning> candidates = new ArrayList<>();
        long goods = 0;
        long bads = 0;
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            long colGoods = 0;
            long colBads = 0;
            for (int k = offset[j]; k < offset[j + 1]; k += 2) {
                colGoods += countSum[k];
                colBads += countSum[k + 1];
            }
            long total = colGoods + colBads;
            goods += colGoods;
            bads += colBads;
            int base = offset[j];
            if (c instanceof NumericColumn) {
                double[] cut = cuts.get(c.name());
                long[] g = new long[cut.length + 1];
                long[] b = new long[cut.length + 1];
                for (int i = 0; i <= cut.length; i++) {
                    g[i] = countSum[base + 2 * i];
                    b[i] = countSum[base + 2 * i + 1];
                }
                Map<Double, long[]> sp = new TreeMap<>();
                for (int s = 0; s < specialList.size(); s++) {
                    int k = base + 2 * (cut.length + 1 + s);
                    if (countSum[k] + countSum[k + 1] > 0) {
                        sp.put(specialList.get(s), new long[] {countSum[k], countSum[k + 1]});
                    }
                }
                int miss = base + 2 * (cut.length + 1 + specialList.size());
                candidates.add(binner.numericFromCounts(c.name(), cut, g, b, sp, countSum[miss], countSum[miss + 1], total));
            } else {
                List<String> lv = levels.get(c.name());
                Map<String, long[]> m = new TreeMap<>();
                for (int i = 0; i < lv.size(); i++) {
                    m.put(lv.get(i), new long[] {countSum[base + 2 * i], countSum[base + 2 * i + 1]});
                }
                int miss = base + 2 * lv.size();
                candidates.add(binner.categoricalFromCounts(c.name(), m, countSum[miss], countSum[miss + 1], total));
            }
        }
        double badShare = (double) bads / Math.max(1, goods + bads);
        double noisyRows = Math.max(1, (double) (goods + bads) / columns.size());
        List<AttributeBinning> selected = dp
                ? select(debiased(candidates, countNoise.aggregateSigma(), (double) goods / columns.size(), (double) bads / columns.size()))
                : select(candidates);

        // Phase 3: federated gradient descent on the WoE features.
        int d = selected.size();
        int f = FixedPoint.GRADIENT_BITS;
        // A row moves a lender's gradient vector by its clipped gradient plus the rounding of each
        // coordinate: L2 sensitivity clip + √(d+1)·2^−(f+1). Under DP no row count is sent per round.
        double gradSensitivity = options.clip() + Math.sqrt(d + 1) * Math.scalb(1.0, -f - 1);
        DistributedNoise gradNoise = dp && rounds > 0
                ? DistributedNoise.forBudget(Math.scalb(gradSensitivity, f), d + 1, rho * budget.gradients() / rounds, n, tolerated)
                : null;
        // Features of every lender's rows, computed by the lender from the published bins.
        double[][][] features = new double[n][][];
        int[][] labels = new int[n][];
        for (int l = 0; l < n; l++) {
            Lender lender = lenders.get(l);
            features[l] = new double[lender.rows().length][d];
            labels[l] = new int[lender.rows().length];
            for (int i = 0; i < lender.rows().length; i++) {
                int r = lender.rows()[i];
                labels[l][i] = lender.data().bad(r);
                for (int j = 0; j < d; j++) {
                    AttributeBinning b = selected.get(j);
                    features[l][i][j] = b.woe(b.binOf(lender.data().column(b.name()).orElseThrow(), r));
                }
            }
        }
        double[] w = new double[d + 1];
        w[d] = Math.log(Math.max(badShare, 1e-6) / Math.max(1 - badShare, 1e-6));
        // Step sizes. Without DP: 1/L for all coordinates, L = ¼·(1 + Σ max WoE²) bounding the Hessian.
        // Under DP: the start is the naive scorecard (every WoE coefficient −1: the log-odds of the bad
        // class under independent attributes), and each coordinate steps by 1/(h_j·(d+1)), h_j = π(1−π)·E[x_j²]
        // the Hessian's diagonal estimated from the released bins (post-processing); dividing by d+1 keeps
        // the step within 1/λ_max of the preconditioned Hessian whatever the correlation.
        double[] step = new double[d + 1];
        if (dp) {
            double pq = Math.max(1e-3, badShare * (1 - badShare));
            for (int j = 0; j < d; j++) {
                w[j] = -1;
                double m2 = 0;
                long tot = 0;
                for (var bin : selected.get(j).bins()) {
                    m2 += bin.count() * bin.woe() * bin.woe();
                    tot += bin.count();
                }
                step[j] = 1 / (pq * Math.max(1e-3, m2 / Math.max(1, tot)) * (d + 1));
            }
            step[d] = 1 / (pq * (d + 1));
        } else {
            double lipschitz = 1;
            for (AttributeBinning b : selected) {
                double max = 0;
                for (var bin : b.bins()) {
                    max = Math.max(max, bin.woe() * bin.woe());
                }
                lipschitz += max;
            }
            java.util.Arrays.fill(step, 4 / lipschitz);
        }
        double[] prev = w.clone();
        List<Double> losses = new ArrayList<>();
        List<double[]> averaged = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            double[] look = new double[d + 1];
            // No momentum under DP: it would carry each round's noise into the next ones.
            double mom = dp ? 0 : (double) t / (t + 3);
            for (int k = 0; k <= d; k++) {
                look[k] = w[k] + mom * (w[k] - prev[k]);
            }
            int width = dp ? d + 1 : d + 3;
            int round = t;
            double[] at = look;
            double[] g = FixedPoint.decode(release(parties, width, Phase.GRADIENTS, t, l -> answers(l, Phase.GRADIENTS, round),
                    l -> lenderGradient(features[l], labels[l], at, dp ? options.clip() : Double.NaN, f, gradNoise, noise),
                    gradNoise), f);
            // Without DP the last entry is the number of rows that answered. Under DP the noisy row
            // total of the counting phase stands in (sending an exact count would tell a row's presence
            // apart); after a dropout it overstates the survivors' rows, which only shortens the step.
            double answered = dp ? noisyRows : g[width - 1];
            if (!dp) {
                losses.add(g[d + 1] / answered);
            }
            prev = w;
            w = new double[d + 1];
            for (int k = 0; k <= d; k++) {
                w[k] = look[k] - step[k] * g[k] / answered;
                if (k < d && config.dropWrongSign() && w[k] > 0) {
                    w[k] = 0;
                }
            }
            // Under DP the model is the mean of the second half's iterates (Polyak–Ruppert averaging, a
            // post-processing that costs no privacy) rather than the last, noisiest one.
            if (dp && 2 * t >= rounds) {
                averaged.add(w.clone());
            }
        }
        if (dp && !averaged.isEmpty()) {
            w = new double[d + 1];
            for (double[] a : averaged) {
                for (int k = 0; k <= d; k++) {
                    w[k] += a[k] / averaged.size();
                }
            }
        }
        double[] coef = java.util.Arrays.copyOf(w, d);
        String trainer = options.provenance(n);

        // Phase 4: the summed histogram of the training scores on a public grid.
        Scaling scaling = Scaling.of(config);
        double factor = scaling.factor();
        List<ScorecardAttribute> attributes = new ArrayList<>();
        double lowest = scaling.offset() - factor * w[d];
        double highest = lowest;
        for (int j = 0; j < d; j++) {
            AttributeBinning b = selected.get(j);
            List<Double> points = new ArrayList<>();
            double lo = 0;
            double hi = 0;
            for (var bin : b.bins()) {
                double p = -factor * coef[j] * bin.woe() + 0.0;
                points.add(p);
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            lowest += lo;
            highest += hi;
            attributes.add(new ScorecardAttribute(String.format("R%02d", j + 1), b, coef[j], points));
        }
        List<String> prot = new ArrayList<>(protectedAttributes);
        prot.sort(null);
        Scorecard draft = new Scorecard(Scorecard.FORMAT, schema.target(), schema.badValue(), schema.goodValue(), prot, scaling,
                w[d], scaling.offset() - factor * w[d], attributes, List.of(), 0, config.maxReasons(), null, "");
        // Cells of one point without DP; under DP half a PDO (a factor √2 in the odds), a public
        // resolution that keeps the noise summed over the occupied cells small against the rows.
        double[] g = ScoreHistogram.grid(lowest, highest, dp ? config.pdo() / 2 : 1, 2000);
        int scoreCells = (int) g[2];
        DistributedNoise scoreNoise = dp ? DistributedNoise.forBudget(1, scoreCells, rho * budget.scores(), n, tolerated) : null;
        long[] scoreSum = release(parties, scoreCells, Phase.SCORES, 0, l -> answers(l, Phase.SCORES, 0), l -> {
            Lender lender = lenders.get(l);
            long[] hist = new long[scoreCells];
            for (double s : draft.scoreRows(lender.data(), lender.rows())) {
                hist[ScoreHistogram.cell(s, g[0], g[1], scoreCells)]++;
            }
            addNoise(hist, scoreNoise, noise);
            return hist;
        }, scoreNoise);
        ScoreHistogram scores = new ScoreHistogram(g[0], g[1], scoreSum);
        double cutoff = config.cutoff() != null ? config.cutoff() : Math.round(scores.quantile(badShare));
        Scorecard unsigned = new Scorecard(Scorecard.FORMAT, draft.target(), draft.badValue(), draft.goodValue(), prot, scaling,
                draft.intercept(), draft.basePoints(), attributes, scores.bands(config), cutoff, config.maxReasons(),
                scores.distribution(10), "");
        // No party holds the pooled data, so the fingerprint has no data hash: it covers the
        // configuration, the trainer (these options) and the scorecard.
        String fp = Fingerprint.of("", config, trainer, unsigned);
        Scorecard scorecard = new Scorecard(unsigned.format(), unsigned.target(), unsigned.badValue(), unsigned.goodValue(), prot,
                scaling, unsigned.intercept(), unsigned.basePoints(), attributes, unsigned.bands(), cutoff, unsigned.maxReasons(),
                unsigned.trainingScores(), fp);

        Privacy privacy = null;
        if (dp) {
            DiscreteGaussian probe = countNoise.sampler(noise);
            double re = edgeNoise.spent(edgeNoise.sampler(noise));
            double rc = countNoise.spent(probe);
            double rg = gradNoise == null ? 0 : rounds * gradNoise.spent(gradNoise.sampler(noise));
            double rs = scoreNoise.spent(scoreNoise.sampler(noise));
            privacy = new Privacy(re, rc, rg, rs, Zcdp.epsilon(re + rc + rg + rs, options.delta()), options.delta(), n,
                    tolerated, edgeNoise.aggregateSigma(), countNoise.aggregateSigma(),
                    gradNoise == null ? 0 : Math.scalb(gradNoise.aggregateSigma(), -f), scoreNoise.aggregateSigma(),
                    countNoise.shareSigma(), binning.minBinShare(), fineBins, binning.woeSmoothing(), predictedSd, rounds);
        }
        return new Model(List.copyOf(selected), coef, w[d], List.copyOf(losses), privacy, scorecard, trainer);
    }

    /**
     * Under DP every attribute's information value is inflated by the count noise: with noise σ on each
     * count, G goods and B bads, a bin of share p adds about σ²(1/G² + 1/B²)/p. Attributes are kept when
     * their information value less that expected inflation reaches {@code minIv}; if none does, the one
     * with the largest corrected value (when positive).
     */
    private List<AttributeBinning> debiased(List<AttributeBinning> candidates, double sigma, double goods, double bads) {
        List<AttributeBinning> kept = new ArrayList<>();
        AttributeBinning best = null;
        double bestIv = 0;
        double perShare = sigma * sigma * (1 / Math.max(1, goods * goods) + 1 / Math.max(1, bads * bads));
        for (AttributeBinning b : candidates) {
            long total = 0;
            for (var bin : b.bins()) {
                total += bin.count();
            }
            double inflation = 0;
            for (var bin : b.bins()) {
                inflation += perShare * total / Math.max(1.0, bin.count());
            }
            // The information value before the DP pseudo-count's shrinkage (which already pulls noisy
            // bins toward 0): the inflation estimate corrects the unshrunk value.
            long[] g = new long[b.bins().size()];
            long[] bd = new long[b.bins().size()];
            for (int i = 0; i < g.length; i++) {
                g[i] = b.bins().get(i).goods();
                bd[i] = b.bins().get(i).bads();
            }
            double iv = (g.length < 2 ? 0 : Woe.iv(g, bd, config.woeSmoothing())) - inflation;
            if (iv >= config.minIv() && iv > 0) {
                kept.add(b);
            }
            if (iv > bestIv) {
                bestIv = iv;
                best = b;
            }
        }
        if (kept.isEmpty() && best != null) {
            kept.add(best);
        }
        return kept.isEmpty() ? candidates : kept;
    }

    private static List<String> levels(Column c, List<Lender> lenders) {
        Set<String> set = new TreeSet<>();
        for (Lender lender : lenders) {
            CategoricalColumn cat = (CategoricalColumn) lender.data().column(c.name()).orElseThrow();
            for (int r : lender.rows()) {
                if (cat.level(r) != null) {
                    set.add(cat.level(r));
                }
            }
        }
        return List.copyOf(set);
    }

    private static int levelCount(Column c, List<Lender> lenders) {
        return levels(c, lenders).size();
    }

    private static ScorecardConfig withBinning(ScorecardConfig c, double minBinShare, double a) {
        return new ScorecardConfig(c.folds(), c.repeats(), c.seed(), c.fineBins(), minBinShare, c.maxBins(), c.monotonic(), a,
                c.minIv(), c.maxAttributes(), c.dropWrongSign(), c.epochs(), c.learningRate(), c.minibatch(), c.baseScore(),
                c.baseOdds(), c.pdo(), c.bandCount(), c.bandCuts(), c.cutoff(), c.specialValues(), c.numericColumns(),
                c.categoricalColumns(), c.ignoreColumns(), c.protectedBands(), c.maxReasons(), c.fourFifths());
    }

    /** The sum of a lender's per-row gradients (clipped when {@code clip} is a number), then the log-loss sum, in fixed point. */
    private static long[] lenderGradient(double[][] x, int[] y, double[] w, double clip, int f, DistributedNoise noise,
                                         SecureRandom random) {
        int d = w.length - 1;
        boolean dp = !Double.isNaN(clip);
        long[] out = new long[dp ? d + 1 : d + 3];
        double loss = 0;
        double[] g = new double[d + 1];
        for (int i = 0; i < x.length; i++) {
            double z = w[d];
            for (int j = 0; j < d; j++) {
                z += w[j] * x[i][j];
            }
            double p = 1 / (1 + Math.exp(-z));
            double e = p - y[i];
            double norm2 = e * e;
            for (int j = 0; j < d; j++) {
                g[j] = e * x[i][j];
                norm2 += g[j] * g[j];
            }
            g[d] = e;
            double scale = dp && norm2 > clip * clip ? clip / Math.sqrt(norm2) : 1;
            for (int k = 0; k <= d; k++) {
                out[k] += FixedPoint.encode(g[k] * scale, f);
            }
            if (!dp) {
                loss += y[i] == 1 ? log1pExp(-z) : log1pExp(z);
            }
        }
        if (!dp) {
            out[d + 1] = FixedPoint.encode(loss, f);
        }
        addNoise(out, noise, random);
        if (!dp) {
            out[out.length - 1] = FixedPoint.encode(x.length, f);
        }
        return out;
    }

    private static double log1pExp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    /** Adds one lender's noise share (its own sampler: lenders draw independently). */
    private static void addNoise(long[] v, DistributedNoise noise, SecureRandom random) {
        if (noise != null) {
            DiscreteGaussian share = noise.sampler(random);
            for (int k = 0; k < v.length; k++) {
                v[k] += share.sample();
            }
        }
    }

    /**
     * Quantile cuts on grid edges from a summed histogram, as {@code Binner} places them on values:
     * the q/fineBins quantiles, distinct, below the largest value. With DP, cells under
     * {@code threshold} (twice the summed noise's σ) are taken as empty, a post-processing step.
     */
    private static double[] quantileCuts(long[] hist, int from, ValueGrid grid, int fineBins, double threshold) {
        int cells = grid.cells();
        long[] h = new long[cells];
        long total = 0;
        int last = -1;
        for (int i = 0; i < cells; i++) {
            long v = hist[from + i];
            h[i] = v > threshold ? v : 0;
            total += h[i];
            if (h[i] > 0) {
                last = i;
            }
        }
        List<Double> out = new ArrayList<>();
        if (total == 0) {
            return new double[0];
        }
        int q = 1;
        long cum = 0;
        for (int i = 0; i < last && q < fineBins; i++) {
            cum += h[i];
            // Binner takes the value of rank ⌊q·n/F⌋ as the cut: the cell holding it ends the class.
            while (q < fineBins && cum >= Math.max(1, (long) q * total / fineBins)) {
                double edge = grid.upper(i);
                if (out.isEmpty() || edge > out.getLast()) {
                    out.add(edge);
                }
                q++;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int slot(Column c, int r, Map<String, double[]> cuts, Map<String, List<String>> levels, List<Double> specials) {
        if (c instanceof NumericColumn num) {
            double[] cut = cuts.get(c.name());
            double v = num.value(r);
            if (Double.isNaN(v)) {
                return cut.length + 1 + specials.size();
            }
            int s = specials.indexOf(v);
            if (s >= 0) {
                return cut.length + 1 + s;
            }
            int i = java.util.Arrays.binarySearch(cut, v);
            return i >= 0 ? i : -i - 1;
        }
        List<String> lv = levels.get(c.name());
        String level = ((CategoricalColumn) c).level(r);
        return level == null ? lv.size() : lv.indexOf(level);
    }

    private List<AttributeBinning> select(List<AttributeBinning> candidates) throws ScorecardException {
        return ScorecardFitter.selectByInformationValue(candidates, config, "the aggregated counts");
    }
}
