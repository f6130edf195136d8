package org.creditmesh.service.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem details (RFC 9457) with the bearer challenge (RFC 6750 section 3). Needs
 * {@code quarkus.http.auth.proactive=false}, so that authentication fails inside the REST layer where these mappers
 * apply, and so that a bad token sent to a public endpoint does not fail a request that needs none.
 */
public final class AuthProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return withChallenge(ProblemMappers.problem(HttpProblem.UNAUTHORIZED,
                "send an access token from the token endpoint as 'Authorization: Bearer <token>'", null), BearerChallenge.of(null));
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        String why = e.getMessage() == null ? "the access token was not accepted" : e.getMessage();
        return withChallenge(ProblemMappers.problem(HttpProblem.UNAUTHORIZED, why, null), BearerChallenge.of(why));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return withChallenge(ProblemMappers.problem(HttpProblem.FORBIDDEN, "the organisation's role does not allow this", null),
                BearerChallenge.insufficientScope());
    }

    private static Response withChallenge(Response r, String challenge) {
        return Response.fromResponse(r).header("WWW-Authenticate", challenge).build();
    }
}
