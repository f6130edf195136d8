package org.creditmesh.identity.server.api;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.PermitAll;
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
import org.creditmesh.identity.server.issuance.StatusLists;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.HttpProblem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the signed Bitstring Status List credentials (public: verifiers anywhere fetch them). Short caching
 * (a revocation should be seen within a minute) with an ETag per list version, so re-fetches are cheap.
 */
@Path("/status/{listId}")
@PermitAll
public class StatusListResource {

    static final int MAX_AGE_SECONDS = 60;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatusLists statusLists;

    @GET
    @Produces({MediaTypes.JSON, MediaTypes.VC_LD_JSON, MediaTypes.LD_JSON})
    @Tag(name = "Status lists")
    @Operation(summary = "A status list credential", description = "W3C Bitstring Status List v1.0, signed with eddsa-rdfc-2022.")
    public Response get(@PathParam("listId") String listId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        StatusLists.StoredList list;
        try (Connection c = dataSource.getConnection()) {
            list = statusLists.find(c, "id", listId).orElseThrow(
                    () -> new ProblemException(HttpProblem.NOT_FOUND, "no status list " + listId));
        } catch (SQLException e) {
            throw new IllegalStateException("status list store unavailable", e);
        }
        EntityTag etag = new EntityTag("v" + list.version());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        if (ifNoneMatch != null && ifNoneMatch.contains("\"v" + list.version() + "\"")) {
            return Response.notModified(etag).cacheControl(cache).build();
        }
        return Response.ok(list.credential(), MediaTypes.JSON).tag(etag).cacheControl(cache).build();
    }
}
