package org.creditmesh.anchor.outbox;

import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * Where a submitted hash is.
 *
 * @param hash the submitted hash
 * @param state how far it has come
 * @param batchId the batch holding it, {@code 0} while queued
 */
public record AnchorStatus(Hash32 hash, AnchorState state, long batchId) {

    public AnchorStatus {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(state, "state");
    }
}
