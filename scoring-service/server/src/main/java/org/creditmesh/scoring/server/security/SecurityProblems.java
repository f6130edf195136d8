package org.creditmesh.scoring.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Role checks' refusals as problem details (401 without an authenticated caller, 403 with the wrong role), instead
 * of Quarkus's bare responses. (When service-common gains the OAuth2 client-credentials mechanism with its own
 * mappers, these belong there.)
 */
public final class SecurityProblems {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return ProblemMappers.problem(HttpProblem.UNAUTHORIZED, "send an access token", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return ProblemMappers.problem(HttpProblem.UNAUTHORIZED, "the access token was not accepted", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.problem(HttpProblem.FORBIDDEN, "this operation needs another role", null);
    }
}
