package org.creditmesh.scoring.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.NumericColumn;

/**
 * Fits the coarse classes of one attribute on a set of training rows, the way scorecard teams do:
 * numeric attributes are fine-classed by quantiles, then adjacent classes are merged until the bad
 * rate is monotonic (pool-adjacent-violators), every bin holds a minimum share of rows, and at most
 * {@code maxBins} remain (merging the pair that loses least information). Categorical levels are
 * pooled when rare, ordered by bad rate and merged the same way. Missing values and special codes
 * keep bins of their own whatever their size; the smoothing of the weight of evidence tempers them.
 */
public final class Binner {

    private final ScorecardConfig config;

    public Binner(ScorecardConfig config) {
        this.config = config;
    }

    /** A run of adjacent classes being merged. */
    private static final class Block {
        Double lower;
        Double upper;
        final List<String> levels = new ArrayList<>();
        boolean other;
        long goods;
        long bads;

        long count() {
            return goods + bads;
        }

        double rate() {
            return count() == 0 ? 0 : (double) bads / count();
        }

        void absorb(Block right) {
            upper = right.upper;
            levels.addAll(right.levels);
            other |= right.other;
            goods += right.goods;
            bads += right.bads;
        }
    }

    public AttributeBinning fit(Column column, int[] rows, int[] bad) {
        long minSize = Math.max(1, (long) Math.ceil(config.minBinShare() * rows.length));
        return switch (column) {
            case NumericColumn n -> numeric(n, rows, bad, minSize);
            case CategoricalColumn c -> categorical(c, rows, bad, minSize);
        };
    }

    private AttributeBinning numeric(NumericColumn col, int[] rows, int[] bad, long minSize) {
        long missGood = 0;
        long missBad = 0;
        Map<Double, long[]> specials = new TreeMap<>();
        double[] values = new double[rows.length];
        int[] flags = new int[rows.length];
        int n = 0;
        for (int r : rows) {
            double v = col.value(r);
            if (Double.isNaN(v)) {
                if (bad[r] == 1) {
                    missBad++;
                } else {
                    missGood++;
                }
            } else if (config.specialValues().contains(v)) {
                specials.computeIfAbsent(v, k -> new long[2])[bad[r]]++;
            } else {
                values[n] = v;
                flags[n] = bad[r];
                n++;
            }
        }
        List<Block> fine = fineClasses(Arrays.copyOf(values, n), Arrays.copyOf(flags, n));
        return numericFromFine(col.name(), fine, specials, missGood, missBad, minSize);
    }

    /**
     * Bins a numeric attribute from fine-class counts computed elsewhere (federated training: the
     * counts are sums over lenders). {@code cuts} are the inclusive upper bounds of all fine classes but
     * the last, ascending; {@code goods}/{@code bads} have {@code cuts.length + 1} entries. Empty fine
     * classes are merged into their neighbour. {@code specials} maps a special code to {good, bad}.
     */
    public AttributeBinning numericFromCounts(String name, double[] cuts, long[] goods, long[] bads,
                                              Map<Double, long[]> specials, long missGood, long missBad, long totalRows) {
        List<Block> fine = new ArrayList<>();
        for (int i = 0; i <= cuts.length; i++) {
            Block b = new Block();
            b.lower = i == 0 ? null : cuts[i - 1];
            b.upper = i == cuts.length ? null : cuts[i];
            b.goods = goods[i];
            b.bads = bads[i];
            if (b.count() == 0 && !fine.isEmpty()) {
                fine.getLast().upper = b.upper;
            } else if (!fine.isEmpty() && fine.getLast().count() == 0) {
                b.lower = fine.getLast().lower;
                fine.set(fine.size() - 1, b);
            } else {
                fine.add(b);
            }
        }
        if (fine.size() == 1 && fine.getFirst().count() == 0) {
            fine.clear();
        }
        long minSize = Math.max(1, (long) Math.ceil(config.minBinShare() * totalRows));
        return numericFromFine(name, fine, new TreeMap<>(specials), missGood, missBad, minSize);
    }

