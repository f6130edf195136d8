package org.creditmesh.identity.server.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * OAuth 2.0 Authorization Server Metadata (RFC 8414 section 2) at {@code /.well-known/oauth-authorization-server}:
 * how clients find the token endpoint and the keys. {@link #metadata()} is the document, so that the OpenID4VCI
 * pre-authorized code grant can add its members to the same one.
 */
@Path("/.well-known/oauth-authorization-server")
@PermitAll
@Tag(name = "OAuth2")
public class AuthorizationServerMetadataResource {

    @Inject
    OAuthConfig config;

    @GET
    @Produces("application/json")
    @Operation(summary = "Authorization server metadata (RFC 8414)")
    public Response get() {
        return Response.ok(Json.write(metadata()), "application/json").build();
    }

    public ObjectNode metadata() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("issuer", config.issuer());
        m.put("token_endpoint", config.url("/oauth2/token"));
        m.put("jwks_uri", config.url(JwksResource.PATH));
        m.putArray("grant_types_supported").add("client_credentials");
        m.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        // No authorization endpoint (only the client credentials grant), so no response type.
        m.putArray("response_types_supported");
        m.putArray("scopes_supported").add("bureau").add("lender").add("regulator").add("admin");
        return m;
    }
}
