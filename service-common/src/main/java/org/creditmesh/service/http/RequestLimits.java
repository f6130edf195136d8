package org.creditmesh.service.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.creditmesh.service.problem.ProblemMappers;
import org.creditmesh.service.problem.HttpProblem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@link #MAX_BYTES} from its Content-Length, before reading it, with a
 * problem document. (Vert.x's own limit, {@code quarkus.http.limits.max-body-size}, is set higher as a last
 * resort; it answers a bare 413.) Bodies without a Content-Length are checked once read.
 */
public class RequestLimits {

    /** The largest request body any CreditMesh API takes (credentials and presentations are far smaller). */
    public static final int MAX_BYTES = 256 * 1024;

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BYTES) {
                    return tooLarge();
                }
            } catch (NumberFormatException e) {
                return ProblemMappers.problem(HttpProblem.INVALID_REQUEST, "Content-Length is not a number", null);
            }
        }
        return null;
    }

    public static jakarta.ws.rs.core.Response tooLarge() {
        return ProblemMappers.problem(HttpProblem.PAYLOAD_TOO_LARGE,
                "request bodies are limited to " + MAX_BYTES / 1024 + " KiB", null);
    }
}
