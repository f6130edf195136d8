package org.creditmesh.scoring.data;

import java.util.Objects;

/** A categorical attribute; missing cells are {@code null}. */
public final class CategoricalColumn implements Column {

    private final String name;
    private final String[] values;

    public CategoricalColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    public String level(int row) {
        return values[row];
    }

    @Override
    public String text(int row) {
        return values[row];
    }
}
