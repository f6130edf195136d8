package org.creditmesh.core.status;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of the Validate Algorithm (Bitstring Status List v1.0 section 3.2) for one entry:
 * {@code status} is the value in the list, {@code valid} is true when it is 0.
 */
public record StatusCheckResult(BitstringStatusListEntry entry, int status) {

    /** What a verifier does with a status. */
    public enum State {
        /** The status is 0. */
        OK,
        /** A {@code revocation} status is set: the credential is no longer valid, for good. */
        REVOKED,
        /** A {@code suspension} status is set: the credential is not to be accepted for now. */
        SUSPENDED,
        /** Another purpose ({@code refresh}, {@code message}, ...) has a non-zero status; see {@link #message()}. */
        FLAGGED
    }

    public StatusCheckResult {
        Objects.requireNonNull(entry, "entry");
    }

    public String purpose() {
        return entry.statusPurpose();
    }

    /** Section 3.2: {@code valid} is true when the status is 0. */
    public boolean valid() {
        return status == 0;
    }

    public State state() {
        if (status == 0) {
            return State.OK;
        }
        return switch (entry.statusPurpose()) {
            case StatusSpecs.PURPOSE_REVOCATION -> State.REVOKED;
            case StatusSpecs.PURPOSE_SUSPENSION -> State.SUSPENDED;
            default -> State.FLAGGED;
        };
    }

    /** The status message for the value (section 2.1), if the entry defines one. */
    public Optional<String> message() {
        return entry.messageFor(status);
    }
}
