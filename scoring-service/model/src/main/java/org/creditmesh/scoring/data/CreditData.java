package org.creditmesh.scoring.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded table with a binary target: the attribute columns (target excluded), the target as
 * {@code 1} for the bad class and {@code 0} for the good one, and the SHA-256 of the source bytes.
 */
public final class CreditData {

    private final List<Column> columns;
    private final int[] bad;
    private final String target;
    private final String badValue;
    private final String goodValue;
    private final String sha256;

    public CreditData(List<Column> columns, int[] bad, String target, String badValue, String goodValue, String sha256) {
        this.columns = List.copyOf(columns);
        this.bad = bad.clone();
        this.target = Objects.requireNonNull(target, "target");
        this.badValue = Objects.requireNonNull(badValue, "badValue");
        this.goodValue = Objects.requireNonNull(goodValue, "goodValue");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        for (Column c : this.columns) {
            if (c.size() != bad.length) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, target has " + bad.length);
            }
        }
    }

    public List<Column> columns() {
        return columns;
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public int rows() {
        return bad.length;
    }

    /** 1 when the row is of the bad class. */
    public int bad(int row) {
        return bad[row];
    }

    public int[] badFlags() {
        return bad.clone();
    }

    public int badCount() {
        int n = 0;
        for (int b : bad) {
            n += b;
        }
        return n;
    }

    public String target() {
        return target;
    }

    public String badValue() {
        return badValue;
    }

    public String goodValue() {
        return goodValue;
    }

    /** Lower-case hex SHA-256 of the bytes the table was read from. */
    public String sha256() {
        return sha256;
    }
}
