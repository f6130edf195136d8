package org.creditmesh.core.dataintegrity;

import java.time.Instant;
import java.util.Objects;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;

/**
 * What the verifier expects of a proof (Data Integrity 1.0 section 4.2, Verify Proof, inputs).
 *
 * @param expectedProofPurpose the purpose the proof must state, e.g. {@code assertionMethod}
 * @param now the time against which {@code expires} is checked
 * @param challenge if not null, the proof must carry exactly this challenge
 * @param domain if not null, the proof must carry this domain
 * @param termPolicy safe mode ({@code REJECT_UNDEFINED}, default) or lenient JSON-LD processing
 */
public record VerificationOptions(String expectedProofPurpose, Instant now, String challenge, String domain,
                                  TermPolicy termPolicy) {

    public VerificationOptions {
        Objects.requireNonNull(expectedProofPurpose, "expectedProofPurpose");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(termPolicy, "termPolicy");
    }

    /** Verifying a credential: purpose {@code assertionMethod}, safe mode. */
    public static VerificationOptions assertion(Instant now) {
        return new VerificationOptions(DataIntegritySpecs.ASSERTION_METHOD, now, null, null, TermPolicy.REJECT_UNDEFINED);
    }

    /** Verifying a presentation: purpose {@code authentication} with the verifier's challenge and domain. */
    public static VerificationOptions authentication(Instant now, String challenge, String domain) {
        return new VerificationOptions(DataIntegritySpecs.AUTHENTICATION, now, challenge, domain, TermPolicy.REJECT_UNDEFINED);
    }

    public VerificationOptions withTermPolicy(TermPolicy policy) {
        return new VerificationOptions(expectedProofPurpose, now, challenge, domain, policy);
    }

    public VerificationOptions withExpectedProofPurpose(String purpose) {
        return new VerificationOptions(purpose, now, challenge, domain, termPolicy);
    }
}
