package org.creditmesh.scoring.scorecard;

import java.util.List;
import java.util.Objects;

/**
 * One coarse class of an attribute with its training counts and weight of evidence.
 *
 * @param kind what the bin holds
 * @param lower exclusive lower bound of a {@code RANGE} ({@code null}: unbounded)
 * @param upper inclusive upper bound of a {@code RANGE} ({@code null}: unbounded)
 * @param special the code of a {@code SPECIAL} bin
 * @param levels categorical levels of a {@code LEVELS} bin
 * @param other whether unseen and rare categorical levels fall into this bin
 * @param goods training goods in the bin
 * @param bads training bads in the bin
 * @param woe weight of evidence, ln(share of goods / share of bads), smoothed
 */
public record Bin(Kind kind, Double lower, Double upper, Double special, List<String> levels, boolean other,
                  long goods, long bads, double woe) {

    /** What a bin holds. */
    public enum Kind { RANGE, MISSING, SPECIAL, LEVELS }

    public Bin {
        Objects.requireNonNull(kind, "kind");
        levels = List.copyOf(levels == null ? List.of() : levels);
    }

    public long count() {
        return goods + bads;
    }

    public double badRate() {
        return count() == 0 ? 0 : (double) bads / count();
    }

    Bin withWoe(double w) {
        return new Bin(kind, lower, upper, special, levels, other, goods, bads, w);
    }

    /** A readable description used in reports and reason texts. */
    public String label() {
        return switch (kind) {
            case MISSING -> "missing";
            case SPECIAL -> "special value " + number(special);
            case RANGE -> lower == null && upper == null ? "any value"
                    : lower == null ? "at most " + number(upper)
                    : upper == null ? "more than " + number(lower)
                    : "more than " + number(lower) + " and at most " + number(upper);
            case LEVELS -> {
                String s = String.join(", ", levels);
                yield other ? (levels.isEmpty() ? "other values" : s + " or other values") : s;
            }
        };
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
