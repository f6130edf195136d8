package org.creditmesh.core.jsonld;

import org.creditmesh.core.error.ErrorCode;

/** Why a JSON-LD document could not be expanded or canonicalized. */
public enum JsonLdError implements ErrorCode {
    /** An {@code @context} URL that is not shipped with the library; nothing is fetched from the network. */
    UNKNOWN_CONTEXT("unknown_context"),
    /** A shipped context (or an inline one) that is not a valid JSON-LD context. */
    INVALID_CONTEXT("invalid_context"),
    /** Safe mode: a property or type that no context defines, which plain RDFC would drop silently. */
    UNDEFINED_TERM("undefined_term"),
    /** The document is not valid JSON-LD (bad keyword use, invalid IRI, wrong value shapes...). */
    INVALID_JSON_LD("invalid_json_ld"),
    /** RDF Dataset Canonicalization (RDFC-1.0) did not finish: too complex a blank-node graph or a bad quad. */
    CANONICALIZATION_FAILED("canonicalization_failed");

    private final String code;

    JsonLdError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
