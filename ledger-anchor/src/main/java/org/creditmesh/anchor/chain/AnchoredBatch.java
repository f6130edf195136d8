package org.creditmesh.anchor.chain;

import java.time.Instant;
import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * A root anchored on chain: where and when, as the {@code Anchored} event of the AnchorRegistry records it.
 *
 * @param root the Merkle root
 * @param leafCount leaves in the batch
 * @param meta the batch descriptor sent with the root
 * @param chainId chain the transaction is on
 * @param contract AnchorRegistry address (lower-case {@code 0x} hex)
 * @param anchorer the account that sent it
 * @param txHash the transaction
 * @param blockNumber its block
 * @param blockHash that block's hash
 * @param logIndex index of the {@code Anchored} log in the block
 * @param anchoredAt the block's timestamp
 * @param gasUsed gas the transaction used
 */
public record AnchoredBatch(
        Hash32 root,
        long leafCount,
        Hash32 meta,
        long chainId,
        String contract,
        String anchorer,
        Hash32 txHash,
        long blockNumber,
        Hash32 blockHash,
        long logIndex,
        Instant anchoredAt,
        long gasUsed) {

    public AnchoredBatch {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(anchorer, "anchorer");
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
    }
}
