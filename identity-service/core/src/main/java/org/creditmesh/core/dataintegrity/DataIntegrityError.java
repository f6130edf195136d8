package org.creditmesh.core.dataintegrity;

import org.creditmesh.core.error.ErrorCode;
import org.creditmesh.core.jsonld.JsonLdError;

/**
 * Why a Data Integrity proof could not be created or did not verify. Stable codes: a verifier's API
 * reports them as they are.
 */
public enum DataIntegrityError implements ErrorCode {
    /** The secured document has no {@code proof}. */
    PROOF_MISSING("proof_missing"),
    /** The proof is malformed: a required member missing or of the wrong shape, a bad {@code proofValue} or date. */
    INVALID_PROOF("invalid_proof"),
    /** A proof {@code type}/{@code cryptosuite} this library does not implement. */
    UNSUPPORTED_CRYPTOSUITE("unsupported_cryptosuite"),
    /** The proof's {@code proofPurpose} is not the one the verifier expects. */
    PROOF_PURPOSE_MISMATCH("proof_purpose_mismatch"),
    /** The proof's {@code expires} is in the past. */
    PROOF_EXPIRED("proof_expired"),
    /** The proof's {@code challenge} is missing or not the one the verifier issued. */
    CHALLENGE_MISMATCH("challenge_mismatch"),
    /** The proof's {@code domain} is missing or not the verifier's. */
    DOMAIN_MISMATCH("domain_mismatch"),
    /** The proof's {@code @context} is not a prefix of the document's, or the suite's context is absent. */
    CONTEXT_MISMATCH("context_mismatch"),
    /** The verification method could not be resolved to a usable key. */
    VERIFICATION_METHOD_UNRESOLVED("verification_method_unresolved"),
    /** The signature does not verify over the canonical document and proof configuration. */
    SIGNATURE_INVALID("signature_invalid"),
    /** The document is not a JSON object that can carry a proof. */
    INVALID_DOCUMENT("invalid_document"),
    /** A context URL that is not shipped with the library. */
    UNKNOWN_CONTEXT("unknown_context"),
    /** An inline or shipped context that is not a valid JSON-LD context. */
    INVALID_CONTEXT("invalid_context"),
    /** Safe mode: a term that no context defines (it would not be signed). */
    UNDEFINED_TERM("undefined_term"),
    /** The document is not valid JSON-LD. */
    INVALID_JSON_LD("invalid_json_ld"),
    /** RDFC-1.0 canonicalization failed or exceeded its time budget. */
    CANONICALIZATION_FAILED("canonicalization_failed");

    private final String code;

    DataIntegrityError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The same failure from the JSON-LD layer, under this package's type. */
    static DataIntegrityError of(JsonLdError error) {
        return switch (error) {
            case UNKNOWN_CONTEXT -> UNKNOWN_CONTEXT;
            case INVALID_CONTEXT -> INVALID_CONTEXT;
            case UNDEFINED_TERM -> UNDEFINED_TERM;
            case INVALID_JSON_LD -> INVALID_JSON_LD;
            case CANONICALIZATION_FAILED -> CANONICALIZATION_FAILED;
        };
    }
}
