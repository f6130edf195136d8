package org.creditmesh.identity.server.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints for organisations: register (the secret is in this one response only), disable, rotate the secret. */
@Path("/admin/organisations")
@RolesAllowed(Roles.ADMIN)
@Produces({"application/json", "application/problem+json"})
@Tag(name = "Admin")
public class OrganisationsResource {

    @Inject
    Organisations organisations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes("application/json")
    @Operation(summary = "Register an organisation",
            description = "Body {name, role: bureau | lender | regulator | admin, clientId?, issuerDid? (bureaus)}. "
                    + "201 with the client id and secret; the secret is not shown again.")
    public Response register(byte[] body) {
        ObjectNode request = JsonBodies.object(body);
        String name = text(request, "name", true);
        String role = text(request, "role", true);
        Optional<String> clientId = Optional.ofNullable(text(request, "clientId", false));
        Optional<String> issuerDid = Optional.ofNullable(text(request, "issuerDid", false));
        Organisations.Registered r = organisations.register(clientId, name, role, issuerDid, actor());
        return withSecret(Response.status(Response.Status.CREATED), r);
    }

    @GET
    @Path("/{clientId}")
    @Operation(summary = "An organisation (never its secret)")
    public Response get(@PathParam("clientId") String clientId) {
        Organisation org = organisations.find(clientId)
                .orElseThrow(() -> new ProblemException(IdentityProblem.ORGANISATION_NOT_FOUND, "no organisation " + clientId));
        return Response.ok(Json.write(json(org)), "application/json").build();
    }

    @POST
    @Path("/{clientId}/disable")
    @Operation(summary = "Disable an organisation", description = "It gets no more tokens; tokens it holds expire within their short lifetime.")
    public Response disable(@PathParam("clientId") String clientId) {
        return Response.ok(Json.write(json(organisations.disable(clientId, actor()))), "application/json").build();
    }

    @POST
    @Path("/{clientId}/secret")
    @Operation(summary = "Rotate an organisation's client secret", description = "The old secret stops working at once; the new one is shown once.")
    public Response rotate(@PathParam("clientId") String clientId) {
        return withSecret(Response.ok(), organisations.rotateSecret(clientId, actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static Response withSecret(Response.ResponseBuilder b, Organisations.Registered r) {
        ObjectNode out = json(r.organisation());
        out.put("clientSecret", r.clientSecret());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return b.type("application/json").entity(Json.write(out)).cacheControl(noStore).build();
    }

    static ObjectNode json(Organisation org) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("clientId", org.clientId());
        out.put("name", org.name());
        out.put("role", org.role());
        org.issuerDid().ifPresent(d -> out.put("issuerDid", d));
        out.put("createdAt", org.createdAt().toString());
        out.put("disabled", org.disabled());
        org.disabledAt().ifPresent(d -> out.put("disabledAt", d.toString()));
        return out;
    }

    private static String text(ObjectNode request, String field, boolean required) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + field + "' must be a string");
        }
        return node.asText();
    }
}
