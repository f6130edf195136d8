package org.creditmesh.service.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (client id, IP address): {@code capacity} requests at once, then one more every
 * {@code refillPeriod}. Hand-written rather than bucket4j: the bucket itself is a few lines, and bucket4j keeps
 * per-key buckets only in a cache one brings separately (Caffeine, JCache); this class bounds its key count itself
 * by dropping full buckets (which hold no state worth keeping) when it grows past {@code maxKeys}. In-memory, per
 * instance: behind a load balancer each instance limits on its own, which is what a brute-force brake needs.
 */
public final class TokenBucketLimiter {

    /** Whether a request may go ahead, and if not, after how many whole seconds (for {@code Retry-After}). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final int capacity;
    private final long refillNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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
        this.maxKeys = maxKeys;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    public Decision tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
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

    /** How many keys are tracked (for tests and metrics). */
    public int size() {
        return buckets.size();
    }

    private void evictFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                b.refill(now, capacity, refillNanos);
                if (b.tokens >= capacity) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxKeys) {
            // Every tracked key is being limited right now: forget one rather than grow without bound.
            Iterator<String> keys = buckets.keySet().iterator();
            if (keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
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
