package org.creditmesh.service.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (client id, IP address): {@code capacity} requests at once, then one more every
 * {@code refillPeriod}. The bucket arithmetic is hand-written (a few lines; bucket4j would still need a cache for
 * per-key buckets); the buckets live in a Caffeine cache bounded to {@code maxKeys} entries, so a flood of distinct
 * addresses costs bounded memory and constant time per request (its frequency-aware eviction keeps the keys that
 * keep coming back), and a bucket left alone until it would be full again is forgotten, since it holds nothing worth
 * keeping. In-memory, per instance: behind a load balancer each instance limits on its own, which is what a
 * brute-force brake needs.
 */
public final class TokenBucketLimiter {

    /** Whether a request may go ahead, and if not, after how many whole seconds (for {@code Retry-After}). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final int capacity;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    /** {@code nanoTime} is {@link System#nanoTime} in production, a fake clock in tests. */
    public TokenBucketLimiter(int capacity, Duration refillPeriod, int maxKeys, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        if (refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("refill period must be positive");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1");
        }
        this.capacity = capacity;
        this.refillNanos = refillPeriod.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        Ticker ticker = nanoTime::getAsLong;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ticker).executor(Runnable::run)
                .expireAfterAccess(Duration.ofNanos(saturatedMultiply(refillNanos, capacity))).build();
    }

    public Decision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, refillNanos);
            if (bucket.tokens > 0) {
                bucket.tokens--;
                return new Decision(true, 0);
            }
            long wait = refillNanos - (now - bucket.lastRefill);
            return new Decision(false, Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** How many keys are tracked (for tests and metrics), after pending evictions. */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    private static final class Bucket {
        long tokens;
        long lastRefill;

        Bucket(long tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        void refill(long now, int capacity, long refillNanos) {
            long elapsed = now - lastRefill;
            if (elapsed >= refillNanos) {
                long add = elapsed / refillNanos;
                tokens = Math.min(capacity, tokens + add);
                lastRefill = tokens >= capacity ? now : lastRefill + add * refillNanos;
            }
        }
    }
}
