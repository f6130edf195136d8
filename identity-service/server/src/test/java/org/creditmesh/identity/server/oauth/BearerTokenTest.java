package org.creditmesh.identity.server.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.TestClients.Client;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens on the VC-API (RFC 6750): 401 problem details with the Bearer challenge for a missing or refused
 * token (expired, another audience or issuer, a bad signature, not an at+jwt), 403 for the wrong role, and a
 * bureau's ownership of what it issued.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class BearerTokenTest {

    static final String PROBLEMS = "https://creditmesh.org/problems/";
    static final String ISSUER = "https://identity.creditmesh.test";

    @Inject
    AccessTokenIssuer issuer;

    @Inject
    TokenKeys keys;

    @Inject
    AgroalDataSource dataSource;

    static String issueRequest() {
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.mapper().createObjectNode();
        body.set("credential", org.creditmesh.identity.server.VcApiTestAccess.kyc());
        return Json.write(body);
    }

    static ValidatableResponse issueWith(String token) {
        return given().auth().oauth2(token).contentType("application/json").body(issueRequest()).post("/credentials/issue").then();
    }

    static void refused(String token, String why) {
        issueWith(token).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"))
                .body("detail", containsString(why))
                .header("WWW-Authenticate", containsString("Bearer realm=\"creditmesh\", error=\"invalid_token\""));
    }

    String signed(JWSHeader header, JWTClaimsSet claims, SigningKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new KeyJwsSigner(key));
        return jwt.serialize();
    }

    JWTClaimsSet.Builder validClaims(String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(clientId).audience(ISSUER).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60))).jwtID(UUID.randomUUID().toString())
                .claim("client_id", clientId).claim("roles", List.of(Roles.BUREAU));
    }

    JWSHeader.Builder validHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("at+jwt")).keyID(keys.signingKid());
    }

    @Test
    void noTokenIs401ProblemWithTheBearerChallenge() {
        given().contentType("application/json").body(issueRequest()).post("/credentials/issue")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unauthorized"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"creditmesh\""));
        given().contentType("application/json").body("{}").post("/credentials/verify").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/presentations/verify").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/credentials/status").then().statusCode(401);
    }

    @Test
    void aSelfMintedTokenWithTheServiceKeyIsAcceptedSoTheRefusalsBelowAreForTheirOneDefect() throws Exception {
        String bureau = TestClients.shared(Roles.BUREAU).clientId();
        issueWith(signed(validHeader().build(), validClaims(bureau).build(), keys.signingKey())).statusCode(201);
    }

    @Test
    void refusesAnExpiredToken() {
        String bureau = TestClients.shared(Roles.BUREAU).clientId();
        Instant past = Instant.now().minusSeconds(3600);
        refused(issuer.sign(bureau, List.of(Roles.BUREAU), List.of(ISSUER), past, past.plusSeconds(300)), "expired");
    }

    @Test
    void refusesTokensForAnotherAudienceFromAnotherIssuerWithABadSignatureOrType() throws Exception {
        String bureau = TestClients.shared(Roles.BUREAU).clientId();
        refused(signed(validHeader().build(), validClaims(bureau).audience("https://scoring.creditmesh.test").build(), keys.signingKey()), "aud");
        refused(signed(validHeader().build(), validClaims(bureau).issuer("https://evil.example").build(), keys.signingKey()), "issued by");
        // Another key under the service key's kid: the signature does not verify.
        refused(signed(validHeader().build(), validClaims(bureau).build(), SigningKey.generate(KeyType.ED25519)), "signature");
        // A signature over other bytes.
        String good = signed(validHeader().build(), validClaims(bureau).build(), keys.signingKey());
        String other = signed(validHeader().build(), validClaims("test-lender").build(), keys.signingKey());
        refused(good.substring(0, good.lastIndexOf('.')) + other.substring(other.lastIndexOf('.')), "signature");
        refused(signed(validHeader().type(JOSEObjectType.JWT).build(), validClaims(bureau).build(), keys.signingKey()), "typ");
        refused(signed(validHeader().keyID("unknown").build(), validClaims(bureau).build(), keys.signingKey()), "key");
        refused("not-a-jwt", "signed JWT");
    }

    @Test
    void theWrongRoleIs403Problem() {
        issueWith(TestClients.tokenFor(Roles.LENDER)).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "forbidden"))
                .header("WWW-Authenticate", containsString("insufficient_scope"));
        given().auth().oauth2(TestClients.tokenFor(Roles.REGULATOR)).contentType("application/json").body("{}")
                .post("/credentials/verify").then().statusCode(403);
        given().auth().oauth2(TestClients.tokenFor(Roles.LENDER)).post("/admin/organisations/test-admin/disable")
                .then().statusCode(403);
    }

    @Test
    void aBureauChangesTheStatusOnlyOfItsOwnCredentialsAndTheAuditNamesIt() throws SQLException {
        Client a = TestClients.register(Roles.BUREAU, "bureau-a-" + UUID.randomUUID().toString().substring(0, 8), null);
        Client b = TestClients.register(Roles.BUREAU, "bureau-b-" + UUID.randomUUID().toString().substring(0, 8), null);
        JsonNode vc = TestClients.parse(issueWith(TestClients.token(a)).statusCode(201).extract().asString()).path("verifiableCredential");
        String revoke = "{\"credentialId\":\"" + vc.path("id").asText() + "\",\"status\":\"revoked\"}";
        given().auth().oauth2(TestClients.token(b)).contentType("application/json").body(revoke).post("/credentials/status")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-credential-owner"));
        given().auth().oauth2(TestClients.token(a)).contentType("application/json").body(revoke).post("/credentials/status")
                .then().statusCode(200).body("revoked", equalTo(true));
        assertThat(actors(vc.path("id").asText())).containsExactly(a.clientId() + " issue", a.clientId() + " revoke");
        assertThat(owner(vc.path("id").asText())).isEqualTo(a.clientId());
    }

    @Test
    void anotherBureauReusingAnIdempotencyKeyGetsNothingOfTheFirst() {
        Client a = TestClients.register(Roles.BUREAU, "bureau-c-" + UUID.randomUUID().toString().substring(0, 8), null);
        Client b = TestClients.register(Roles.BUREAU, "bureau-d-" + UUID.randomUUID().toString().substring(0, 8), null);
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(TestClients.token(a)).header("Idempotency-Key", key).contentType("application/json")
                .body(issueRequest()).post("/credentials/issue").then().statusCode(201);
        given().auth().oauth2(TestClients.token(b)).header("Idempotency-Key", key).contentType("application/json")
                .body(issueRequest()).post("/credentials/issue").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
    }

    @Test
    void aBureauWithItsOwnDidIssuesAsThatDidWhoseDocumentTheServiceServes() {
        String name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String did = "did:web:identity.creditmesh.test:bureaus:" + name;
        Client acme = TestClients.register(Roles.BUREAU, name, did);
        // Unaccredited, its DID may not sign (the trust registry's issuance gate); accredited, it signs as that DID.
        issueWith(TestClients.token(acme)).statusCode(403).body("type", containsString("issuer-not-accredited"));
        String accreditation = Json.write(Json.mapper().createObjectNode().put("did", did)
                .put("validFrom", Instant.now().minusSeconds(86_400).toString())
                .put("validUntil", Instant.now().plusSeconds(86_400).toString())
                .set("types", Json.mapper().createArrayNode().add("KycCredential")));
        given().auth().oauth2(TestClients.tokenFor(Roles.ADMIN)).contentType("application/json").body(accreditation)
                .post("/trust/accreditations").then().statusCode(201);
        JsonNode vc = TestClients.parse(issueWith(TestClients.token(acme)).statusCode(201).extract().asString()).path("verifiableCredential");
        assertThat(vc.path("issuer").asText()).isEqualTo(did);
        assertThat(vc.path("proof").path("verificationMethod").asText()).isEqualTo(did + "#key-1");
        given().get("/bureaus/" + name + "/did.json").then().statusCode(200)
                .body("id", equalTo(did)).body("assertionMethod[0]", equalTo(did + "#key-1"));
        given().get("/bureaus/nobody/did.json").then().statusCode(404).contentType("application/problem+json");
        // Its status lists are its own, signed as that DID, so it verifies end to end: see IssuerStatusListTest.
    }

    @Test
    void regulatorsReadTheAuditLogAndNoOneElseDoes() {
        Client bureau = TestClients.register(Roles.BUREAU, "audited-" + UUID.randomUUID().toString().substring(0, 8), null);
        String id = TestClients.parse(issueWith(TestClients.token(bureau)).statusCode(201).extract().asString())
                .path("verifiableCredential").path("id").asText();
        long count = TestClients.parse(given().auth().oauth2(TestClients.tokenFor(Roles.REGULATOR)).get("/audit/verify")
                .then().statusCode(200).extract().asString()).path("count").asLong();
        given().auth().oauth2(TestClients.tokenFor(Roles.REGULATOR)).queryParam("after", Math.max(0, count - 100))
                .queryParam("limit", 1000).get("/audit").then().statusCode(200)
                .body("entries.find { it.subject_ref == '" + id + "' }.actor", equalTo(bureau.clientId()))
                .body("entries.find { it.subject_ref == '" + id + "' }.action", equalTo("issue"));
        given().auth().oauth2(TestClients.tokenFor(Roles.REGULATOR)).get("/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
        given().auth().oauth2(TestClients.tokenFor(Roles.REGULATOR)).queryParam("limit", 0).get("/audit").then().statusCode(400);
        given().auth().oauth2(TestClients.token(bureau)).get("/audit").then().statusCode(403);
        given().get("/audit").then().statusCode(401);
    }

    @Test
    void publicEndpointsNeedNoTokenAndIgnoreABadOne() {
        given().header("Authorization", "Bearer not-a-token").get("/oauth2/jwks").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").get("/status/no-such-list").then().statusCode(404);
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200);
    }

    private List<String> actors(String credentialId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT actor || ' ' || action FROM audit_log WHERE subject_ref = ? ORDER BY seq")) {
            s.setString(1, credentialId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    private String owner(String credentialId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT owner FROM issued_credential WHERE id = ?")) {
            s.setString(1, credentialId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
