package org.creditmesh.identity.server.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.creditmesh.identity.server.issuance.RequestBodies;
import org.creditmesh.identity.server.problem.ProblemMappers;
import org.creditmesh.identity.server.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@link RequestBodies#MAX_BYTES} from its Content-Length, before reading it, with a
 * problem document. (Vert.x's own limit, {@code quarkus.http.limits.max-body-size}, is set higher as a last
 * resort; it answers a bare 413.) Bodies without a Content-Length are checked once read.
 */
public class RequestLimits {

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > RequestBodies.MAX_BYTES) {
                    return tooLarge();
                }
            } catch (NumberFormatException e) {
                return ProblemMappers.problem(ProblemType.INVALID_REQUEST, "Content-Length is not a number", null);
            }
        }
        return null;
    }

    static jakarta.ws.rs.core.Response tooLarge() {
        return ProblemMappers.problem(ProblemType.PAYLOAD_TOO_LARGE,
                "request bodies are limited to " + RequestBodies.MAX_BYTES / 1024 + " KiB", null);
    }
}
