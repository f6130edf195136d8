package org.creditmesh.scoring.data;

import org.creditmesh.core.error.ErrorCode;

/** Why a training or scoring table was refused. Messages name the row and the column, never a value beyond the offending cell. */
public enum DataError implements ErrorCode {
    /** The file cannot be read. */
    UNREADABLE_FILE("unreadable_file"),
    /** Not well-formed CSV, or a row with a different number of fields than the header. */
    MALFORMED_CSV("malformed_csv"),
    /** No header or no data rows. */
    EMPTY_TABLE("empty_table"),
    /** Two columns with the same name. */
    DUPLICATE_COLUMN("duplicate_column"),
    /** The target column named by the caller is not in the header. */
    MISSING_TARGET_COLUMN("missing_target_column"),
    /** The target column has fewer or more than two distinct values. */
    TARGET_NOT_BINARY("target_not_binary"),
    /** A row whose target value is missing. */
    MISSING_TARGET_VALUE("missing_target_value"),
    /** The bad value named by the caller is not one of the two target values. */
    UNKNOWN_BAD_VALUE("unknown_bad_value"),
    /** A column whose every value is missing. */
    ALL_MISSING_COLUMN("all_missing_column"),
    /** A non-numeric value in a column that is (or was declared) numeric. */
    NON_NUMERIC_VALUE("non_numeric_value"),
    /** A column named in the configuration (protected, typed) that the table does not have. */
    UNKNOWN_COLUMN("unknown_column"),
    /** No attribute is left for the model once the target and the protected attributes are set aside. */
    NO_ATTRIBUTES("no_attributes");

    private final String code;

    DataError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
