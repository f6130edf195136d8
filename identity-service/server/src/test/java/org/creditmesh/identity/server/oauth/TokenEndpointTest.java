package org.creditmesh.identity.server.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.TestClients.Client;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The OAuth2 token endpoint (RFC 6749 section 4.4, client credentials) on real PostgreSQL: both client authentication
 * methods, the section 5.2 errors, RFC 9068 tokens, the JWKS and RFC 8414 metadata, organisations administration,
 * and client secrets stored only as PBKDF2 hashes.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TokenEndpointTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    AgroalDataSource dataSource;

    static Client newClient(String role) {
        return TestClients.register(role, role + "-" + UUID.randomUUID().toString().substring(0, 8), null);
    }

    static Response basic(Client c, String body) {
        return given().auth().preemptive().basic(c.clientId(), c.secret()).contentType(FORM).body(body).post("/oauth2/token");
    }

    static JsonNode claims(String jwt, int part) {
        return TestClients.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    @Test
    void issuesAnRfc9068AccessTokenToAClientAuthenticatedWithHttpBasic() {
        Client lender = newClient(Roles.LENDER);
        Response r = basic(lender, "grant_type=client_credentials");
        r.then().statusCode(200).contentType("application/json")
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(300)).body("scope", equalTo("lender"));
        String token = r.path("access_token");
        JsonNode header = claims(token, 0);
        JsonNode claims = claims(token, 1);
        assertThat(header.path("typ").asText()).isEqualTo("at+jwt");
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("kid").asText()).isNotEmpty();
        assertThat(claims.path("iss").asText()).isEqualTo("https://identity.creditmesh.test");
        assertThat(claims.path("aud").toString()).contains("https://identity.creditmesh.test");
        assertThat(claims.path("sub").asText()).isEqualTo(lender.clientId());
        assertThat(claims.path("client_id").asText()).isEqualTo(lender.clientId());
        assertThat(claims.path("roles").toString()).isEqualTo("[\"lender\"]");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        assertThat(claims.path("jti").asText()).isNotEmpty();
        // The kid names a key of the published JWKS.
        given().get("/oauth2/jwks").then().statusCode(200).contentType("application/jwk-set+json")
                .body("keys.kid", hasItem(header.path("kid").asText()))
                .body("keys[0].kty", equalTo("OKP")).body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void acceptsClientSecretPostAndRfc6749Section2_3_1FormEncodedBasicCredentials() {
        Client bureau = newClient(Roles.BUREAU);
        given().contentType(FORM).formParam("grant_type", "client_credentials").formParam("client_id", bureau.clientId())
                .formParam("client_secret", bureau.secret()).post("/oauth2/token")
                .then().statusCode(200).body("scope", equalTo("bureau"));
        // Basic credentials are the form-urlencoded id and secret (here nothing to escape, so the same).
        String basic = Base64.getEncoder().encodeToString((bureau.clientId() + ":" + bureau.secret()).getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).contentType(FORM + "; charset=UTF-8").body("grant_type=client_credentials&scope=bureau")
                .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void wrongSecretUnknownClientAndDisabledClientAreInvalidClientWith401AndADisabledClientsTokensStopWorking() {
        Client lender = newClient(Roles.LENDER);
        basic(new Client(lender.clientId(), lender.secret() + "x", Roles.LENDER), "grant_type=client_credentials")
                .then().statusCode(401).contentType("application/json").header("WWW-Authenticate", startsWith("Basic"))
                .body("error", equalTo("invalid_client"));
        basic(new Client("no-such-client", lender.secret(), Roles.LENDER), "grant_type=client_credentials")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(FORM).body("grant_type=client_credentials").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));

        String held = basic(lender, "grant_type=client_credentials").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(held).contentType("application/json").body("{}").post("/credentials/verify").then().statusCode(400);
        TestClients.given().post("/admin/organisations/" + lender.clientId() + "/disable").then().statusCode(200)
                .body("disabled", equalTo(true));
        basic(lender, "grant_type=client_credentials").then().statusCode(401).body("error", equalTo("invalid_client"));
        // The token it already holds stops working at once too.
        given().auth().oauth2(held).contentType("application/json").body("{}").post("/credentials/verify").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("disabled"));
    }

    @Test
    void badRequestsGetRfc6749Section5_2Errors() {
        Client lender = newClient(Roles.LENDER);
        basic(lender, "grant_type=authorization_code&code=x").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        basic(lender, "scope=lender").then().statusCode(400).body("error", equalTo("invalid_request"));
        basic(lender, "grant_type=client_credentials&grant_type=client_credentials").then().statusCode(400)
                .body("error", equalTo("invalid_request"));
        basic(lender, "grant_type=client_credentials&scope=bureau").then().statusCode(400).body("error", equalTo("invalid_scope"));
        basic(lender, "grant_type=client_credentials&resource=https://elsewhere.example").then().statusCode(400)
                .body("error", equalTo("invalid_target"));
        given().auth().preemptive().basic(lender.clientId(), lender.secret()).contentType("application/json")
                .body("{\"grant_type\": \"client_credentials\"}").post("/oauth2/token")
                .then().statusCode(400).contentType("application/json").body("error", equalTo("invalid_request"));
        // Two client authentication methods at once (RFC 6749 section 2.3).
        basic(lender, "grant_type=client_credentials&client_secret=" + lender.secret()).then().statusCode(400)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void publishesRfc8414Metadata() {
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("issuer", equalTo("https://identity.creditmesh.test"))
                .body("token_endpoint", equalTo("https://identity.creditmesh.test/oauth2/token"))
                .body("jwks_uri", equalTo("https://identity.creditmesh.test/oauth2/jwks"))
                .body("grant_types_supported", hasItem("client_credentials"))
                .body("token_endpoint_auth_methods_supported", hasItem("client_secret_basic"));
    }

    @Test
    void secretsAreStoredOnlyAsPbkdf2HashesAndRotationReplacesThem() throws SQLException {
        Client bureau = newClient(Roles.BUREAU);
        String hash = hashOf(bureau.clientId());
        assertThat(hash).startsWith("pbkdf2-sha256$10000$").doesNotContain(bureau.secret());
        assertThat(count("SELECT count(*) FROM organisation t WHERE t::text LIKE '%" + bureau.secret() + "%'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log t WHERE t::text LIKE '%" + bureau.secret() + "%'")).isZero();
        assertThat(count("SELECT count(*) FROM organisation t WHERE t::text LIKE '%" + TestClients.ADMIN_SECRET + "%'")).isZero();

        Response rotated = TestClients.given().post("/admin/organisations/" + bureau.clientId() + "/secret");
        rotated.then().statusCode(200).header("Cache-Control", containsString("no-store"));
        String secret = rotated.path("clientSecret");
        assertThat(secret).isNotEqualTo(bureau.secret()).hasSize(43);
        assertThat(hashOf(bureau.clientId())).isNotEqualTo(hash).doesNotContain(secret);
        basic(bureau, "grant_type=client_credentials").then().statusCode(401);
        basic(new Client(bureau.clientId(), secret, Roles.BUREAU), "grant_type=client_credentials").then().statusCode(200);
        // Never shown again.
        TestClients.given().get("/admin/organisations/" + bureau.clientId()).then().statusCode(200)
                .body("clientSecret", org.hamcrest.Matchers.nullValue()).body("role", equalTo("bureau"));
    }

    @Test
    void onlyAdminsAdministerOrganisationsAndBadRegistrationsAreProblems() {
        String bureau = TestClients.tokenFor(Roles.BUREAU);
        given().auth().oauth2(bureau).contentType("application/json").body("{\"name\": \"X\", \"role\": \"admin\"}")
                .post("/admin/organisations").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/forbidden"));
        given().contentType("application/json").body("{\"name\": \"X\", \"role\": \"admin\"}")
                .post("/admin/organisations").then().statusCode(401).contentType("application/problem+json");
        TestClients.given().contentType("application/json").body("{\"name\": \"X\", \"role\": \"janitor\"}")
                .post("/admin/organisations").then().statusCode(400)
                .body("type", equalTo("https://creditmesh.org/problems/invalid-organisation"));
        TestClients.given().contentType("application/json").body("{\"name\": \"X\", \"role\": \"lender\", \"clientId\": \"test-admin\"}")
                .post("/admin/organisations").then().statusCode(409)
                .body("type", equalTo("https://creditmesh.org/problems/organisation-exists"));
        TestClients.given().contentType("application/json").body("{\"name\": \"X\", \"role\": \"lender\", \"issuerDid\": \"did:web:x\"}")
                .post("/admin/organisations").then().statusCode(400)
                .body("detail", containsString("only a bureau"));
        TestClients.given().contentType("application/json").body("{\"name\": \"X\", \"role\": \"bureau\", \"issuerDid\": \"did:web:%zz\"}")
                .post("/admin/organisations").then().statusCode(400)
                .body("type", equalTo("https://creditmesh.org/problems/invalid-organisation"));
        TestClients.given().post("/admin/organisations/no-such-org/disable").then().statusCode(404)
                .body("type", equalTo("https://creditmesh.org/problems/organisation-not-found"));
    }

    private String hashOf(String clientId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT secret_hash FROM organisation WHERE client_id = ?")) {
            s.setString(1, clientId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
