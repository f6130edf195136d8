package org.creditmesh.core.verifier;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one check. A failed check carries the stable {@link VerificationFailure}; a skipped
 * check says why it did not apply (for example no {@code credentialStatus} in the credential).
 *
 * @param check   which check
 * @param outcome passed, failed or skipped
 * @param failure the failure code, present exactly when the outcome is {@code FAILED}
 * @param detail  a short explanation for people; never contains claim values
 */
public record CheckResult(Check check, Outcome outcome, Optional<VerificationFailure> failure, String detail) {

    /** Passed, failed or did not apply. */
    public enum Outcome { PASSED, FAILED, SKIPPED }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failure, "failure");
        detail = detail == null ? "" : detail;
        if (failure.isPresent() != (outcome == Outcome.FAILED)) {
            throw new IllegalArgumentException("a failure code goes with a FAILED outcome, and only with it");
        }
    }

    public static CheckResult passed(Check check, String detail) {
        return new CheckResult(check, Outcome.PASSED, Optional.empty(), detail);
    }

    public static CheckResult failed(Check check, VerificationFailure failure, String detail) {
        return new CheckResult(check, Outcome.FAILED, Optional.of(failure), detail);
    }

    public static CheckResult skipped(Check check, String why) {
        return new CheckResult(check, Outcome.SKIPPED, Optional.empty(), why);
    }

    public boolean isFailed() {
        return outcome == Outcome.FAILED;
    }
}