    private AttributeBinning numericFromFine(String name, List<Block> fine, Map<Double, long[]> specials,
                                             long missGood, long missBad, long minSize) {
        String trend = "none";
        List<Block> coarse;
        if (config.monotonic().equals("auto") && fine.size() > 1) {
            List<Block> up = coarse(fine, true, minSize);
            List<Block> down = coarse(fine, false, minSize);
            boolean upWins = ivOf(up) >= ivOf(down);
            coarse = upWins ? up : down;
            trend = coarse.size() > 1 ? (upWins ? "increasing" : "decreasing") : "none";
        } else {
            coarse = sizeAndCount(new ArrayList<>(fine), minSize);
        }
        List<Bin> bins = new ArrayList<>();
        for (Block b : coarse) {
            bins.add(new Bin(Bin.Kind.RANGE, b.lower, b.upper, null, List.of(), false, b.goods, b.bads, 0));
        }
        for (var e : specials.entrySet()) {
            bins.add(new Bin(Bin.Kind.SPECIAL, null, null, e.getKey(), List.of(), false, e.getValue()[0], e.getValue()[1], 0));
        }
        if (missGood + missBad > 0) {
            bins.add(new Bin(Bin.Kind.MISSING, null, null, null, List.of(), false, missGood, missBad, 0));
        }
        return withWoe(name, true, trend, bins);
    }

