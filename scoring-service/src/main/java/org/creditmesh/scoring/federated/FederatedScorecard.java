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
import org.creditmesh.scoring.privacy.Zcdp;
import org.creditmesh.scoring.scorecard.AttributeBinning;
import org.creditmesh.scoring.scorecard.Binner;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * Federated scorecard training: lenders keep their rows; the coordinator sees only sums of vectors,
 * each protected by {@link SecureAggregation}, and optionally noised for differential privacy.
 *
 * <ol>
 * <li><b>Cut points.</b> Every lender histograms each numeric column on the public {@link ValueGrid};
 *     the coordinator places the {@code fineBins} pooled quantile cuts on grid edges.</li>
 * <li><b>Counts.</b> Every lender counts goods and bads per fine class (numeric), per level
 *     (categorical; the level set is schema, public), per special code and missing; the coordinator
 *     bins from the sums with the same {@link Binner} merging and {@code Woe} as pooled training, and
 *     selects attributes by information value as {@code ScorecardFitter} does.</li>
 * <li><b>Logistic regression</b> on the weights of evidence by federated full-batch gradient descent
 *     (Nesterov momentum, step 1/L with L = ¼·(1 + Σ<sub>j</sub> max WoE<sub>j</sub>²), a bound on the
 *     Hessian's largest eigenvalue the coordinator computes from the bins): every round each lender
 *     sends the sum of its rows' gradients (and, without DP, log losses), in fixed point. Coefficients
 *     are projected to ≤ 0 when {@code dropWrongSign} is set, the projected counterpart of the pooled
 *     refit without wrong-sign attributes.</li>
 * </ol>
 *
 * <p>Differential privacy ({@link Options#epsilon} not {@code null}): each lender adds discrete
 * Gaussian noise to its own vectors before masking, so each lender's release is private on its own,
 * even against a coordinator colluding with the other lenders. The budget, in zCDP, is split
 * 10% cut points, 30% counts, 60% gradients (equal per round); per-example gradients are clipped to
 * L2 norm {@code clip}. See {@link Privacy} for the spent budget.
 */
public final class FederatedScorecard {

    /** Share of the zCDP budget for the cut-point histograms, the counts and the gradients. */
    static final double EDGE_SHARE = 0.1;
    static final double COUNT_SHARE = 0.3;
    static final double GRADIENT_SHARE = 0.6;

    /**
     * @param rounds gradient-descent rounds
     * @param gridPerDecade resolution of the public value grid
     * @param epsilon DP ε over the whole training, {@code null} for no DP
     * @param delta DP δ
     * @param clip per-example gradient L2 bound (DP only)
     */
    public record Options(int rounds, int gridPerDecade, Double epsilon, double delta, double clip) {

        public static Options plain() {
            return new Options(300, 50, null, 1e-5, 1.0);
        }

        public static Options dp(double epsilon) {
            return new Options(100, 10, epsilon, 1e-5, 1.0);
        }
    }

    /** The privacy spent: zCDP ρ of each phase and the total as (ε, δ). */
    public record Privacy(double rhoEdges, double rhoCounts, double rhoGradients, double epsilon, double delta,
                          double sigmaEdges, double sigmaCounts, double sigmaGradients) {
    }

    /** One lender: its own rows of a table whose columns all lenders share. */
    public record Lender(CreditData data, int[] rows) {
    }

    /** The federated model: the selected attributes' bins and the logistic regression on their WoE. */
    public record Model(List<AttributeBinning> attributes, double[] coefficients, double intercept,
                        List<Double> losses, Privacy privacy) {

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

    /** {lender, first round it misses}, or {@code null}. */
    private final int[] dropout;

    public FederatedScorecard(ScorecardConfig config) {
        this(config, null);
    }

    private FederatedScorecard(ScorecardConfig config, int[] dropout) {
        this.config = config;
        this.dropout = dropout;
    }

    /**
     * The same training where lender {@code lender} stops answering from gradient round {@code round}
     * on: every later round is the exact sum of the survivors, recovered from their seed reveals.
     */
    public FederatedScorecard withDropout(int lender, int round) {
        return new FederatedScorecard(config, new int[] {lender, round});
    }

    private static void validate(Options o) throws ScorecardException {
        if (o.rounds() < 1 || o.rounds() > 100_000) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "federated 'rounds' must be between 1 and 100000");
        }
        if (o.gridPerDecade() < 1 || o.gridPerDecade() > 1000) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "federated 'gridPerDecade' must be between 1 and 1000");
        }
        if (o.epsilon() != null && !(o.epsilon() > 0 && o.epsilon() <= 100)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "DP epsilon must be in (0, 100]");
        }
        if (!(o.delta() > 0 && o.delta() < 1) || !(o.clip() > 0 && o.clip() <= 1e6)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "DP delta must be in (0, 1) and clip in (0, 1e6]");
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
        validate(options);
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
        if (dropout != null && (dropout[0] < 0 || dropout[0] >= lenders.size())) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "the dropped lender is not one of the lenders");
        }
        List<Column> columns = schema.columns().stream().filter(c -> !protectedAttributes.contains(c.name())).toList();
        int n = lenders.size();
        SecureAggregation.Party[] parties;
        try {
            byte[] session = new byte[16];
            noise.nextBytes(session);
            parties = SecureAggregation.setUp(n, session, noise);
        } catch (GeneralSecurityException e) {
            throw new ScorecardException(ScorecardError.TRAINING_FAILED, "key agreement failed", e);
        }
        boolean dp = options.epsilon() != null;
        double rho = dp ? Zcdp.rhoFor(options.epsilon(), options.delta()) : Double.POSITIVE_INFINITY;
        List<NumericColumn> numeric = columns.stream().filter(c -> c instanceof NumericColumn).map(c -> (NumericColumn) c).toList();
        Set<Double> specials = new TreeSet<>(config.specialValues());

        // Phase 1: grid histograms of the numeric columns, summed, give the pooled quantile cuts.
        ValueGrid grid = new ValueGrid(options.gridPerDecade());
        int cells = grid.cells();
        double sigmaEdges = dp ? Zcdp.sigmaFor(Math.sqrt(Math.max(1, numeric.size())), rho * EDGE_SHARE) : 0;
        DiscreteGaussian edgeNoise = dp ? new DiscreteGaussian(sigmaEdges, noise) : null;
        long[][] hist = new long[n][numeric.size() * cells];
        for (int l = 0; l < n; l++) {
            Lender lender = lenders.get(l);
            for (int c = 0; c < numeric.size(); c++) {
                NumericColumn col = numeric.get(c);
                for (int r : lender.rows()) {
                    double v = col.value(r);
                    if (!Double.isNaN(v) && !specials.contains(v)) {
                        hist[l][c * cells + grid.cell(v)]++;
                    }
                }
            }
            addNoise(hist[l], edgeNoise);
        }
        long[] histSum = SecureAggregation.sumAll(parties, hist, "cut points");
        Map<String, double[]> cuts = new TreeMap<>();
        for (int c = 0; c < numeric.size(); c++) {
            cuts.put(numeric.get(c).name(), quantileCuts(histSum, c * cells, grid, dp ? 2 * Math.sqrt(n) * sigmaEdges : 0));
        }

        // Phase 2: good/bad counts per fine class, level, special code and missing.
        // The level set of a categorical column is schema (a data dictionary in a real deployment);
        // here it is the union of the levels the lenders hold, which each lender would publish.
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Column c : columns) {
            if (c instanceof CategoricalColumn) {
                Set<String> set = new TreeSet<>();
                for (Lender lender : lenders) {
                    CategoricalColumn cat = (CategoricalColumn) lender.data().column(c.name()).orElseThrow();
                    for (int r : lender.rows()) {
                        if (cat.level(r) != null) {
                            set.add(cat.level(r));
                        }
                    }
                }
                levels.put(c.name(), List.copyOf(set));
            }
        }
        List<Double> specialList = List.copyOf(specials);
        int[] offset = new int[columns.size() + 1];
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            int slots = c instanceof NumericColumn ? cuts.get(c.name()).length + 1 + specialList.size() + 1
                    : levels.get(c.name()).size() + 1;
            offset[j + 1] = offset[j] + 2 * slots;
        }
        double sigmaCounts = dp ? Zcdp.sigmaFor(Math.sqrt(columns.size()), rho * COUNT_SHARE) : 0;
        DiscreteGaussian countNoise = dp ? new DiscreteGaussian(sigmaCounts, noise) : null;
        long[][] counts = new long[n][offset[columns.size()]];
        for (int l = 0; l < n; l++) {
            Lender lender = lenders.get(l);
            int[] bad = lender.data().badFlags();
            for (int j = 0; j < columns.size(); j++) {
                Column c = columns.get(j);
                for (int r : lender.rows()) {
                    counts[l][offset[j] + 2 * slot(c, r, cuts, levels, specialList) + bad[r]]++;
                }
            }
            addNoise(counts[l], countNoise);
        }
        long[] countSum = SecureAggregation.sumAll(parties, counts, "counts");
        for (int k = 0; k < countSum.length; k++) {
            countSum[k] = Math.max(0, countSum[k]);
        }
        // With DP, the pseudo-count of the weight of evidence is raised to the σ of the summed count
        // noise: a bin's WoE is shrunk toward 0 by as much as its counts are uncertain.
        ScorecardConfig binning = dp ? withSmoothing(config, Math.max(config.woeSmoothing(), Math.sqrt(n) * sigmaCounts)) : config;
        Binner binner = new Binner(binning);
        List<AttributeBinning> candidates = new ArrayList<>();
        long goods = 0;
        long bads = 0;
        for (int j = 0; j < columns.size(); j++) {
            Column c = columns.get(j);
            long total = 0;
            long colGoods = 0;
            long colBads = 0;
            for (int k = offset[j]; k < offset[j + 1]; k += 2) {
                colGoods += countSum[k];
                colBads += countSum[k + 1];
            }
            total = colGoods + colBads;
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
        List<AttributeBinning> selected = select(candidates);
        double noisyRows = Math.max(1, (double) (goods + bads) / columns.size());

        // Phase 3: federated gradient descent on the WoE features.
        int d = selected.size();
        double lipschitz = 1;
        for (AttributeBinning b : selected) {
            double max = 0;
            for (var bin : b.bins()) {
                max = Math.max(max, bin.woe() * bin.woe());
            }
            lipschitz += max;
        }
        double step = 4 / lipschitz;
        int f = FixedPoint.GRADIENT_BITS;
        // A row moves a lender's gradient vector by its clipped gradient plus the rounding of each
        // coordinate: L2 sensitivity clip + √(d+1)·2^−(f+1). Under DP no row count is sent per round.
        double gradSensitivity = options.clip() + Math.sqrt(d + 1) * Math.scalb(1.0, -f - 1);
        double sigmaGrad = dp ? Zcdp.sigmaFor(gradSensitivity,
                rho * GRADIENT_SHARE / options.rounds()) : 0;
        DiscreteGaussian gradNoise = dp ? new DiscreteGaussian(Math.scalb(sigmaGrad, f), noise) : null;
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
        double[] prev = w.clone();
        List<Double> losses = new ArrayList<>();
        // With DP the model is the mean of the second half's iterates (Polyak–Ruppert averaging, a
        // post-processing that costs no privacy) rather than the last, noisiest one.
        double[] average = new double[d + 1];
        int averaged = 0;
        for (int t = 0; t < options.rounds(); t++) {
            double[] look = new double[d + 1];
            double mom = (double) t / (t + 3);
            for (int k = 0; k <= d; k++) {
                look[k] = w[k] + mom * (w[k] - prev[k]);
            }
            String label = "round " + t + "/gradient";
            int width = dp ? d + 1 : d + 3;
            SecureAggregation.Aggregator agg = new SecureAggregation.Aggregator(label,
                    java.util.stream.IntStream.range(0, n).boxed().toList(), width);
            for (int l = 0; l < n; l++) {
                if (dropout != null && l == dropout[0] && t >= dropout[1]) {
                    continue;
                }
                agg.submit(l, parties[l].mask(lenderGradient(features[l], labels[l], look, dp ? options.clip() : Double.NaN, f, gradNoise), label));
            }
            Map<Integer, Map<Integer, byte[]>> reveals = new TreeMap<>();
            Set<Integer> gone = agg.close();
            for (int s : agg.survivors()) {
                Map<Integer, byte[]> seeds = new TreeMap<>();
                for (int x : gone) {
                    seeds.put(x, parties[s].revealSeed(x, label));
                }
                reveals.put(s, seeds);
            }
            double[] g = FixedPoint.decode(agg.sum(reveals), f);
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
                w[k] = look[k] - step * g[k] / answered;
                if (k < d && config.dropWrongSign() && w[k] > 0) {
                    w[k] = 0;
                }
            }
            if (dp && 2 * t >= options.rounds()) {
                for (int k = 0; k <= d; k++) {
                    average[k] += w[k];
                }
                averaged++;
            }
        }
        if (dp) {
            for (int k = 0; k <= d; k++) {
                w[k] = average[k] / averaged;
            }
        }
        double[] coef = java.util.Arrays.copyOf(w, d);
        Privacy privacy = null;
        if (dp) {
            double re = Zcdp.rho(Math.sqrt(Math.max(1, numeric.size())), edgeNoise.sigma());
            double rc = Zcdp.rho(Math.sqrt(columns.size()), countNoise.sigma());
            double rg = options.rounds() * Zcdp.rho(Math.scalb(gradSensitivity, f), gradNoise.sigma());
            privacy = new Privacy(re, rc, rg, Zcdp.epsilon(re + rc + rg, options.delta()), options.delta(),
                    edgeNoise.sigma(), countNoise.sigma(), Math.scalb(gradNoise.sigma(), -f));
        }
        return new Model(List.copyOf(selected), coef, w[d], List.copyOf(losses), privacy);
    }

    /** The sum of a lender's per-row gradients (clipped when {@code clip} is a number), then the log-loss sum, in fixed point. */
    private static ScorecardConfig withSmoothing(ScorecardConfig c, double a) {
        return new ScorecardConfig(c.folds(), c.repeats(), c.seed(), c.fineBins(), c.minBinShare(), c.maxBins(), c.monotonic(), a,
                c.minIv(), c.maxAttributes(), c.dropWrongSign(), c.epochs(), c.learningRate(), c.minibatch(), c.baseScore(),
                c.baseOdds(), c.pdo(), c.bandCount(), c.bandCuts(), c.cutoff(), c.specialValues(), c.numericColumns(),
                c.categoricalColumns(), c.ignoreColumns(), c.protectedBands(), c.maxReasons(), c.fourFifths());
    }

    private static long[] lenderGradient(double[][] x, int[] y, double[] w, double clip, int f, DiscreteGaussian noise) {
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
        addNoise(out, noise);
        if (!dp) {
            out[out.length - 1] = FixedPoint.encode(x.length, f);
        }
        return out;
    }

    private static double log1pExp(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    private static void addNoise(long[] v, DiscreteGaussian noise) {
        if (noise != null) {
            for (int k = 0; k < v.length; k++) {
                v[k] += noise.sample();
            }
        }
    }

    /**
     * Quantile cuts on grid edges from a summed histogram, as {@code Binner} places them on values:
     * the q/fineBins quantiles, distinct, below the largest value. With DP, cells under
     * {@code threshold} (twice the summed noise's σ) are taken as empty, a post-processing step.
     */
    private double[] quantileCuts(long[] hist, int from, ValueGrid grid, double threshold) {
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
        for (int i = 0; i < last && q < config.fineBins(); i++) {
            cum += h[i];
            // Binner takes the value of rank ⌊q·n/F⌋ as the cut: the cell holding it ends the class.
            while (q < config.fineBins() && cum >= Math.max(1, (long) q * total / config.fineBins())) {
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
