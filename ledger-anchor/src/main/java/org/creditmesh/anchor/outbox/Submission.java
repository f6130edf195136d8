package org.creditmesh.anchor.outbox;

import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * One hash to anchor.
 *
 * @param hash the 32-byte value (the leaf of its batch's Merkle tree)
 * @param kind what it stands for
 * @param ref the caller's opaque, non-personal reference
 */
public record Submission(Hash32 hash, AnchorKind kind, AnchorRef ref) {

    public Submission {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
    }
}
