package org.creditmesh.anchor.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.creditmesh.anchor.chain.Fees;

/**
 * How the batcher batches and sends.
 *
 * @param maxBatchSize a batch is closed as soon as this many hashes are queued, and holds at most this many
 * @param interval a batch is closed once the oldest queued hash has waited this long ({@code 0}: at every tick)
 * @param confirmations blocks that must include and follow the batch's block before it is CONFIRMED (1 = included)
 * @param stuckAfter a transaction still pending this long after signing is replaced (same nonce, higher fees)
 * @param feeBumpPercent how much a replacement raises each fee, at least {@value Fees#MIN_REPLACEMENT_BUMP_PERCENT}
 * @param clock time source for {@code interval} and {@code stuckAfter}
 */
public record BatcherConfig(int maxBatchSize, Duration interval, int confirmations, Duration stuckAfter,
        int feeBumpPercent, Clock clock) {

    /** Far above the 100,000 hashes per batch the contract tests anchor; a batch's proofs are built in memory. */
    public static final int MAX_BATCH_SIZE = 1_000_000;

    public BatcherConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
        Objects.requireNonNull(clock, "clock");
        if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("maxBatchSize must be 1.." + MAX_BATCH_SIZE);
        }
        if (interval.isNegative() || stuckAfter.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative");
        }
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be at least 1");
        }
        if (feeBumpPercent < Fees.MIN_REPLACEMENT_BUMP_PERCENT) {
            throw new IllegalArgumentException("a replacement raises fees by at least " + Fees.MIN_REPLACEMENT_BUMP_PERCENT + " %");
        }
    }

    /** 10,000 hashes or 30 s per batch, 1 confirmation, replacement after 3 minutes with fees +12 %. */
    public static BatcherConfig defaults() {
        return new BatcherConfig(10_000, Duration.ofSeconds(30), 1, Duration.ofMinutes(3), 12, Clock.systemUTC());
    }

    public BatcherConfig withMaxBatchSize(int n) {
        return new BatcherConfig(n, interval, confirmations, stuckAfter, feeBumpPercent, clock);
    }

    public BatcherConfig withInterval(Duration d) {
        return new BatcherConfig(maxBatchSize, d, confirmations, stuckAfter, feeBumpPercent, clock);
    }

    public BatcherConfig withConfirmations(int k) {
        return new BatcherConfig(maxBatchSize, interval, k, stuckAfter, feeBumpPercent, clock);
    }

    public BatcherConfig withStuckAfter(Duration d) {
        return new BatcherConfig(maxBatchSize, interval, confirmations, d, feeBumpPercent, clock);
    }

    public BatcherConfig withFeeBumpPercent(int percent) {
        return new BatcherConfig(maxBatchSize, interval, confirmations, stuckAfter, percent, clock);
    }

    public BatcherConfig withClock(Clock c) {
        return new BatcherConfig(maxBatchSize, interval, confirmations, stuckAfter, feeBumpPercent, c);
    }
}
