package org.creditmesh.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure as {@code application/problem+json}; nothing else (no stack trace, no HTML) reaches clients. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The problem document of {@code type} with {@code detail}, and extension members. */
    public static Response problem(ProblemType type, String detail, ObjectNode extensions) {
        return problem(type, type.status(), detail, extensions);
    }

    private static Response problem(ProblemType type, int status, String detail, ObjectNode extensions) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", status);
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (extensions != null) {
            extensions.properties().forEach(e -> {
                if (!body.has(e.getKey())) {
                    body.set(e.getKey(), e.getValue());
                }
            });
        }
        return Response.status(status).type(ProblemType.MEDIA_TYPE).entity(Json.write(body)).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problem(e.type(), e.getMessage(), e.extensions().orElse(null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problem(HttpProblem.MALFORMED_JSON, "the body could not be read as JSON", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(HttpProblem.NOT_FOUND, "no resource at this path", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response r = problem(HttpProblem.METHOD_NOT_ALLOWED, "this path does not accept that method", null);
        return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return problem(HttpProblem.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json", null);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return problem(HttpProblem.NOT_ACCEPTABLE, "this resource produces application/json", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return problem(HttpProblem.PAYLOAD_TOO_LARGE, null, null);
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return problem(HttpProblem.INTERNAL, null, null);
        }
        return problem(HttpProblem.HTTP_ERROR, status, e.getResponse().getStatusInfo().getReasonPhrase(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed unexpectedly", e);
        return problem(HttpProblem.INTERNAL, null, null);
    }
}
