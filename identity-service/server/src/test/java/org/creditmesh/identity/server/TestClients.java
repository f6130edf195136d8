package org.creditmesh.identity.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real OAuth2 clients and tokens for tests: the bootstrap admin (configured by the test resources) registers
 * organisations over {@code /admin/organisations}, and their tokens come from {@code /oauth2/token}, exactly as a
 * deployment's would. {@link #shared} gives one organisation per role and running service, {@link #register} a new
 * one; {@link #token} fetches (and caches until shortly before expiry) a token. {@link #given()} is RestAssured's,
 * with the token of the role each VC-API path requires, for tests that are about something else than auth.
 */
public final class TestClients {

    public static final String ADMIN_ID = "test-admin";
    /** Test-only bootstrap secret, set by {@link EmbeddedPostgresResource} and {@link PersistentPostgresResource}. */
    public static final String ADMIN_SECRET = "test-only-bootstrap-admin-secret";

    /** Configuration every test resource adds: the bootstrap admin, a cheaper hash. */
    public static final Map<String, String> CONFIG = Map.of(
            "creditmesh.bootstrap.admin.client-id", ADMIN_ID,
            "creditmesh.bootstrap.admin.secret", ADMIN_SECRET,
            // Far below production's 600,000: tests hash many secrets; the scheme is the same.
            "creditmesh.auth.secret-hash.iterations", "10000");

    /** An organisation's credentials. */
    public record Client(String clientId, String secret, String role) {
    }

    private record CachedToken(String token, Instant refreshAfter) {
    }

    private static final Map<String, Client> SHARED = new ConcurrentHashMap<>();
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private TestClients() {
    }

    /** RestAssured with the token each path needs: bureau for issue/status, lender for verify, admin, regulator. */
    public static RequestSpecification given() {
        return RestAssured.given().filter(ROLE_TOKENS);
    }

    private static final Filter ROLE_TOKENS = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            roleFor(request.getUserDefinedPath()).ifPresent(role -> request.header("Authorization", "Bearer " + tokenFor(role)));
        }
        return context.next(request, response);
    };

    static Optional<String> roleFor(String path) {
        if (path.startsWith("/credentials/issue") || path.startsWith("/credentials/status")) {
            return Optional.of(Roles.BUREAU);
        }
        if (path.startsWith("/credentials/verify") || path.startsWith("/presentations/verify")) {
            return Optional.of(Roles.LENDER);
        }
        if (path.startsWith("/admin") || path.startsWith("/trust/") || path.startsWith("/subjects")) {
            return Optional.of(Roles.ADMIN);
        }
        if (path.startsWith("/oid4vci/offers") || path.startsWith("/retention")) {
            return Optional.of(Roles.BUREAU);
        }
        if (path.startsWith("/oid4vp/requests")) {
            return Optional.of(Roles.LENDER);
        }
        if (path.startsWith("/audit")) {
            return Optional.of(Roles.REGULATOR);
        }
        return Optional.empty();
    }

    /** A token of the shared organisation of {@code role} (the bootstrap admin's for admin). */
    public static String tokenFor(String role) {
        return token(shared(role));
    }

    /** The one organisation of {@code role} of the running service: registered on first use, kept across restarts. */
    public static Client shared(String role) {
        if (role.equals(Roles.ADMIN)) {
            return new Client(ADMIN_ID, ADMIN_SECRET, Roles.ADMIN);
        }
        return SHARED.computeIfAbsent(service() + " " + role, k -> {
            String id = "test-" + role;
            Response r = adminCall().contentType("application/json")
                    .body("{\"clientId\": \"" + id + "\", \"name\": \"Test " + role + "\", \"role\": \"" + role + "\"}")
                    .post("/admin/organisations");
            if (r.statusCode() == 409) {
                // Registered before a restart of the service (same database), whose secret this JVM forgot.
                r = adminCall().post("/admin/organisations/" + id + "/secret");
            }
            return new Client(id, secretOf(r), role);
        });
    }

    /** A new organisation of {@code role}, optionally with an issuer DID (bureaus). */
    public static Client register(String role, String clientId, String issuerDid) {
        String body = Json.write(Json.mapper().createObjectNode().put("clientId", clientId).put("name", "Test " + clientId)
                .put("role", role).put("issuerDid", issuerDid));
        return new Client(clientId, secretOf(adminCall().contentType("application/json").body(body).post("/admin/organisations")), role);
    }

    /** A token for {@code client}, fetched with HTTP Basic and reused until a minute before it expires. */
    public static String token(Client client) {
        String key = service() + " " + client.clientId() + " " + client.secret();
        CachedToken cached = TOKENS.get(key);
        if (cached != null && Instant.now().isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        Response r = RestAssured.given().auth().preemptive().basic(client.clientId(), client.secret())
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + client.clientId() + ": " + r.statusCode() + " " + r.asString());
        }
        JsonNode body = parse(r.asString());
        String token = body.path("access_token").asText();
        TOKENS.put(key, new CachedToken(token, Instant.now().plusSeconds(body.path("expires_in").asLong() - 60)));
        return token;
    }

    private static RequestSpecification adminCall() {
        return RestAssured.given().header("Authorization", "Bearer " + token(shared(Roles.ADMIN)));
    }

    private static String secretOf(Response r) {
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException("admin call failed: " + r.statusCode() + " " + r.asString());
        }
        return parse(r.asString()).path("clientSecret").asText();
    }

    /** Which running service: each test resource gives it a fresh data folder; a restart keeps it. */
    private static String service() {
        return ConfigProvider.getConfig().getValue("creditmesh.data-dir", String.class);
    }

    public static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (org.creditmesh.core.error.CreditMeshException e) {
            throw new IllegalStateException(e);
        }
    }
}
