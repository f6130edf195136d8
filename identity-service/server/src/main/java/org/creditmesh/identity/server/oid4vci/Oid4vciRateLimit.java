package org.creditmesh.identity.server.oid4vci;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemMappers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-address limit on the token, nonce and credential endpoints (the unauthenticated wallet-facing ones).
 * The address is the TCP peer's: behind a reverse proxy, put the limit there or replace this with a shared limiter.
 */
@ApplicationScoped
public class Oid4vciRateLimit {

    @ConfigProperty(name = "creditmesh.oid4vci.rate-limit.per-minute", defaultValue = "60")
    int perMinute;

    @ConfigProperty(name = "creditmesh.oid4vci.rate-limit.burst", defaultValue = "20")
    int burst;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perMinute, burst, Clock.systemUTC());
    }

    /** A 429 problem response with Retry-After when {@code request}'s address is over its limit. */
    Optional<Response> check(HttpServerRequest request) {
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Optional<Duration> wait = limiter.acquire(client);
        return wait.map(d -> Response.fromResponse(ProblemMappers.problem(HttpProblem.TOO_MANY_REQUESTS,
                        "too many requests to the OpenID4VCI endpoints from this address", null))
                .header("Retry-After", Math.max(1, (d.toMillis() + 999) / 1000)).build());
    }
}
