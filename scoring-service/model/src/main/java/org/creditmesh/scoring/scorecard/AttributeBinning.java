package org.creditmesh.scoring.scorecard;

import java.util.List;
import java.util.Objects;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.NumericColumn;

/**
 * The coarse classes of one attribute and their information value.
 *
 * @param name the attribute (column) name
 * @param numeric whether the attribute is numeric (ranges) or categorical (level groups)
 * @param trend bad-rate trend of the ranges: {@code increasing}, {@code decreasing}, {@code none}
 * @param bins the bins; a value falls in exactly one bin, or in none (then its weight of evidence is 0)
 * @param iv information value
 */
public record AttributeBinning(String name, boolean numeric, String trend, List<Bin> bins, double iv) {

    /** The bin index a value falls in when the attribute never saw it in training: neutral, WoE 0. */
    public static final int NO_BIN = -1;

    public AttributeBinning {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trend, "trend");
        bins = List.copyOf(bins);
    }

    public int binOf(Column column, int row) {
        if (column.isMissing(row)) {
            return kindIndex(Bin.Kind.MISSING);
        }
        return switch (column) {
            case NumericColumn n -> numericBin(n.value(row));
            case CategoricalColumn c -> numeric ? NO_BIN : levelBin(c.level(row));
        };
    }

    /**
     * The bin of a value as text ({@code null} for missing).
     *
     * @throws ScorecardException {@code invalid_value} when a numeric attribute gets text that is not a number
     */
    public int binOf(String value) throws ScorecardException {
        if (value == null) {
            return kindIndex(Bin.Kind.MISSING);
        }
        String v = value.trim();
        if (!numeric) {
            return levelBin(v);
        }
        if (!CsvLoader.isNumber(v)) {
            throw new ScorecardException(ScorecardError.INVALID_VALUE, "attribute '" + name + "' takes a number");
        }
        return numericBin(Double.parseDouble(v));
    }

    public double woe(int bin) {
        return bin == NO_BIN ? 0 : bins.get(bin).woe();
    }

    private int numericBin(double v) {
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            if (b.kind() == Bin.Kind.SPECIAL && b.special() == v) {
                return i;
            }
        }
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            if (b.kind() == Bin.Kind.RANGE && (b.lower() == null || v > b.lower()) && (b.upper() == null || v <= b.upper())) {
                return i;
            }
        }
        return NO_BIN;
    }

    private int levelBin(String level) {
        int other = NO_BIN;
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            if (b.kind() == Bin.Kind.LEVELS) {
                if (b.levels().contains(level)) {
                    return i;
                }
                if (b.other()) {
                    other = i;
                }
            }
        }
        return other;
    }

    private int kindIndex(Bin.Kind kind) {
        for (int i = 0; i < bins.size(); i++) {
            if (bins.get(i).kind() == kind) {
                return i;
            }
        }
        return NO_BIN;
    }
}
