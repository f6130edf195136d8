package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * What one transaction offers to pay for gas: EIP-1559 ({@code maxFeePerGas} and a tip) or legacy
 * ({@code maxFeePerGas} is the gas price, no tip; zero on a Besu free-gas network).
 *
 * @param mode {@link FeeMode#EIP1559} or {@link FeeMode#LEGACY} (never {@code AUTO}: fees are concrete)
 * @param maxFeePerGas EIP-1559 max fee, or the legacy gas price, in wei
 * @param maxPriorityFeePerGas EIP-1559 tip in wei; {@code null} for legacy
 */
public record Fees(FeeMode mode, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

    /** Geth, Besu and anvil refuse a replacement that does not raise every fee by at least 10 %. */
    public static final int MIN_REPLACEMENT_BUMP_PERCENT = 10;

    public Fees {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        if (mode == FeeMode.AUTO) {
            throw new IllegalArgumentException("fees are EIP1559 or LEGACY");
        }
        if ((mode == FeeMode.EIP1559) != (maxPriorityFeePerGas != null)) {
            throw new IllegalArgumentException("a tip exactly for EIP-1559 fees");
        }
        if (maxFeePerGas.signum() < 0 || (maxPriorityFeePerGas != null
                && (maxPriorityFeePerGas.signum() < 0 || maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0))) {
            throw new IllegalArgumentException("fees must be non-negative, the tip at most the max fee");
        }
    }

    public static Fees legacy(BigInteger gasPrice) {
        return new Fees(FeeMode.LEGACY, gasPrice, null);
    }

    public static Fees eip1559(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {
        return new Fees(FeeMode.EIP1559, maxFeePerGas, maxPriorityFeePerGas);
    }

    /** True on a zero-gas-price network: there is no fee market, so a stuck transaction is re-sent, not out-bid. */
    public boolean free() {
        return maxFeePerGas.signum() == 0;
    }

    /**
     * Fees for a replacement of a transaction that offered these: each fee raised by
     * {@code percent} (at least {@link #MIN_REPLACEMENT_BUMP_PERCENT}) plus one wei, and never below
     * {@code market} (what a new transaction would offer now), in the mode of this one.
     */
    public Fees bumped(int percent, Fees market) {
        if (percent < MIN_REPLACEMENT_BUMP_PERCENT) {
            throw new IllegalArgumentException("a replacement raises fees by at least " + MIN_REPLACEMENT_BUMP_PERCENT + " %");
        }
        BigInteger fee = max(raise(maxFeePerGas, percent), market.maxFeePerGas);
        if (mode == FeeMode.LEGACY) {
            return legacy(fee);
        }
        BigInteger tip = max(raise(maxPriorityFeePerGas, percent),
                market.maxPriorityFeePerGas == null ? BigInteger.ZERO : market.maxPriorityFeePerGas);
        return eip1559(max(fee, tip), tip);
    }

    private static BigInteger raise(BigInteger value, int percent) {
        // ceil(value * (100 + percent) / 100) + 1: strictly above the minimum the node checks
        return value.multiply(BigInteger.valueOf(100L + percent)).add(BigInteger.valueOf(99)).divide(BigInteger.valueOf(100))
                .add(BigInteger.ONE);
    }

    private static BigInteger max(BigInteger a, BigInteger b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
