package org.creditmesh.scoring.scorecard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * Fits a scorecard on given rows of a table: binning of every attribute that is not protected,
 * information-value selection, Tribuo logistic regression on the weights of evidence (refitted
 * without attributes whose coefficient has the wrong sign), PDO points, bands and cut-off.
 * Everything is fitted on the given rows only, so cross-validation can call it per training fold.
 */
public final class ScorecardFitter {

    /** Feature names of the weights of evidence in the Tribuo model. */
    public static final String WOE_PREFIX = "woe:";

    private final ScorecardConfig config;

    public ScorecardFitter(ScorecardConfig config) {
        this.config = config;
    }

    /**
     * A fitted scorecard with the Tribuo model it came from and every attribute's binning
     * (the candidates, selected or not, for the report).
     */
    public record Fit(Scorecard scorecard, LinearSGDModel model, List<AttributeBinning> candidates, String trainerProvenance) {
    }

    public Fit fit(CreditData data, int[] rows, Set<String> protectedAttributes) throws ScorecardException {
        int[] bad = data.badFlags();
        Binner binner = new Binner(config);
        List<AttributeBinning> candidates = new ArrayList<>();
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Column c : data.columns()) {
            if (!protectedAttributes.contains(c.name())) {
                candidates.add(binner.fit(c, rows, bad));
                columns.put(c.name(), c);
            }
        }
        List<AttributeBinning> selected = selectByInformationValue(candidates, config, "the training rows");

        // Bin index of every training row in every selected attribute, reused by the refits.
        LinearSGDModel model;
        TribuoLogistic.Linear linear;
        while (true) {
            List<Example<Label>> examples = examples(selected, columns, rows, bad);
            model = TribuoLogistic.fit(examples, "weights of evidence of " + selected.size() + " attributes, data sha256 " + data.sha256(), config);
            linear = TribuoLogistic.linear(model);
            if (!config.dropWrongSign() || selected.size() == 1) {
                break;
            }
            // WoE grows with the share of goods, so its coefficient on the bad log-odds must be negative.
            AttributeBinning worst = null;
            double worstCoef = 0;
            for (AttributeBinning b : selected) {
                double coef = linear.weights().getOrDefault(WOE_PREFIX + b.name(), 0.0);
                if (coef > worstCoef) {
                    worstCoef = coef;
                    worst = b;
                }
            }
            if (worst == null) {
                break;
            }
            selected.remove(worst);
        }

        Scaling scaling = Scaling.of(config);
        double factor = scaling.factor();
        List<ScorecardAttribute> attributes = new ArrayList<>();
        for (int j = 0; j < selected.size(); j++) {
            AttributeBinning b = selected.get(j);
            double coef = linear.weights().getOrDefault(WOE_PREFIX + b.name(), 0.0);
            List<Double> points = new ArrayList<>();
            for (Bin bin : b.bins()) {
                points.add(-factor * coef * bin.woe() + 0.0);
            }
            attributes.add(new ScorecardAttribute(String.format("R%02d", j + 1), b, coef, points));
        }
        double basePoints = scaling.offset() - factor * linear.intercept();
        List<String> prot = new ArrayList<>(protectedAttributes);
        prot.sort(null);
        Scorecard draft = new Scorecard(Scorecard.FORMAT, data.target(), data.badValue(), data.goodValue(), prot, scaling,
                linear.intercept(), basePoints, attributes, List.of(), 0, config.maxReasons(), null, "");
        double[] scores = draft.scoreRows(data, rows);
        Scorecard scorecard = draft.withBandsAndCutoff(bands(scores), cutoff(scores, data, rows), ScoreDistribution.of(scores, 10));
        String trainer = Fingerprint.trainerProvenance(model);
        return new Fit(scorecard.withFingerprint(Fingerprint.of(data.sha256(), config, trainer, scorecard)), model, candidates, trainer);
    }

    private static List<Example<Label>> examples(List<AttributeBinning> selected, Map<String, Column> columns, int[] rows, int[] bad) {
        String[] names = new String[selected.size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = WOE_PREFIX + selected.get(j).name();
        }
        List<Example<Label>> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            double[] values = new double[names.length];
            for (int j = 0; j < names.length; j++) {
                AttributeBinning b = selected.get(j);
                values[j] = b.woe(b.binOf(columns.get(b.name()), r));
            }
            out.add(new ArrayExample<>(bad[r] == 1 ? TribuoLogistic.BAD_LABEL : TribuoLogistic.GOOD_LABEL, names, values));
        }
        return out;
    }

    /** An example for the Tribuo model from a scorecard's bin indices, for checks against Tribuo's own prediction. */
    public static Example<Label> example(Scorecard scorecard, int[] bins) {
        String[] names = new String[bins.length];
        double[] values = new double[bins.length];
        for (int j = 0; j < bins.length; j++) {
            ScorecardAttribute a = scorecard.attributes().get(j);
            names[j] = WOE_PREFIX + a.name();
            values[j] = a.binning().woe(bins[j]);
        }
        return new ArrayExample<>(TribuoLogistic.GOOD_LABEL, names, values);
    }

    private List<Band> bands(double[] scores) {
        List<Band> out = new ArrayList<>();
        if (!config.bandCuts().isEmpty()) {
            for (int i = 0; i < config.bandCuts().size(); i++) {
                out.add(new Band(bandName(i), config.bandCuts().get(i)));
            }
            out.add(new Band(bandName(config.bandCuts().size()), null));
            return out;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        List<Double> cuts = new ArrayList<>();
        for (int i = 1; i < config.bandCount(); i++) {
            double q = quantile(sorted, 1 - (double) i / config.bandCount());
            double rounded = Math.round(q);
            if (cuts.isEmpty() || rounded < cuts.getLast()) {
                cuts.add(rounded);
            }
        }
        for (int i = 0; i < cuts.size(); i++) {
            out.add(new Band(bandName(i), cuts.get(i)));
        }
        out.add(new Band(bandName(cuts.size()), null));
        return out;
    }

    private static String bandName(int i) {
        return String.valueOf((char) ('A' + Math.min(i, 25)));
    }

    /** The configured cut-off, or the score that approves the share of goods seen in training. */
    private double cutoff(double[] scores, CreditData data, int[] rows) {
        if (config.cutoff() != null) {
            return config.cutoff();
        }
        int bads = 0;
        for (int r : rows) {
            bads += data.bad(r);
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        return Math.round(quantile(sorted, (double) bads / rows.length));
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Feature selection shared by pooled and federated training: attributes with IV at least
     * {@code minIv} and positive, at most {@code maxAttributes}, highest IV first (ties by name); if none
     * qualifies, the single best one, as long as it separates good from bad at all.
     *
     * @param source what the counts came from, for the error message ("the training rows")
     */
    public static List<AttributeBinning> selectByInformationValue(List<AttributeBinning> candidates, ScorecardConfig config,
            String source) throws ScorecardException {
        List<AttributeBinning> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble(AttributeBinning::iv).reversed().thenComparing(AttributeBinning::name));
        List<AttributeBinning> selected = new ArrayList<>();
        for (AttributeBinning b : ranked) {
            if (b.iv() >= config.minIv() && b.iv() > 0 && selected.size() < config.maxAttributes()) {
                selected.add(b);
            }
        }
        if (selected.isEmpty()) {
            if (ranked.isEmpty() || ranked.getFirst().iv() <= 0) {
                throw new ScorecardException(ScorecardError.TRAINING_FAILED, "no attribute separates good from bad in " + source);
            }
            selected.add(ranked.getFirst());
        }
        return selected;
    }
}
