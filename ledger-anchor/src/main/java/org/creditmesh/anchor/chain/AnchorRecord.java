package org.creditmesh.anchor.chain;

import java.time.Instant;

/**
 * What the AnchorRegistry stores for an anchored root.
 *
 * @param blockNumber block of the anchoring transaction
 * @param anchoredAt that block's timestamp
 * @param anchorer the account that anchored it
 */
public record AnchorRecord(long blockNumber, Instant anchoredAt, String anchorer) {
}
