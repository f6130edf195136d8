package org.creditmesh.identity.server.oid4vci;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 8414 metadata of the pre-authorized code flow's authorization server, at the path-inserted well-known URI of
 * its issuer identifier {@code <public-url>/oid4vci} (RFC 8414 section 3.1).
 */
@Path("/.well-known/oauth-authorization-server" + Oid4vciSpecs.BASE)
@Tag(name = "OpenID4VCI")
public class AuthorizationServerWellKnownResource {

    @Inject
    Oid4vciSettings settings;

    @GET
    @Produces("application/json")
    @Operation(summary = "Metadata of the pre-authorized code flow's authorization server (RFC 8414)")
    public Response authorizationServer() {
        return Response.ok(Json.write(IssuerMetadata.authorizationServer(settings)), "application/json").build();
    }
}
