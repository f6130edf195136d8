package org.creditmesh.identity.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

/** The audit trail for regulators: read it page by page, and check that its hash chain is intact. */
@Path("/audit")
@Produces({MediaTypes.JSON, "application/problem+json"})
@Tag(name = "Audit")
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Audit entries after a sequence number",
            description = "?after=<seq> (default 0) &limit=<1..1000> (default 100). next_after is the last seq of the page, "
                    + "absent on the last page.")
    public Response page(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long afterSeq = number(after, "after", 0, 0, Long.MAX_VALUE);
        int max = (int) number(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<AuditLog.Entry> entries;
        try (Connection c = dataSource.getConnection()) {
            entries = audit.page(c, afterSeq, max + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray("entries");
        for (AuditLog.Entry e : entries.subList(0, Math.min(max, entries.size()))) {
            list.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor()).put("action", e.action())
                    .put("subject_ref", e.subjectRef()).put("outcome", e.outcome()).put("prev_hash", e.prevHash())
                    .put("hash", e.hash());
        }
        if (entries.size() > max) {
            out.put("next_after", entries.get(max - 1).seq());
        }
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Recompute the audit hash chain",
            description = "intact, count and head_hash (the last entry's hash as recomputed from the genesis hash); "
                    + "first_broken_seq when a row was altered.")
    public Response verify() {
        AuditLog.ChainState state;
        try (Connection c = dataSource.getConnection()) {
            state = audit.chainState(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
        ObjectNode out = Json.mapper().createObjectNode().put("intact", state.intact()).put("count", state.count())
                .put("head_hash", state.headHash()).put("genesis_hash", AuditLog.GENESIS);
        if (!state.intact()) {
            out.put("first_broken_seq", state.firstBrokenSeq());
        }
        return Response.ok(Json.write(out), MediaTypes.JSON).build();
    }

    private static long number(String value, String name, long absent, long min, long max) {
        if (value == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + name + "' must be an integer from " + min + " to " + max);
    }
}
