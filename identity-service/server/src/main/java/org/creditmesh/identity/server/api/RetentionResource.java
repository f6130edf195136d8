package org.creditmesh.identity.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.retention.Retention;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A bureau's retention setting: whether the claim values of the credentials it issues are kept (encrypted). Off by
 * default. A bureau reads and changes its own; an admin any bureau's.
 */
@Path("/retention/{bureau}")
@Produces({MediaTypes.JSON, "application/problem+json"})
public class RetentionResource {

    @Inject
    Retention retention;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.BUREAU})
    @Tag(name = "Data protection")
    @Operation(summary = "A bureau's retention setting")
    public Response get(@PathParam("bureau") String bureau) {
        allowed(bureau);
        return Response.ok(Json.write(body(bureau, retention.setting(bureau))), MediaTypes.JSON).build();
    }

    @PUT
    @Consumes(MediaTypes.JSON)
    @RolesAllowed({Roles.ADMIN, Roles.BUREAU})
    @Tag(name = "Data protection")
    @Operation(summary = "Turn retention of claim values on or off", description = "Body {\"retain\": true|false}. "
            + "Applies to credentials issued afterwards; turning it off does not erase what was retained (DELETE /subjects/{id} does).")
    public Response put(@PathParam("bureau") String bureau, byte[] body) {
        allowed(bureau);
        ObjectNode request = JsonBodies.object(body);
        JsonNode retain = request.get("retain");
        if (retain == null || !retain.isBoolean()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'retain' is required: true or false");
        }
        retention.changeSetting(bureau, retain.booleanValue(), Actors.of(identity));
        return Response.ok(Json.write(body(bureau, retain.booleanValue())), MediaTypes.JSON).build();
    }

    private void allowed(String bureau) {
        if (!identity.hasRole(Roles.ADMIN) && !identity.getPrincipal().getName().equals(bureau)) {
            throw new ProblemException(HttpProblem.FORBIDDEN, "a bureau reads and changes only its own retention setting");
        }
    }

    private static ObjectNode body(String bureau, boolean retain) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("bureau", bureau);
        out.put("retain", retain);
        return out;
    }
}
