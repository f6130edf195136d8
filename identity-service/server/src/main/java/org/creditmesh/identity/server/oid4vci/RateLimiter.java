package org.creditmesh.identity.server.oid4vci;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code burst} requests at once, refilled at {@code perMinute}. Small on
 * purpose and replaceable by a shared limiter; it keeps at most {@link #MAX_CLIENTS} buckets (full ones are
 * dropped first, since forgetting a full bucket changes nothing).
 */
final class RateLimiter {

    static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int perMinute, int burst, Clock clock) {
        if (perMinute <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        this.perSecond = perMinute / 60.0;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request from {@code client}'s bucket; empty means the wait until the next one is allowed. */
    Optional<Duration> acquire(String client) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.values().removeIf(b -> refilled(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            long millis = (long) Math.ceil((1 - bucket.tokens) / perSecond * 1000);
            return Optional.of(Duration.ofMillis(millis));
        }
    }

    private double refilled(Bucket bucket, Instant now) {
        double elapsed = Math.max(0, Duration.between(bucket.at, now).toNanos() / 1e9);
        return Math.min(burst, bucket.tokens + elapsed * perSecond);
    }
}
