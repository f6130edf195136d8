package org.creditmesh.anchor.proof;

import java.time.Instant;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * What an online check established: the leaf is in a batch whose root the trusted registry
 * anchored in this block.
 *
 * @param leaf the value proven
 * @param root its batch's root
 * @param blockNumber block of the anchoring transaction
 * @param anchoredAt that block's timestamp (checked against the block header)
 * @param confirmations blocks from that block to the node's head, both included
 */
public record VerifiedAnchor(Hash32 leaf, Hash32 root, long blockNumber, Instant anchoredAt, long confirmations) {
}
