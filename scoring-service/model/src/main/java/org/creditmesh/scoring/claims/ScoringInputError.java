package org.creditmesh.scoring.claims;

import org.creditmesh.core.error.ErrorCode;

/** Why claims could not be turned into a scoring request, or a model could not be tied to claims. */
public enum ScoringInputError implements ErrorCode {
    /** A presentation whose verification failed: its claims must not be used. */
    UNVERIFIED_PRESENTATION("unverified_presentation"),
    /** A claim the model needs was not disclosed (or its credential was not presented). */
    MISSING_CLAIM("missing_claim"),
    /** A numeric claim outside the range its credential's schema allows, or outside every coded band. */
    CLAIM_OUT_OF_RANGE("claim_out_of_range"),
    /** A coded claim whose value the mapping table does not know for the model's data set. */
    UNKNOWN_CLAIM_VALUE("unknown_claim_value"),
    /** A claim of the wrong JSON type (text for a number, a number for a band, ...). */
    INVALID_CLAIM_TYPE("invalid_claim_type"),
    /** Two presented credentials of the same type: which one counts would be ambiguous. */
    DUPLICATE_CREDENTIAL("duplicate_credential"),
    /** A model attribute that no claim of the mapping table feeds. */
    UNMAPPED_ATTRIBUTE("unmapped_attribute"),
    /** A model attribute fed by a protected claim: protected claims are never scoring inputs. */
    PROTECTED_ATTRIBUTE("protected_attribute"),
    /** A data set the mapping table does not describe. */
    UNKNOWN_DATASET("unknown_dataset"),
    /** The mapping table itself is unreadable or inconsistent. */
    INVALID_MAPPING("invalid_mapping");

    private final String code;

    ScoringInputError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
