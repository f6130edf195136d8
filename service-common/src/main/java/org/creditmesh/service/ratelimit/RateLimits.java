package org.creditmesh.service.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Named rate limits from configuration, for endpoints that must not be hammered (the OAuth2 token endpoint, the
 * OpenID4VCI endpoints). {@code creditmesh.rate-limit.<name>.capacity} requests at once per key, one more every
 * {@code creditmesh.rate-limit.<name>.refill-period}; defaults 20 and PT3S (a burst of 20, then 20 a minute).
 * Call {@link #check} first thing in the endpoint.
 */
@ApplicationScoped
public class RateLimits {

    static final int DEFAULT_CAPACITY = 20;
    static final Duration DEFAULT_REFILL = Duration.ofSeconds(3);
    static final int MAX_KEYS = 100_000;

    private final Map<String, TokenBucketLimiter> limiters = new ConcurrentHashMap<>();

    /** Takes one request from {@code key}'s bucket of limit {@code name}; throws {@link RateLimitedException} when empty. */
    public void check(String name, String key) {
        TokenBucketLimiter.Decision d = limiters.computeIfAbsent(name, RateLimits::configured).tryAcquire(key);
        if (!d.allowed()) {
            throw new RateLimitedException("too many requests; retry after " + d.retryAfterSeconds() + " s", d.retryAfterSeconds());
        }
    }

    private static TokenBucketLimiter configured(String name) {
        Config config = ConfigProvider.getConfig();
        String prefix = "creditmesh.rate-limit." + name + ".";
        int capacity = config.getOptionalValue(prefix + "capacity", Integer.class).orElse(DEFAULT_CAPACITY);
        Duration refill = config.getOptionalValue(prefix + "refill-period", Duration.class).orElse(DEFAULT_REFILL);
        return new TokenBucketLimiter(capacity, refill, MAX_KEYS, System::nanoTime);
    }
}