    /** Distinct values when few, else quantile classes; intervals are (lower, upper]. */
    private List<Block> fineClasses(double[] values, int[] flags) {
        int n = values.length;
        List<Block> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[order[i]];
        }
        List<Double> cuts = new ArrayList<>();
        for (int q = 1; q < config.fineBins(); q++) {
            double c = sorted[(int) Math.min(n - 1, Math.max(0, (long) q * n / config.fineBins() - 1))];
            if (c < sorted[n - 1] && (cuts.isEmpty() || c > cuts.getLast())) {
                cuts.add(c);
            }
        }
        Block current = new Block();
        int cut = 0;
        for (int i = 0; i < n; i++) {
            double v = sorted[i];
            while (cut < cuts.size() && v > cuts.get(cut)) {
                current.upper = cuts.get(cut);
                out.add(current);
                Block next = new Block();
                next.lower = cuts.get(cut);
                current = next;
                cut++;
            }
            if (flags[order[i]] == 1) {
                current.bads++;
            } else {
                current.goods++;
            }
        }
        out.add(current);
        return out;
    }

    /** Monotonic merging, then the size and count limits. */
    private List<Block> coarse(List<Block> fine, boolean increasing, long minSize) {
        List<Block> stack = new ArrayList<>();
        for (Block f : fine) {
            Block b = copy(f);
            stack.add(b);
            while (stack.size() > 1) {
                Block top = stack.getLast();
                Block prev = stack.get(stack.size() - 2);
                boolean violates = increasing ? prev.rate() >= top.rate() : prev.rate() <= top.rate();
                if (!violates) {
                    break;
                }
                prev.absorb(top);
                stack.removeLast();
            }
        }
        return sizeAndCount(stack, minSize);
    }

    /** Merges bins below the minimum size into their closer-rate neighbour, then the least informative pairs. */
    private List<Block> sizeAndCount(List<Block> blocks, long minSize) {
        while (blocks.size() > 1) {
            int smallest = -1;
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).count() < minSize && (smallest < 0 || blocks.get(i).count() < blocks.get(smallest).count())) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            int left;
            if (smallest == 0) {
                left = 0;
            } else if (smallest == blocks.size() - 1) {
                left = smallest - 1;
            } else {
                double r = blocks.get(smallest).rate();
                double dl = Math.abs(blocks.get(smallest - 1).rate() - r);
                double dr = Math.abs(blocks.get(smallest + 1).rate() - r);
                left = dl <= dr ? smallest - 1 : smallest;
            }
            merge(blocks, left);
        }
        while (blocks.size() > config.maxBins()) {
            int best = 0;
            double bestIv = Double.NEGATIVE_INFINITY;
            for (int i = 0; i + 1 < blocks.size(); i++) {
                List<Block> trial = new ArrayList<>();
                for (Block b : blocks) {
                    trial.add(copy(b));
                }
                merge(trial, i);
                double iv = ivOf(trial);
                if (iv > bestIv) {
                    bestIv = iv;
                    best = i;
                }
            }
            merge(blocks, best);
        }
        return blocks;
    }

    private static void merge(List<Block> blocks, int left) {
        blocks.get(left).absorb(blocks.get(left + 1));
        blocks.remove(left + 1);
    }

    private static Block copy(Block b) {
        Block c = new Block();
        c.lower = b.lower;
        c.upper = b.upper;
        c.levels.addAll(b.levels);
        c.other = b.other;
        c.goods = b.goods;
        c.bads = b.bads;
        return c;
    }

    private double ivOf(List<Block> blocks) {
        long[] g = new long[blocks.size()];
        long[] b = new long[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            g[i] = blocks.get(i).goods;
            b[i] = blocks.get(i).bads;
        }
        return Woe.iv(g, b, config.woeSmoothing());
    }

    private AttributeBinning categorical(CategoricalColumn col, int[] rows, int[] bad, long minSize) {
        TreeMap<String, long[]> counts = new TreeMap<>();
        long missGood = 0;
        long missBad = 0;
        for (int r : rows) {
            String level = col.level(r);
            if (level == null) {
                if (bad[r] == 1) {
                    missBad++;
                } else {
                    missGood++;
                }
            } else {
                counts.computeIfAbsent(level, k -> new long[2])[bad[r]]++;
            }
        }
        return categoricalFromCounts(col.name(), counts, missGood, missBad, minSize);
    }

    /**
     * Bins a categorical attribute from level counts computed elsewhere (federated training):
     * {@code counts} maps a level to {good, bad}.
     */
    public AttributeBinning categoricalFromCounts(String name, Map<String, long[]> counts, long missGood, long missBad, long totalRows) {
        long minSize = Math.max(1, (long) Math.ceil(config.minBinShare() * totalRows));
        return categoricalFromCounts(name, new TreeMap<>(counts), missGood, missBad, minSize);
    }

    private AttributeBinning categoricalFromCounts(String name, TreeMap<String, long[]> counts, long missGood, long missBad, long minSize) {
        List<Block> groups = new ArrayList<>();
        Block rare = new Block();
        rare.other = true;
        for (var e : counts.entrySet()) {
            long[] c = e.getValue();
            if (c[0] + c[1] == 0) {
                continue;
            }
            Block target = c[0] + c[1] < minSize ? rare : new Block();
            target.levels.add(e.getKey());
            target.goods += c[0];
            target.bads += c[1];
            if (target != rare) {
                groups.add(target);
            }
        }
        if (rare.count() > 0) {
            groups.add(rare);
        }
        // Stable order by bad rate, then by first level, so that equal data give equal bins.
        groups.sort(Comparator.comparingDouble(Block::rate).thenComparing(b -> b.levels.isEmpty() ? "" : b.levels.getFirst()));
        List<Block> coarse = sizeAndCount(groups, minSize);
        if (coarse.stream().noneMatch(b -> b.other) && !coarse.isEmpty()) {
            // Levels never seen in training go to the largest group: the common case, not a guess at risk.
            coarse.stream().max(Comparator.comparingLong(Block::count)).orElseThrow().other = true;
        }
        List<Bin> bins = new ArrayList<>();
        for (Block b : coarse) {
            List<String> levels = new ArrayList<>(b.levels);
            levels.sort(null);
            bins.add(new Bin(Bin.Kind.LEVELS, null, null, null, levels, b.other, b.goods, b.bads, 0));
        }
        if (missGood + missBad > 0) {
            bins.add(new Bin(Bin.Kind.MISSING, null, null, null, List.of(), false, missGood, missBad, 0));
        }
        return withWoe(name, false, "none", bins);
    }

    private AttributeBinning withWoe(String name, boolean numeric, String trend, List<Bin> bins) {
        long[] g = new long[bins.size()];
        long[] b = new long[bins.size()];
        for (int i = 0; i < bins.size(); i++) {
            g[i] = bins.get(i).goods();
            b[i] = bins.get(i).bads();
        }
        double[] w = Woe.woe(g, b, config.woeSmoothing());
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            out.add(bins.get(i).withWoe(w[i]));
        }
        double iv = bins.size() < 2 ? 0 : Woe.iv(g, b, config.woeSmoothing());
        return new AttributeBinning(name, numeric, trend, out, iv);
    }
}
