package org.creditmesh.identity.server.oauth;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public keys that verify this service's access tokens (RFC 7517 JWK set), the metadata's {@code jwks_uri}. */
@Path(JwksResource.PATH)
@PermitAll
@Tag(name = "OAuth2")
public class JwksResource {

    public static final String PATH = "/oauth2/jwks";
    static final String MEDIA_TYPE = "application/jwk-set+json";

    @Inject
    TokenKeys keys;

    @GET
    @Produces({MEDIA_TYPE, "application/json"})
    @Operation(summary = "The token verification keys (JWKS)")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(Json.write(Json.mapper().valueToTree(keys.jwks().toJSONObject(true))), MEDIA_TYPE)
                .cacheControl(cache).build();
    }
}
