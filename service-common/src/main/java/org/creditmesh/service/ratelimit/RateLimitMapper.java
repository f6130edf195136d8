package org.creditmesh.service.ratelimit;

import jakarta.ws.rs.core.Response;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 problem details with {@code Retry-After} in seconds (RFC 6585 section 4, RFC 9110 section 10.2.3). */
public final class RateLimitMapper {

    @ServerExceptionMapper
    public Response limited(RateLimitedException e) {
        return Response.fromResponse(ProblemMappers.problem(HttpProblem.TOO_MANY_REQUESTS, e.getMessage(), null))
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }
}
