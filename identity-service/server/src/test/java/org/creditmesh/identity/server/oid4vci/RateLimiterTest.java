package org.creditmesh.identity.server.oid4vci;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-address token bucket, on a clock the test moves (no waiting, no timing). */
class RateLimiterTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheBurstThenOneRequestPerRefillIntervalPerAddress() {
        MovableClock clock = new MovableClock();
        RateLimiter limiter = new RateLimiter(60, 3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(limiter.acquire("10.0.0.2")).as("another address has its own bucket").isEmpty();
        clock.now = clock.now.plusMillis(500);
        assertThat(limiter.acquire("10.0.0.1")).contains(Duration.ofMillis(500));
        clock.now = clock.now.plusMillis(500);
        assertThat(limiter.acquire("10.0.0.1")).isEmpty();
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).as("refills to the burst, not beyond").isEmpty();
        }
        assertThat(limiter.acquire("10.0.0.1")).isPresent();
    }
}
