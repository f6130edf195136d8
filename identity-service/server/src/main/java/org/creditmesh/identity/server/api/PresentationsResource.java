package org.creditmesh.identity.server.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.identity.server.security.Roles;
import org.creditmesh.identity.server.verification.VerificationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** W3C VC-API presentation verifier endpoint. */
@Path("/presentations")
@Consumes({MediaTypes.JSON, MediaTypes.LD_JSON, MediaTypes.VC_LD_JSON})
@Produces({MediaTypes.JSON, "application/problem+json"})
public class PresentationsResource {

    @Inject
    VerificationService verification;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/verify")
    @RolesAllowed({Roles.LENDER, Roles.BUREAU})
    @Tag(name = "Verifier")
    @Operation(summary = "Verify a presentation",
            description = "Body {verifiablePresentation, options: {challenge, domain}}. 200 when valid; 422 problem details with the report when not.")
    public Response verify(@RequestBody(required = true, content = @Content(mediaType = MediaTypes.JSON,
            schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "verifiablePresentation"))) byte[] body) {
        return CredentialsResource.VerificationResponses.of(verification.verify(body, true, Actors.of(identity)));
    }
}
