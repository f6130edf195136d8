package org.creditmesh.service.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on a fake clock: bursts, refills, Retry-After, separate keys, bounded key count. */
class TokenBucketLimiterTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final TokenBucketLimiter limiter = new TokenBucketLimiter(3, Duration.ofSeconds(10), 4, nanos::get);

    @Test
    void allowsABurstOfCapacityThenOneRequestPerRefillPeriod() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ip:a").allowed()).isTrue();
        }
        TokenBucketLimiter.Decision refused = limiter.tryAcquire("ip:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(10);
        nanos.addAndGet(Duration.ofMillis(9_500).toNanos());
        assertThat(limiter.tryAcquire("ip:a").retryAfterSeconds()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.tryAcquire("ip:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:a").allowed()).isFalse();
        // A long pause refills to capacity, not beyond.
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ip:a").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("ip:a").allowed()).isFalse();
    }

    @Test
    void keysHaveTheirOwnBucketsAndTheirNumberIsBounded() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("ip:a");
        }
        assertThat(limiter.tryAcquire("ip:a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("ip:b").allowed()).isTrue();
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("ip:n" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(4);
    }

    /**
     * A flood of distinct keys (addresses) leaves at most maxKeys buckets, and a key that keeps coming back stays
     * tracked and limited through it: the flood cannot buy a limited client a fresh bucket.
     */
    @Test
    void aFloodOfDistinctKeysStaysBoundedAndAPersistentClientStaysLimited() {
        TokenBucketLimiter bounded = new TokenBucketLimiter(3, Duration.ofHours(1), 1_000, () -> 0L);
        for (int i = 0; i < 3; i++) {
            assertThat(bounded.tryAcquire("persistent").allowed()).isTrue();
        }
        for (int i = 0; i < 200_000; i++) {
            bounded.tryAcquire("flood:" + i);
            if (i % 50 == 0) {
                assertThat(bounded.tryAcquire("persistent").allowed()).as("request %d", i).isFalse();
            }
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(1_000);
    }

    /** A bucket idle until it would be full again is forgotten: it holds nothing worth keeping. */
    @Test
    void idleBucketsAreForgotten() {
        long[] now = {0};
        TokenBucketLimiter idle = new TokenBucketLimiter(2, Duration.ofSeconds(10), 100, () -> now[0]);
        idle.tryAcquire("a");
        idle.tryAcquire("b");
        assertThat(idle.size()).isEqualTo(2);
        now[0] += Duration.ofSeconds(21).toNanos();
        assertThat(idle.size()).isZero();
        assertThat(idle.tryAcquire("a").allowed()).isTrue();
    }
}
