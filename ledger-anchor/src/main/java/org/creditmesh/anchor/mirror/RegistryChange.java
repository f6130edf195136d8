package org.creditmesh.anchor.mirror;

import java.time.Instant;
import java.util.Objects;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.outbox.AnchorRef;

/**
 * One change to make to the on-chain IssuerRegistry: accredit or suspend the issuer whose DID hashes to
 * {@code didHash}, not before {@code notBefore}.
 *
 * @param ref the host's opaque, non-personal reference (e.g. {@code accreditation:<uuid>}), the same syntax as an
 *            anchor reference
 * @param didHash keccak256 of the issuer's DID; changes of one DID are made in the order they were queued
 * @param action {@link GovernanceAction#accredit} or {@link GovernanceAction#suspend} of that DID
 * @param notBefore when the change takes effect (a suspension effective later waits until then)
 */
public record RegistryChange(AnchorRef ref, Hash32 didHash, GovernanceAction action, Instant notBefore) {

    public RegistryChange {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(didHash, "didHash");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(notBefore, "notBefore");
        if (!action.name().equals("accredit") && !action.name().equals("suspend")) {
            throw new IllegalArgumentException("only accredit and suspend are mirrored, not " + action.name());
        }
    }
}
