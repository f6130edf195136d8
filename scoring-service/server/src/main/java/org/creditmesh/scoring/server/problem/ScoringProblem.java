package org.creditmesh.scoring.server.problem;

import org.creditmesh.scoring.claims.ScoringInputError;
import org.creditmesh.service.problem.ProblemType;

/**
 * The scoring service's own failures; those of HTTP itself are {@link org.creditmesh.service.problem.HttpProblem}.
 * The claim-level ones are the library's {@link ScoringInputError} codes with hyphens, so a client sees the same
 * code in the CLI and over HTTP.
 */
public enum ScoringProblem implements ProblemType {
    UNVERIFIED_PRESENTATION("unverified-presentation", 422, "The presentation did not verify"),
    MISSING_CLAIM("missing-claim", 422, "A claim the model needs was not disclosed"),
    CLAIM_OUT_OF_RANGE("claim-out-of-range", 422, "A claim is outside the range the model accepts"),
    UNKNOWN_CLAIM_VALUE("unknown-claim-value", 422, "A claim has a value the model does not know"),
    INVALID_CLAIM_TYPE("invalid-claim-type", 422, "A claim has the wrong type"),
    DUPLICATE_CREDENTIAL("duplicate-credential", 422, "Two credentials of the same type were presented"),
    MIXED_HOLDERS("mixed-holders", 422, "The presented credentials are bound to different holders"),
    NO_ACTIVE_MODEL("no-active-model", 409, "No model is active for this lender"),
    MODEL_NOT_FOUND("model-not-found", 404, "No such model version is registered"),
    MODEL_EXISTS("model-exists", 409, "This model version is already registered"),
    MODEL_FINGERPRINT_MISMATCH("model-fingerprint-mismatch", 422, "The model does not match its fingerprint"),
    INVALID_MODEL("invalid-model", 422, "The model cannot be registered for scoring from credentials"),
    SCORE_CREDENTIAL_REFUSED("score-credential-refused", 422, "The score credential cannot be issued"),
    ANCHORING_OFF("anchoring-off", 404, "This service does not anchor model fingerprints"),
    NONCE_REUSED("nonce-reused", 409, "This lender already scored a presentation bound to this nonce");

    private final String code;
    private final int status;
    private final String title;

    ScoringProblem(String code, int status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    /** The problem for a claim-level input error; model-level ones (unmapped attribute, ...) are {@link #INVALID_MODEL}. */
    public static ScoringProblem of(ScoringInputError error) {
        return switch (error) {
            case UNVERIFIED_PRESENTATION -> UNVERIFIED_PRESENTATION;
            case MISSING_CLAIM -> MISSING_CLAIM;
            case CLAIM_OUT_OF_RANGE -> CLAIM_OUT_OF_RANGE;
            case UNKNOWN_CLAIM_VALUE -> UNKNOWN_CLAIM_VALUE;
            case INVALID_CLAIM_TYPE -> INVALID_CLAIM_TYPE;
            case DUPLICATE_CREDENTIAL -> DUPLICATE_CREDENTIAL;
            case UNMAPPED_ATTRIBUTE, PROTECTED_ATTRIBUTE, UNKNOWN_DATASET, INVALID_MAPPING -> INVALID_MODEL;
        };
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
