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
 * The OpenID4VCI discovery documents. The authorization server of the pre-authorized code flow has its own issuer
 * identifier, {@code <public-url>/oid4vci}, so its RFC 8414 metadata lives at the path-inserted well-known URI
 * {@code /.well-known/oauth-authorization-server/oid4vci}; the service's organisation OAuth server (client
 * credentials, {@code /oauth2/token}) keeps the root one. The issuer metadata names it in
 * {@code authorization_servers}. That document is {@link AuthorizationServerWellKnownResource}'s: a resource class of its
 * own, because JAX-RS matches the longest class path first, which for it is the organisation server's.
 */
@Path("/.well-known")
@Tag(name = "OpenID4VCI")
public class WellKnownResource {

    @Inject
    Oid4vciSettings settings;

    @GET
    @Path("/openid-credential-issuer")
    @Produces("application/json")
    @Operation(summary = "Credential Issuer Metadata (OpenID4VCI 1.0 section 12.2)")
    public Response issuer() {
        return Response.ok(Json.write(IssuerMetadata.issuer(settings)), "application/json").build();
    }
}
