package org.creditmesh.core.verifier;

import java.util.Map;
import java.util.Set;
import org.creditmesh.core.error.CreditMeshException;

/**
 * Maps the format-specific error codes (VC-JWT, SD-JWT, Data Integrity, JSON-LD, data model, DID) to the
 * check they belong to and the verifier's closed set of failures. Keyed by the stable codes, which are
 * the packages' public contract, so adding a code to a package means adding it here.
 */
final class FailureClassifier {

    /** Where a failure lands in the report. */
    record Classified(Check check, VerificationFailure failure) {
    }

    private static final Map<Set<String>, Classified> TABLE = Map.of(
            Set.of("signature_invalid", "invalid_signature"),
            new Classified(Check.SIGNATURE, VerificationFailure.SIGNATURE),
            Set.of("key_not_resolved", "unknown_issuer_key", "verification_method_unresolved", "issuer_mismatch",
                    "verification_method_not_found", "method_not_supported", "not_found", "fetch_failed", "invalid_did",
                    "invalid_did_url", "id_mismatch", "invalid_document", "unsupported_key_type"),
            new Classified(Check.SIGNATURE, VerificationFailure.KEY_NOT_RESOLVED),
            Set.of("invalid_disclosure", "reserved_claim_name", "disclosure_type_mismatch", "disclosure_digest_missing",
                    "duplicate_disclosure", "duplicate_digest", "claim_name_collision", "invalid_sd_structure",
                    "unsupported_sd_alg", "too_many_disclosures"),
            new Classified(Check.DISCLOSURES, VerificationFailure.DISCLOSURE_MISMATCH),
            Set.of("expired", "proof_expired"),
            new Classified(Check.VALIDITY_PERIOD, VerificationFailure.EXPIRED),
            Set.of("not_yet_valid"),
            new Classified(Check.VALIDITY_PERIOD, VerificationFailure.NOT_YET_VALID),
            Set.of("key_binding_required", "key_binding_invalid", "sd_hash_mismatch", "nonce_mismatch",
                    "audience_mismatch", "key_binding_not_fresh", "holder_binding_failed", "challenge_mismatch",
                    "domain_mismatch"),
            new Classified(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING),
            Set.of("proof_purpose_mismatch"),
            new Classified(Check.PROOF_PURPOSE, VerificationFailure.PROOF_PURPOSE),
            Set.of("unknown_context"),
            new Classified(Check.DATA_MODEL, VerificationFailure.UNKNOWN_CONTEXT),
            Set.of("context_mismatch", "undefined_term", "invalid_json_ld", "invalid_context", "canonicalization_failed",
                    "payload_invalid", "invalid_claim", "missing_claim", "missing_context", "invalid_base_context",
                    "invalid_id", "invalid_type", "missing_base_type", "missing_issuer", "invalid_issuer",
                    "missing_credential_subject", "invalid_credential_subject", "invalid_date_time",
                    "missing_issuance_date", "invalid_validity_period", "invalid_credential_status",
                    "invalid_credential_schema", "invalid_extension", "invalid_holder", "invalid_verifiable_credential"),
            new Classified(Check.DATA_MODEL, VerificationFailure.DATA_MODEL),
            Set.of("unsupported_cryptosuite", "unsupported_alg", "alg_not_allowed", "jwe_not_supported"),
            new Classified(Check.FORMAT, VerificationFailure.UNSUPPORTED_FORMAT));

    private static final Classified DEFAULT = new Classified(Check.FORMAT, VerificationFailure.MALFORMED);

    private FailureClassifier() {
    }

    static Classified classify(CreditMeshException e) {
        String code = e.code().code();
        return TABLE.entrySet().stream().filter(entry -> entry.getKey().contains(code))
                .map(Map.Entry::getValue).findFirst().orElse(DEFAULT);
    }

    /** The failed check for an exception, with its code and message as detail. */
    static CheckResult failed(CreditMeshException e) {
        Classified c = classify(e);
        return CheckResult.failed(c.check(), c.failure(), e.code().code() + ": " + e.getMessage());
    }
}
