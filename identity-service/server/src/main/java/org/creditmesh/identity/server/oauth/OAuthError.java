package org.creditmesh.identity.server.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.Serial;
import org.creditmesh.core.json.Json;

/**
 * A token endpoint failure in OAuth's own format (RFC 6749 section 5.2), which standard OAuth clients parse: JSON
 * {@code {"error", "error_description"}}, 401 with {@code WWW-Authenticate: Basic} for {@code invalid_client}, 400
 * otherwise. The rest of the API answers with problem details.
 */
public final class OAuthError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    /** RFC 8707 section 2: a {@code resource} this service does not issue tokens for. */
    public static final String INVALID_TARGET = "invalid_target";

    private final String error;

    public OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public Response toResponse() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", error);
        body.put("error_description", getMessage());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder r = Response.status(error.equals(INVALID_CLIENT) ? 401 : 400)
                .type("application/json").entity(Json.write(body)).cacheControl(noStore).header("Pragma", "no-cache");
        if (error.equals(INVALID_CLIENT)) {
            r.header("WWW-Authenticate", "Basic realm=\"" + org.creditmesh.service.auth.TokenSpecs.REALM + "\", charset=\"UTF-8\"");
        }
        return r.build();
    }
}
