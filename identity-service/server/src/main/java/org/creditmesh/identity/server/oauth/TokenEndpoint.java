package org.creditmesh.identity.server.oauth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.organisation.Organisation;
import org.creditmesh.identity.server.organisation.Organisations;
import org.creditmesh.service.clientaddress.ClientAddresses;
import org.creditmesh.service.ratelimit.RateLimits;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OAuth2 token endpoint for the client credentials grant (RFC 6749 section 4.4). Clients authenticate with HTTP
 * Basic (section 2.3.1: client id and secret form-urlencoded, then base64) or with {@code client_id} and
 * {@code client_secret} in the body, not both (section 2.3). Every content type is taken in so that a wrong one
 * gets OAuth's {@code invalid_request} rather than a problem document a client library would not parse. Rate
 * limited per client id and per address ({@code creditmesh.rate-limit.token.*}) before the slow secret check.
 */
@Path("/oauth2/token")
@PermitAll
@Tag(name = "OAuth2")
public class TokenEndpoint {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String RATE_LIMIT = "token";
    static final int MAX_BODY = 4096;

    @Inject
    Organisations organisations;

    @Inject
    AccessTokenIssuer tokens;

    @Inject
    OAuthConfig config;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServerRequest http;

    @POST
    @Consumes("*/*")
    @Produces("application/json")
    @Operation(summary = "Get an access token (client credentials)",
            description = "grant_type=client_credentials, client authentication by HTTP Basic or client_id/client_secret; "
                    + "optional scope (the organisation's role) and resource/audience (one of the configured audiences).")
    public Response token(byte[] body, @HeaderParam("Content-Type") String contentType,
                          @HeaderParam("Authorization") String authorization) {
        try {
            rateLimits.check(RATE_LIMIT, "ip:" + clientAddresses.of(http));
            return issue(body, contentType, authorization);
        } catch (OAuthError e) {
            return e.toResponse();
        }
    }

    private Response issue(byte[] body, String contentType, String authorization) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(FORM)) {
            throw new OAuthError(OAuthError.INVALID_REQUEST, "the request must be " + FORM + " (RFC 6749 section 4.4.2)");
        }
        if (body.length > MAX_BODY) {
            throw new OAuthError(OAuthError.INVALID_REQUEST, "the request body is too large");
        }
        Map<String, String> form = form(body);
        String[] credentials = clientCredentials(authorization, form);
        rateLimits.check(RATE_LIMIT, "client:" + credentials[0]);
        String grant = form.get("grant_type");
        if (grant == null) {
            throw new OAuthError(OAuthError.INVALID_REQUEST, "grant_type is required");
        }
        if (!grant.equals("client_credentials")) {
            throw new OAuthError(OAuthError.UNSUPPORTED_GRANT_TYPE, "only client_credentials is supported here");
        }
        Organisation org = organisations.authenticate(credentials[0], credentials[1])
                .orElseThrow(() -> new OAuthError(OAuthError.INVALID_CLIENT, "client authentication failed"));
        String scope = form.get("scope");
        if (scope != null && !scope.isBlank() && !List.of(scope.strip().split(" +")).equals(List.of(org.role()))) {
            throw new OAuthError(OAuthError.INVALID_SCOPE, "the client may ask only for its role: " + org.role());
        }
        List<String> audience = audience(form);
        AccessTokenIssuer.Minted minted = tokens.mint(org, audience);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("access_token", minted.token());
        out.put("token_type", "Bearer");
        out.put("expires_in", minted.expiresInSeconds());
        out.put("scope", org.role());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(Json.write(out), "application/json").cacheControl(noStore).header("Pragma", "no-cache").build();
    }

    /** RFC 8707 {@code resource} (or Auth0's {@code audience}, which the W3C suites send): one configured audience. */
    private List<String> audience(Map<String, String> form) {
        String asked = form.containsKey("resource") ? form.get("resource") : form.get("audience");
        if (asked == null || asked.isBlank()) {
            return config.audiences();
        }
        if (!config.audiences().contains(asked)) {
            throw new OAuthError(OAuthError.INVALID_TARGET, "this service issues no tokens for that resource");
        }
        return List.of(asked);
    }

    /** [client id, secret] from exactly one of the two methods. */
    private static String[] clientCredentials(String authorization, Map<String, String> form) {
        boolean inBody = form.containsKey("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (inBody) {
                throw new OAuthError(OAuthError.INVALID_REQUEST, "use one client authentication method, not two (RFC 6749 section 2.3)");
            }
            String decoded;
            try {
                decoded = utf8(Base64.getDecoder().decode(authorization.substring(6).strip()));
            } catch (IllegalArgumentException e) {
                throw new OAuthError(OAuthError.INVALID_CLIENT, "the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new OAuthError(OAuthError.INVALID_CLIENT, "the Basic credentials have no ':'");
            }
            String id = decode(decoded.substring(0, colon));
            if (form.containsKey("client_id") && !form.get("client_id").equals(id)) {
                throw new OAuthError(OAuthError.INVALID_REQUEST, "client_id differs from the authenticated client");
            }
            return new String[] {id, decode(decoded.substring(colon + 1))};
        }
        if (inBody && form.containsKey("client_id")) {
            return new String[] {form.get("client_id"), form.get("client_secret")};
        }
        throw new OAuthError(OAuthError.INVALID_CLIENT, "authenticate with HTTP Basic or client_id and client_secret");
    }

    /** The form's parameters; a repeated one is an error (RFC 6749 section 3.2). */
    private static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = utf8(body);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.put(name, value) != null) {
                throw new OAuthError(OAuthError.INVALID_REQUEST, "parameter " + name.replaceAll("[^a-z_]", "") + " is repeated");
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(OAuthError.INVALID_REQUEST, "the request is not valid form encoding");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new OAuthError(OAuthError.INVALID_REQUEST, "the request is not UTF-8");
        }
    }
}
