package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How to talk to one chain.
 *
 * @param chainId the chain id the node must report ({@code eth_chainId}); transactions are signed for it
 * @param feeMode EIP-1559, legacy, or chosen from the latest block
 * @param gasPrice legacy gas price; {@code null} asks the node ({@code eth_gasPrice}); {@code 0} for Besu free gas
 * @param maxPriorityFeePerGas EIP-1559 tip; {@code null} asks the node ({@code eth_maxPriorityFeePerGas})
 * @param confirmations blocks that must include and follow the transaction's block (1 = included)
 * @param pollInterval how often to poll for the receipt and new blocks
 * @param receiptTimeout how long to wait for the receipt and the confirmations
 */
public record ChainSettings(
        long chainId,
        FeeMode feeMode,
        BigInteger gasPrice,
        BigInteger maxPriorityFeePerGas,
        int confirmations,
        Duration pollInterval,
        Duration receiptTimeout) {

    public ChainSettings {
        Objects.requireNonNull(feeMode, "feeMode");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(receiptTimeout, "receiptTimeout");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive");
        }
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1");
        }
        if ((gasPrice != null && gasPrice.signum() < 0)
                || (maxPriorityFeePerGas != null && maxPriorityFeePerGas.signum() < 0)) {
            throw new IllegalArgumentException("fees cannot be negative");
        }
    }

    /** Defaults for a local anvil: fees from the node, one confirmation, fast polling. */
    public static ChainSettings anvil(long chainId) {
        return new ChainSettings(chainId, FeeMode.AUTO, null, null, 1, Duration.ofMillis(50), Duration.ofSeconds(60));
    }

    /** A Besu QBFT free-gas network: legacy transactions at gas price zero. */
    public static ChainSettings besuFreeGas(long chainId, int confirmations) {
        return new ChainSettings(chainId, FeeMode.LEGACY, BigInteger.ZERO, null, confirmations,
                Duration.ofMillis(500), Duration.ofMinutes(2));
    }

    public ChainSettings withConfirmations(int n) {
        return new ChainSettings(chainId, feeMode, gasPrice, maxPriorityFeePerGas, n, pollInterval, receiptTimeout);
    }

    public ChainSettings withFees(FeeMode mode, BigInteger legacyGasPrice, BigInteger priorityFee) {
        return new ChainSettings(chainId, mode, legacyGasPrice, priorityFee, confirmations, pollInterval, receiptTimeout);
    }

    public ChainSettings withChainId(long id) {
        return new ChainSettings(id, feeMode, gasPrice, maxPriorityFeePerGas, confirmations, pollInterval, receiptTimeout);
    }

    public ChainSettings withReceiptTimeout(Duration timeout) {
        return new ChainSettings(chainId, feeMode, gasPrice, maxPriorityFeePerGas, confirmations, pollInterval, timeout);
    }
}
