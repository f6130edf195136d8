package org.creditmesh.identity.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Regulators read the hash-chained audit log (who did what to which credential, when; no claim values). */
@Path("/audit")
@RolesAllowed(Roles.REGULATOR)
@Produces({MediaTypes.JSON, "application/problem+json"})
@Tag(name = "Audit")
public class AuditResource {

    static final int MAX_LIMIT = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @GET
    @Operation(summary = "Audit entries", description = "Entries after sequence number 'after' (default 0), at most 'limit' (default 100, at most 1000); "
            + "'next' is the 'after' of the following page.")
    public Response entries(@QueryParam("after") @DefaultValue("0") long after, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'after' must be >= 0 and 'limit' between 1 and " + MAX_LIMIT);
        }
        List<AuditLog.Entry> entries;
        try (Connection c = dataSource.getConnection()) {
            entries = audit.read(c, after, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("audit log unavailable", e);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("entries");
        for (AuditLog.Entry e : entries) {
            list.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
                    .put("subjectRef", e.subjectRef()).put("outcome", e.outcome()).put("prevHash", e.prevHash()).put("hash", e.hash());
        }
        out.put("next", entries.isEmpty() ? after : entries.get(entries.size() - 1).seq());
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Check the audit hash chain", description = "intact, or the first sequence number whose hash or link does not match.")
    public Response verifyChain() {
        long broken;
        try (Connection c = dataSource.getConnection()) {
            broken = audit.verifyChain(c);
        } catch (SQLException e) {
            throw new IllegalStateException("audit log unavailable", e);
        }
        ObjectNode out = Json.mapper().createObjectNode().put("intact", broken < 0);
        if (broken >= 0) {
            out.put("firstBrokenSeq", broken);
        }
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }
}
