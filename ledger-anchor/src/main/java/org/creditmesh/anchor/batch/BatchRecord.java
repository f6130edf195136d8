package org.creditmesh.anchor.batch;

import java.time.Instant;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * A batch as stored. Fields are {@code null} (or {@code -1}) until the state that sets them.
 *
 * @param id batch id
 * @param state its state
 * @param root Merkle root (from BUILT)
 * @param leafCount leaves (from BUILT)
 * @param meta the descriptor anchored with the root (from BUILT)
 * @param nonce the signer nonce its transactions use (from SENT)
 * @param txHash the transaction that was mined (from MINED), else the latest signed one
 * @param blockNumber block of the mined transaction (from MINED)
 * @param blockHash that block's hash
 * @param logIndex index of the {@code Anchored} log in the block
 * @param anchoredAt the block's timestamp
 * @param gasUsed gas the transaction used
 */
public record BatchRecord(long id, BatchState state, Hash32 root, int leafCount, Hash32 meta, long nonce, Hash32 txHash,
        long blockNumber, Hash32 blockHash, long logIndex, Instant anchoredAt, long gasUsed) {
}
