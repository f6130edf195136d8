package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.util.Objects;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * A signed transaction, not necessarily broadcast yet: the anchoring batcher stores it before
 * sending, so that after a crash it can look it up or broadcast the very same bytes again.
 *
 * @param hash the transaction hash (keccak256 of {@code raw})
 * @param raw the signed transaction, {@code 0x} hex, as {@code eth_sendRawTransaction} takes it
 * @param nonce the sender's nonce it uses
 * @param gasLimit its gas limit
 * @param fees what it pays for gas
 */
public record SignedTransaction(Hash32 hash, String raw, long nonce, BigInteger gasLimit, Fees fees) {

    public SignedTransaction {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(gasLimit, "gasLimit");
        Objects.requireNonNull(fees, "fees");
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce must be non-negative");
        }
    }
}
