package org.creditmesh.identity.server.api;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import org.creditmesh.core.status.token.TokenStatusException;
import org.creditmesh.core.status.token.TokenStatusSpecs;
import org.creditmesh.identity.server.tokenstatus.TokenStatusLists;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the signed IETF Token Status List tokens the issued SD-JWT VCs point at (public: relying parties fetch
 * them with {@code Accept: application/statuslist+jwt}, draft-ietf-oauth-status-list section 8.1). Cached as long
 * as the token's {@code ttl}, with an ETag per list version.
 */
@Path("/status-lists/{listId}")
public class TokenStatusListResource {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenStatusLists lists;

    @GET
    @Produces(TokenStatusSpecs.MEDIA_TYPE)
    @Tag(name = "Status lists")
    @Operation(summary = "A Status List Token", description = "IETF Token Status List (draft-ietf-oauth-status-list), "
            + "JWT format, 2 bits per SD-JWT VC: 0 valid, 1 revoked, 2 suspended.")
    public Response get(@PathParam("listId") String listId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        TokenStatusLists.StoredToken token;
        try (Connection c = dataSource.getConnection()) {
            token = lists.find(c, listId).orElseThrow(
                    () -> new ProblemException(HttpProblem.NOT_FOUND, "no status list " + listId));
        } catch (SQLException | TokenStatusException e) {
            throw new IllegalStateException("status list store unavailable", e);
        }
        EntityTag etag = new EntityTag("v" + token.version());
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) TokenStatusLists.TIME_TO_LIVE.toSeconds());
        if (ifNoneMatch != null && ifNoneMatch.contains("\"v" + token.version() + "\"")) {
            return Response.notModified(etag).cacheControl(cache).build();
        }
        return Response.ok(token.token(), TokenStatusSpecs.MEDIA_TYPE).tag(etag).cacheControl(cache).build();
    }
}
