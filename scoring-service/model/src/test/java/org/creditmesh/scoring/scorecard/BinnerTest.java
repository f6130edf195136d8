package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.NumericColumn;
import org.junit.jupiter.api.Test;

class BinnerTest {

    private static final int N = 2000;
    private static final int[] ALL = IntStream.range(0, N).toArray();

    private static ScorecardConfig config(List<Double> specials) {
        ScorecardConfig d = ScorecardConfig.defaults();
        return new ScorecardConfig(d.folds(), d.repeats(), d.seed(), d.fineBins(), d.minBinShare(), d.maxBins(), d.monotonic(),
                d.woeSmoothing(), d.minIv(), d.maxAttributes(), d.dropWrongSign(), d.epochs(), d.learningRate(), d.minibatch(),
                d.baseScore(), d.baseOdds(), d.pdo(), d.bandCount(), d.bandCuts(), d.cutoff(), specials, d.numericColumns(),
                d.categoricalColumns(), d.ignoreColumns(), d.protectedBands(), d.maxReasons(), d.fourFifths());
    }

    /** A numeric attribute whose bad probability follows {@code risk}, with missing values at a high bad rate. */
    private static int[] simulate(double[] x, java.util.function.DoubleUnaryOperator risk, long seed) {
        Random rnd = new Random(seed);
        int[] bad = new int[N];
        for (int i = 0; i < N; i++) {
            x[i] = rnd.nextDouble() < 0.05 ? Double.NaN : Math.floor(rnd.nextDouble() * 1000);
            double p = Double.isNaN(x[i]) ? 0.6 : risk.applyAsDouble(x[i]);
            bad[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        return bad;
    }

    private static List<Bin> ranges(AttributeBinning b) {
        return b.bins().stream().filter(x -> x.kind() == Bin.Kind.RANGE).toList();
    }

    @Test
    void numericBinsHaveAMonotonicBadRateWhenRiskRisesWithTheValue() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.1 + 0.4 * v / 1000, 1);
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad);
        List<Bin> ranges = ranges(b);
        assertThat(b.trend()).isEqualTo("increasing");
        assertThat(ranges.size()).isBetween(2, ScorecardConfig.defaults().maxBins());
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).badRate()).isGreaterThan(ranges.get(i - 1).badRate());
            assertThat(ranges.get(i).woe()).isLessThan(ranges.get(i - 1).woe());
        }
    }

    @Test
    void numericBinsHaveAMonotonicBadRateWhenRiskFallsWithTheValue() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.5 - 0.4 * v / 1000, 2);
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad);
        List<Bin> ranges = ranges(b);
        assertThat(b.trend()).isEqualTo("decreasing");
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).badRate()).isLessThan(ranges.get(i - 1).badRate());
        }
    }

    @Test
    void aUShapedRiskIsStillBinnedMonotonically() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.1 + 0.5 * Math.pow((v - 500) / 500, 2), 3);
        List<Bin> ranges = ranges(new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad));
        boolean up = ranges.getLast().badRate() > ranges.getFirst().badRate();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).badRate() > ranges.get(i - 1).badRate()).isEqualTo(up);
        }
    }

    @Test
    void everyRangeBinHoldsTheMinimumShareAndTheRangesCoverTheLine() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.1 + 0.4 * v / 1000, 4);
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad);
        List<Bin> ranges = ranges(b);
        for (Bin r : ranges) {
            assertThat(r.count()).isGreaterThanOrEqualTo((long) Math.ceil(0.05 * N));
        }
        assertThat(ranges.getFirst().lower()).isNull();
        assertThat(ranges.getLast().upper()).isNull();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).lower()).isEqualTo(ranges.get(i - 1).upper());
        }
        assertThat(b.bins().stream().mapToLong(Bin::count).sum()).isEqualTo(N);
    }

    @Test
    void missingValuesGetABinOfTheirOwn() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.2, 5);
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad);
        Bin missing = b.bins().stream().filter(v -> v.kind() == Bin.Kind.MISSING).findFirst().orElseThrow();
        assertThat(missing.count()).isEqualTo(IntStream.range(0, N).filter(i -> Double.isNaN(x[i])).count());
        assertThat(missing.woe()).isNegative();
        assertThat(b.binOf(new NumericColumn("x", new double[] {Double.NaN}), 0)).isEqualTo(b.bins().indexOf(missing));
    }

    @Test
    void specialValuesGetBinsOfTheirOwn() throws ScorecardException {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.1 + 0.4 * v / 1000, 6);
        for (int i = 0; i < N; i += 25) {
            x[i] = -999;
        }
        AttributeBinning b = new Binner(config(List.of(-999.0))).fit(new NumericColumn("x", x), ALL, bad);
        Bin special = b.bins().stream().filter(v -> v.kind() == Bin.Kind.SPECIAL).findFirst().orElseThrow();
        assertThat(special.special()).isEqualTo(-999.0);
        assertThat(special.count()).isEqualTo(N / 25);
        assertThat(b.bins().get(b.binOf("-999"))).isEqualTo(special);
        assertThat(b.bins().get(b.binOf("-998")).kind()).isEqualTo(Bin.Kind.RANGE);
    }

    @Test
    void categoricalLevelsAreGroupedByBadRateAndRareLevelsPooled() throws ScorecardException {
        Random rnd = new Random(7);
        Map<String, Double> risk = Map.of("a", 0.05, "b", 0.10, "c", 0.30, "d", 0.31, "e", 0.60, "rare1", 0.9, "rare2", 0.9);
        String[] levels = new String[N];
        int[] bad = new int[N];
        for (int i = 0; i < N; i++) {
            double u = rnd.nextDouble();
            levels[i] = u < 0.01 ? "rare1" : u < 0.02 ? "rare2" : new String[] {"a", "b", "c", "d", "e"}[rnd.nextInt(5)];
            bad[i] = rnd.nextDouble() < risk.get(levels[i]) ? 1 : 0;
        }
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new CategoricalColumn("home", levels), ALL, bad);
        Bin rare = b.bins().stream().filter(Bin::other).findFirst().orElseThrow();
        assertThat(rare.levels()).contains("rare1", "rare2");
        for (int i = 1; i < b.bins().size(); i++) {
            assertThat(b.bins().get(i).badRate()).isGreaterThanOrEqualTo(b.bins().get(i - 1).badRate());
        }
        assertThat(b.bins().get(b.binOf("never-seen"))).isEqualTo(rare);
        assertThat(b.binOf("a")).isNotEqualTo(b.binOf("e"));
        assertThat(b.iv()).isGreaterThan(0.3);
    }

    @Test
    void aNumericAttributeRefusesTextAtScoringTime() {
        double[] x = new double[N];
        int[] bad = simulate(x, v -> 0.2, 8);
        AttributeBinning b = new Binner(ScorecardConfig.defaults()).fit(new NumericColumn("x", x), ALL, bad);
        try {
            b.binOf("abc");
            throw new AssertionError("accepted text");
        } catch (ScorecardException e) {
            assertThat(e.code()).isEqualTo(ScorecardError.INVALID_VALUE);
            assertThat(e.getMessage()).contains("'x'");
        }
    }
}
