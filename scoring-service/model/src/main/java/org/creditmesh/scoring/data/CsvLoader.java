package org.creditmesh.scoring.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV table with a header row into {@link CreditData}, typing each column as numeric or
 * categorical. Every refusal is a {@link DataException} naming the row (1 = first data row) and column.
 *
 * <p>Typing: a column is numeric when every non-missing value is a decimal number. When nearly all
 * of them are (at least {@link #NUMERIC_SHARE}) the few others are taken as typos in a numeric
 * column and refused, rather than silently turning the column into categories; declare the column
 * categorical to read it as such.
 */
public final class CsvLoader {

    /** Share of numeric-looking values above which the rest are errors, not categories. */
    public static final double NUMERIC_SHARE = 0.95;

    /** Stricter than {@link Double#parseDouble}, which also takes "1d", "Infinity" and hex floats. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvLoader() {
    }

    public static CreditData load(Path file, CsvOptions options) throws DataException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(DataError.UNREADABLE_FILE, "cannot read " + file.getFileName() + ": " + e.getClass().getSimpleName());
        }
        return parse(bytes, options);
    }

    public static CreditData parse(byte[] bytes, CsvOptions options) throws DataException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new DataException(DataError.EMPTY_TABLE, "the file has no header row");
            }
            header = new ArrayList<>();
            for (String h : it.next()) {
                header.add(h.trim());
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int c = 0; c < header.size(); c++) {
                if (!seen.add(header.get(c))) {
                    throw new DataException(DataError.DUPLICATE_COLUMN, "column " + (c + 1) + " repeats the name '" + header.get(c) + "'");
                }
            }
            int row = 0;
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                row++;
                if (rec.size() != header.size()) {
                    throw new DataException(DataError.MALFORMED_CSV, "row " + row + " (line " + parser.getCurrentLineNumber()
                            + ") has " + rec.size() + " fields, the header has " + header.size());
                }
                String[] cells = new String[rec.size()];
                for (int c = 0; c < cells.length; c++) {
                    String v = rec.get(c).trim();
                    cells[c] = options.missingTokens().contains(v) ? null : v;
                }
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DataException(DataError.MALFORMED_CSV, "not well-formed CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new DataException(DataError.EMPTY_TABLE, "the file has a header but no data rows");
        }
        int targetIndex = header.indexOf(options.target());
        if (targetIndex < 0) {
            throw new DataException(DataError.MISSING_TARGET_COLUMN, "no target column '" + options.target() + "' in the header");
        }
        for (String declared : union(options.numericColumns(), options.categoricalColumns())) {
            if (!header.contains(declared)) {
                throw new DataException(DataError.UNKNOWN_COLUMN, "column '" + declared + "' declared in the configuration is not in the header");
            }
        }
        int[] bad = target(rows, targetIndex, options);
        String good = goodValue(rows, targetIndex, options.badValue());

        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != targetIndex) {
                columns.add(column(header.get(c), c, rows, options));
            }
        }
        return new CreditData(columns, bad, options.target(), options.badValue(), good, sha256(bytes));
    }

    private static int[] target(List<String[]> rows, int t, CsvOptions options) throws DataException {
        Set<String> values = new TreeSet<>();
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[t];
            if (v == null) {
                throw new DataException(DataError.MISSING_TARGET_VALUE, "row " + (r + 1) + ": the target '" + options.target() + "' is missing");
            }
            values.add(v);
        }
        if (values.size() != 2) {
            throw new DataException(DataError.TARGET_NOT_BINARY, "the target '" + options.target() + "' has " + values.size()
                    + " distinct values, a binary target has 2" + (values.size() <= 5 ? ": " + values : ""));
        }
        if (!values.contains(options.badValue())) {
            throw new DataException(DataError.UNKNOWN_BAD_VALUE, "the bad value '" + options.badValue() + "' is not one of the target values " + values);
        }
        int[] bad = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            bad[r] = rows.get(r)[t].equals(options.badValue()) ? 1 : 0;
        }
        return bad;
    }

    private static String goodValue(List<String[]> rows, int t, String badValue) {
        for (String[] row : rows) {
            if (!row[t].equals(badValue)) {
                return row[t];
            }
        }
        throw new IllegalStateException("checked binary before");
    }

    private static Column column(String name, int c, List<String[]> rows, CsvOptions options) throws DataException {
        int present = 0;
        int numeric = 0;
        int firstNonNumeric = -1;
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[c];
            if (v == null) {
                continue;
            }
            present++;
            if (isNumber(v)) {
                numeric++;
            } else if (firstNonNumeric < 0) {
                firstNonNumeric = r;
            }
        }
        if (present == 0) {
            throw new DataException(DataError.ALL_MISSING_COLUMN, "column '" + name + "' has no value in any of the " + rows.size() + " rows");
        }
        boolean declaredNumeric = options.numericColumns().contains(name);
        boolean declaredCategorical = options.categoricalColumns().contains(name);
        boolean asNumeric = declaredNumeric
                || (!declaredCategorical && numeric > 0 && numeric >= NUMERIC_SHARE * present);
        if (asNumeric && numeric < present) {
            throw new DataException(DataError.NON_NUMERIC_VALUE, "row " + (firstNonNumeric + 1) + ", column '" + name
                    + "': not a number in a numeric column (" + (present - numeric) + " such value(s); declare the column categorical if that is meant)");
        }
        if (asNumeric) {
            double[] values = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String v = rows.get(r)[c];
                values[r] = v == null ? Double.NaN : Double.parseDouble(v);
            }
            return new NumericColumn(name, values);
        }
        String[] values = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = rows.get(r)[c];
        }
        return new CategoricalColumn(name, values);
    }

    /** Whether a trimmed cell is a plain decimal number. */
    public static boolean isNumber(String v) {
        return NUMBER.matcher(v).matches();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
