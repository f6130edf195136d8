package org.creditmesh.service.ratelimit;

import java.io.Serial;

/** A request was over its rate limit; rendered as 429 problem details with {@code Retry-After} by {@link RateLimitMapper}. */
public final class RateLimitedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
