package org.creditmesh.core.dcql;

import org.creditmesh.core.error.ErrorCode;

/** Why a DCQL query (OpenID4VP 1.0 section 6) was refused. The codes are stable. */
public enum DcqlError implements ErrorCode {
    /** Not a DCQL query: a required member missing, a wrong JSON type, an id reused or badly formed. */
    MALFORMED_QUERY("malformed_dcql_query"),
    /** Valid DCQL that this implementation does not evaluate (e.g. {@code credential_sets}, {@code claim_sets}). */
    UNSUPPORTED_FEATURE("unsupported_dcql_feature");

    private final String code;

    DcqlError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
