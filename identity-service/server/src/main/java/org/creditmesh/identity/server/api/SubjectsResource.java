package org.creditmesh.identity.server.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.retention.Retention;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GDPR erasure and access for a credential subject, named by its identifier (a DID; percent-encode other
 * identifiers). An admin acts on every bureau's records; a bureau on those of the credentials it issued itself,
 * since it is the controller of what it retained (and must not learn what other bureaus hold about the subject).
 */
@Path("/subjects/{subjectId}")
@Produces({MediaTypes.JSON, "application/problem+json"})
public class SubjectsResource {

    @Inject
    Retention retention;

    @Inject
    SecurityIdentity identity;

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.BUREAU})
    @Tag(name = "Data protection")
    @Operation(summary = "Erase a subject's stored data",
            description = "Erases the retained claim values and stored responses of the subject's credentials (a bureau: "
                    + "of its own credentials), keeping hashes and status so verification and revocation keep working. "
                    + "200 with the counts erased; a repeat or an unknown subject gives zero counts.")
    public Response erase(@PathParam("subjectId") String subjectId) {
        Retention.Erasure erasure = retention.erase(subjectId, scope(), Actors.of(identity));
        return Response.ok(Json.write(erasure.toJson()), MediaTypes.JSON).build();
    }

    @GET
    @Path("/records")
    @RolesAllowed({Roles.ADMIN, Roles.BUREAU})
    @Tag(name = "Data protection")
    @Operation(summary = "What is held about a subject",
            description = "For access requests: per credential its record and, where retained, the claim values.")
    public Response records(@PathParam("subjectId") String subjectId) {
        return Response.ok(Json.write(retention.records(subjectId, scope(), Actors.of(identity))), MediaTypes.JSON).build();
    }

    private Optional<String> scope() {
        return identity.hasRole(Roles.ADMIN) ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }
}
