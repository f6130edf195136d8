package org.creditmesh.anchor.mirror;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a queued registry change is.
 *
 * @param id its number in the outbox
 * @param action {@code accredit} or {@code suspend}
 * @param state pending, proposed, executed or failed
 * @param proposalId the on-chain proposal, once there is one
 * @param txHash this admin's last transaction for it (propose or approve)
 * @param errorCode the last error's stable code (a failure, or why a pending change is still pending)
 * @param notBefore when it takes effect
 */
public record ChangeStatus(long id, String action, ChangeState state, OptionalLong proposalId, Optional<String> txHash,
        Optional<String> errorCode, Instant notBefore) {

    public ChangeStatus {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(notBefore, "notBefore");
    }
}
