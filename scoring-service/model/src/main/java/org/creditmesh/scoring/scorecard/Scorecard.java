package org.creditmesh.scoring.scorecard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;

/**
 * A fitted points scorecard: score = base points + Σ points of the applicant's bin in each attribute.
 * Immutable; its JSON form (see {@link ModelStore}) is what the fingerprint covers.
 *
 * @param format version of this JSON form
 * @param target the target column the model was trained for
 * @param badValue target value of the bad class
 * @param goodValue target value of the good class
 * @param protectedAttributes attributes kept out of the model, used in the fairness report only
 * @param scaling PDO scaling
 * @param intercept logistic-regression intercept on the log-odds of the bad class
 * @param basePoints points every applicant starts with (offset − factor · intercept)
 * @param attributes the attributes of the model, most informative first
 * @param bands score bands, best first
 * @param cutoff approval cut-off score
 * @param maxReasons most reason codes per score
 * @param trainingScores distribution of the training scores, for the score's population stability index
 * @param fingerprint SHA-256 (hex) of data hash, configuration, Tribuo trainer provenance and this content
 */
public record Scorecard(int format, String target, String badValue, String goodValue, List<String> protectedAttributes,
                        Scaling scaling, double intercept, double basePoints, List<ScorecardAttribute> attributes,
                        List<Band> bands, double cutoff, int maxReasons, ScoreDistribution trainingScores, String fingerprint) {

    public static final int FORMAT = 1;

    public Scorecard {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scaling, "scaling");
        protectedAttributes = List.copyOf(protectedAttributes);
        attributes = List.copyOf(attributes);
        bands = List.copyOf(bands);
        Objects.requireNonNull(fingerprint, "fingerprint");
        trainingScores = trainingScores == null ? new ScoreDistribution(List.of(), List.of(1.0)) : trainingScores;
    }

    Scorecard withFingerprint(String fp) {
        return new Scorecard(format, target, badValue, goodValue, protectedAttributes, scaling, intercept, basePoints,
                attributes, bands, cutoff, maxReasons, trainingScores, fp);
    }

    Scorecard withBandsAndCutoff(List<Band> newBands, double newCutoff, ScoreDistribution distribution) {
        return new Scorecard(format, target, badValue, goodValue, protectedAttributes, scaling, intercept, basePoints,
                attributes, newBands, newCutoff, maxReasons, distribution, fingerprint);
    }

    /** The attributes a scoring request must carry. */
    public List<String> requiredAttributes() {
        return attributes.stream().map(ScorecardAttribute::name).toList();
    }

    /**
     * Scores one applicant given as attribute → value text ({@code null} or a missing token is missing).
     *
     * @throws ScorecardException {@code missing_attribute} when a required attribute is absent,
     *         {@code invalid_value} when a numeric attribute gets text
     */
    public ScoreResult score(Map<String, String> applicant) throws ScorecardException {
        int[] bins = new int[attributes.size()];
        for (int j = 0; j < bins.length; j++) {
            ScorecardAttribute a = attributes.get(j);
            if (!applicant.containsKey(a.name())) {
                throw new ScorecardException(ScorecardError.MISSING_ATTRIBUTE, "the request lacks attribute '" + a.name() + "'");
            }
            String v = applicant.get(a.name());
            if (v != null && org.creditmesh.scoring.data.CsvOptions.DEFAULT_MISSING.contains(v.trim())) {
                v = null;
            }
            bins[j] = a.binning().binOf(v);
        }
        return result(bins);
    }

    /** Scores a row of a loaded table (the columns are looked up by name; absent ones count as missing). */
    public double scoreRow(CreditData data, int row) {
        double s = basePoints;
        for (ScorecardAttribute a : attributes) {
            Column c = data.column(a.name()).orElse(null);
            if (c != null) {
                s += a.pointsOf(a.binning().binOf(c, row));
            }
        }
        return s;
    }

    /** Scores every listed row; faster than {@link #scoreRow} row by row. */
    public double[] scoreRows(CreditData data, int[] rows) {
        double[] out = new double[rows.length];
        java.util.Arrays.fill(out, basePoints);
        for (ScorecardAttribute a : attributes) {
            Column c = data.column(a.name()).orElse(null);
            if (c == null) {
                continue;
            }
            for (int i = 0; i < rows.length; i++) {
                out[i] += a.pointsOf(a.binning().binOf(c, rows[i]));
            }
        }
        return out;
    }

    /** The result for given bin indices, one per attribute. */
    public ScoreResult result(int[] bins) {
        double score = basePoints;
        for (int j = 0; j < bins.length; j++) {
            score += attributes.get(j).pointsOf(bins[j]);
        }
        return new ScoreResult(score, scaling.probabilityOfBad(score), bandOf(score), score >= cutoff, reasons(bins), fingerprint);
    }

    public String bandOf(double score) {
        for (Band b : bands) {
            if (b.minScore() == null || score >= b.minScore()) {
                return b.name();
            }
        }
        return bands.isEmpty() ? "" : bands.getLast().name();
    }

    /** The attributes that cost the most points against their best bin, costliest first; ties in model order. */
    public List<ReasonCode> reasons(int[] bins) {
        record Cost(int attribute, double lost) {
        }
        List<Cost> costs = new ArrayList<>();
        for (int j = 0; j < bins.length; j++) {
            ScorecardAttribute a = attributes.get(j);
            double lost = a.bestPoints() - a.pointsOf(bins[j]);
            if (lost > 1e-9) {
                costs.add(new Cost(j, lost));
            }
        }
        costs.sort(Comparator.comparingDouble(Cost::lost).reversed().thenComparingInt(Cost::attribute));
        List<ReasonCode> out = new ArrayList<>();
        for (Cost c : costs.subList(0, Math.min(maxReasons, costs.size()))) {
            ScorecardAttribute a = attributes.get(c.attribute());
            int bin = bins[c.attribute()];
            String value = bin == AttributeBinning.NO_BIN ? "a value not seen in training" : a.binning().bins().get(bin).label();
            String best = a.binning().bins().get(a.bestBin()).label();
            String text = String.format(Locale.ROOT, "%s is %s; %s would score %.0f points more", a.name(), value, best, c.lost());
            out.add(new ReasonCode(a.code(), a.name(), value, best, c.lost(), text));
        }
        return out;
    }
}
