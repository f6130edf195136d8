package org.creditmesh.scoring.data;

/** One attribute of a table: numeric (ordered) or categorical. Rows are indexed from 0. */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    String name();

    int size();

    boolean isMissing(int row);

    /** The cell as text, the way a scoring request would send it ({@code null} when missing). */
    String text(int row);
}
