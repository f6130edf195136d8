package org.creditmesh.scoring.data;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV table.
 *
 * @param target the target column
 * @param badValue the target value of the bad class
 * @param missingTokens cell texts read as missing (after trimming); empty cells are always missing
 * @param numericColumns columns declared numeric: any non-numeric value in them is an error
 * @param categoricalColumns columns declared categorical even when every value looks like a number
 */
public record CsvOptions(String target, String badValue, Set<String> missingTokens,
                         Set<String> numericColumns, Set<String> categoricalColumns) {

    /** {@code NA} is what R writes; {@code NaN}, {@code N/A} and {@code null} are common elsewhere. */
    public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "null");

    public CsvOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(badValue, "badValue");
        missingTokens = Set.copyOf(missingTokens);
        numericColumns = Set.copyOf(numericColumns);
        categoricalColumns = Set.copyOf(categoricalColumns);
    }

    public static CsvOptions of(String target, String badValue) {
        return new CsvOptions(target, badValue, DEFAULT_MISSING, Set.of(), Set.of());
    }

    public CsvOptions withTypes(List<String> numeric, List<String> categorical) {
        return new CsvOptions(target, badValue, missingTokens, Set.copyOf(numeric), Set.copyOf(categorical));
    }
}
