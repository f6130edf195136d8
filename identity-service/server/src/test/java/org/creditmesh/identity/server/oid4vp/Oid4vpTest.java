package org.creditmesh.identity.server.oid4vp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.wallet.Oid4vpError;
import org.creditmesh.core.wallet.Oid4vpException;
import org.creditmesh.core.wallet.Oid4vpHeldCredential;
import org.creditmesh.core.wallet.Oid4vpPresenter;
import org.creditmesh.core.wallet.Oid4vpRequestObject;
import org.creditmesh.core.wallet.Oid4vpSubmission;
import org.creditmesh.core.wallet.Oid4vpTransport;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.ResultJson;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * OpenID4VP 1.0 end to end on a real embedded PostgreSQL, minus the OpenID4VCI leg: a bureau issues holder-bound
 * SD-JWT VCs through {@code POST /credentials/issue}; a lender creates a presentation request; the project's wallet
 * client ({@link Oid4vpPresenter}) fetches the signed request object over HTTP, verifies it, discloses only the
 * requested claims with a KB-JWT and posts {@code direct_post}; the lender retrieves the result once. Then revocation,
 * wrong nonce and audience, replays, tampered request objects, expiry and malformed responses.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class Oid4vpTest {

    private static final String PROBLEMS = "https://creditmesh.org/problems/";
    private static final String PUBLIC_URL = "https://identity.creditmesh.test";
    private static final String KYC_VCT = "https://creditmesh.org/vct/KycCredential";
    private static final String LENDER = "lender-1";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestIdentityAssociation identities;

    @TestHTTPResource("/")
    URL root;

    private final SigningKey holderKey = SigningKey.generate(KeyType.ED25519);

    // ---------------------------------------------------------------- the happy path and revocation

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void lenderSeesEveryCheckPassAndOnlyTheRequestedClaims() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified", "ageOver18");
        assertThat(created.path("authorization_request").asText())
                .startsWith("openid4vp://?client_id=decentralized_identifier%3Adid%3Ajwk%3A");
        given().when().get("/oid4vp/requests/" + created.path("id").asText() + "/result")
                .then().statusCode(202).body("status", equalTo("pending"));

        Oid4vpRequestObject request = wallet().fetchRequest(created.path("authorization_request").asText());
        assertThat(request.clientId()).isEqualTo(created.path("client_id").asText());
        ObjectNode vpToken = wallet().vpToken(request, List.of(kyc.held()));
        String presentation = vpToken.path("kyc").get(0).asText();
        assertThat(SdJwtHolder.parse(presentation).disclosablePaths())
                .containsExactlyInAnyOrder(ClaimPath.of("identityVerified"), ClaimPath.of("ageOver18"));
        Oid4vpSubmission submission = wallet().submit(request, vpToken);
        assertThat(submission.status()).isEqualTo(200);
        assertThat(submission.redirectUri()).contains("https://lender.example/after-presentation");

        assertThat(storedResult(created.path("id").asText())).doesNotContain("ageOver18", "identityVerified");
        JsonNode result = result(created.path("id").asText(), 200);
        assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("status").asText()).isEqualTo("verified");
        JsonNode credential = result.path("credentials").get(0);
        assertThat(credential.path("query_id").asText()).isEqualTo("kyc");
        assertThat(ResultJson.checks(credential)).contains("signature=passed", "disclosures=passed", "validity_period=passed",
                "holder_binding=passed", "status=passed", "dcql=passed").noneMatch(c -> c.endsWith("=failed"));
        assertThat(ResultJson.fieldNames(credential.path("claims"))).containsExactlyInAnyOrder("identityVerified", "ageOver18");
        assertThat(credential.path("warnings")).isEmpty();

        given().when().get("/oid4vp/requests/" + created.path("id").asText() + "/result")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "oid4vp-result-gone"));
        assertThat(storedResult(created.path("id").asText())).isNull();
        assertThat(auditOf(created.path("id").asText()))
                .containsExactly("lender-1 oid4vp-request", "wallet oid4vp-response", "lender-1 oid4vp-result");
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void aWalletThatDeclinesAnswersWithAnErrorTheLenderSees() throws Exception {
        JsonNode created = createRequest("identityVerified");
        String jwt = given().when().get(URI.create(created.path("request_uri").asText()).getPath()).then().statusCode(200)
                .extract().asString();
        String state = Json.parseObject(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("state").asText();
        given().contentType("application/x-www-form-urlencoded").formParam("error", "access_denied").formParam("state", state)
                .when().post("/oid4vp/response").then().statusCode(200);
        JsonNode result = result(created.path("id").asText(), 200);
        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).isEqualTo("access_denied");
        assertThat(result.path("failures").toString()).contains("wallet_error");
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void theSamePresentationFlowFailsWithRevokedOnceTheBureauRevokes() throws Exception {
        Issued kyc = issueKyc();
        JsonNode before = createRequest("identityVerified");
        assertThat(wallet().present(before.path("authorization_request").asText(), List.of(kyc.held())).accepted()).isTrue();
        assertThat(result(before.path("id").asText(), 200).path("verified").asBoolean()).isTrue();

        asBureau(() -> given().contentType("application/json")
                .body("{\"credentialId\":\"" + kyc.id() + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status").then().statusCode(200).body("revoked", equalTo(true)));

        JsonNode after = createRequest("identityVerified");
        assertThat(wallet().present(after.path("authorization_request").asText(), List.of(kyc.held())).accepted()).isTrue();
        JsonNode result = result(after.path("id").asText(), 200);
        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("failures").toString()).contains("\"revoked\"");
        JsonNode credential = result.path("credentials").get(0);
        assertThat(ResultJson.checks(credential)).contains("status=failed", "signature=passed", "holder_binding=passed", "dcql=skipped");
        assertThat(credential.has("claims")).isFalse();
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void extraDisclosedClaimsAreAWarningAndNeverReachTheLender() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified");
        Oid4vpRequestObject request = wallet().fetchRequest(created.path("authorization_request").asText());
        // An over-sharing wallet: discloses maritalStatus too, correctly bound to this request.
        String oversharing = SdJwtHolder.parse(kyc.sdJwt()).present(List.of(ClaimPath.of("identityVerified"),
                ClaimPath.of("maritalStatus")), holderKey, request.clientId(), request.nonce(), Clock.systemUTC().instant()).serialize();
        ObjectNode token = Json.mapper().createObjectNode();
        token.putArray("kyc").add(oversharing);
        assertThat(wallet().submit(request, token).accepted()).isTrue();
        JsonNode credential = result(created.path("id").asText(), 200).path("credentials").get(0);
        assertThat(credential.path("verified").asBoolean()).isTrue();
        assertThat(ResultJson.fieldNames(credential.path("claims"))).containsExactly("identityVerified");
        assertThat(credential.path("warnings").toString()).contains("maritalStatus").doesNotContain("married");
    }

    // ---------------------------------------------------------------- binding: nonce, audience, replay

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void aPresentationBoundToAnotherRequestsNonceFailsHolderBinding() throws Exception {
        Issued kyc = issueKyc();
        Oid4vpRequestObject first = wallet().fetchRequest(createRequest("identityVerified").path("authorization_request").asText());
        JsonNode second = createRequest("identityVerified");
        Oid4vpRequestObject secondRequest = wallet().fetchRequest(second.path("authorization_request").asText());
        ObjectNode boundToFirst = wallet().vpToken(first, List.of(kyc.held()));
        assertThat(wallet().submit(secondRequest, boundToFirst).accepted()).isTrue();
        JsonNode result = result(second.path("id").asText(), 200);
        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(ResultJson.checks(result.path("credentials").get(0))).contains("holder_binding=failed");
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void aPresentationForAnotherAudienceFailsHolderBinding() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified");
        Oid4vpRequestObject genuine = wallet().fetchRequest(created.path("authorization_request").asText());
        Oid4vpRequestObject otherVerifier = new Oid4vpRequestObject("decentralized_identifier:did:jwk:eyJvdGhlciI6dHJ1ZX0",
                genuine.verifierDid(), genuine.responseUri(), genuine.nonce(), genuine.state(), genuine.dcqlQuery(), genuine.jwt());
        assertThat(wallet().submit(genuine, wallet().vpToken(otherVerifier, List.of(kyc.held()))).accepted()).isTrue();
        JsonNode result = result(created.path("id").asText(), 200);
        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(ResultJson.checks(result.path("credentials").get(0))).contains("holder_binding=failed");
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void aSecondResponseForTheSameStateIsRefusedAsAReplay() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified");
        Oid4vpRequestObject request = wallet().fetchRequest(created.path("authorization_request").asText());
        ObjectNode token = wallet().vpToken(request, List.of(kyc.held()));
        assertThat(wallet().submit(request, token).status()).isEqualTo(200);
        Oid4vpSubmission replay = wallet().submit(request, token);
        assertThat(replay.status()).isEqualTo(400);
        JsonNode problem = Json.parse(replay.body());
        assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "oid4vp-response-replayed");
        assertThat(problem.path("error").asText()).isEqualTo("invalid_request");
        assertThat(result(created.path("id").asText(), 200).path("verified").asBoolean()).isTrue();
        // Once answered, the request object is no longer served.
        given().when().get(URI.create(created.path("request_uri").asText()).getPath()).then().statusCode(410);
    }

    // ---------------------------------------------------------------- the wallet checks the request object

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void theWalletRefusesATamperedOrMisattributedRequestObject() throws Exception {
        JsonNode created = createRequest("identityVerified");
        String clientId = created.path("client_id").asText();
        String jwt = given().accept("application/oauth-authz-req+jwt")
                .when().get(URI.create(created.path("request_uri").asText()).getPath())
                .then().statusCode(200).contentType("application/oauth-authz-req+jwt").extract().asString();
        assertThat(wallet().verifyRequest(clientId, jwt).nonce()).isNotEmpty();

        String[] parts = jwt.split("\\.");
        ObjectNode claims = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("response_uri", "https://attacker.example/collect");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> wallet().verifyRequest(clientId, tampered))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.INVALID_REQUEST_SIGNATURE));

        String otherDid = "decentralized_identifier:" + org.creditmesh.core.did.DidJwk.create(
                SigningKey.generate(KeyType.P256).publicKey());
        assertThatThrownBy(() -> wallet().verifyRequest(otherDid, jwt))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.INVALID_REQUEST_SIGNATURE));
        assertThatThrownBy(() -> wallet().verifyRequest("redirect_uri:https://lender.example/cb", jwt))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.UNSUPPORTED_CLIENT_ID_PREFIX));
        String unsigned = parts[0] + "." + parts[1] + ".";
        assertThatThrownBy(() -> wallet().verifyRequest(clientId, unsigned)).isInstanceOf(Oid4vpException.class);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void badResponsesGetTypedErrorsAndDoNotConsumeTheRequest() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified");
        Oid4vpRequestObject request = wallet().fetchRequest(created.path("authorization_request").asText());
        String state = request.state().orElseThrow();

        given().contentType("application/json").body("{\"vp_token\":{},\"state\":\"" + state + "\"}")
                .when().post("/oid4vp/response").then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unsupported-media-type")).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded").formParam("vp_token", "{}").formParam("state", "no-such-state")
                .when().post("/oid4vp/response").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "oid4vp-unknown-state"));
        for (String malformed : List.of("not json", "[]", "{\"kyc\":\"not-an-array\"}", "{\"other\":[\"x\"]}", "{\"kyc\":[]}")) {
            given().contentType("application/x-www-form-urlencoded").formParam("vp_token", malformed).formParam("state", state)
                    .when().post("/oid4vp/response").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "oid4vp-malformed-response")).body("error", equalTo("invalid_request"));
        }
        given().contentType("application/x-www-form-urlencoded").formParam("state", state)
                .when().post("/oid4vp/response").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "oid4vp-malformed-response"));
        // None of that consumed the request: the genuine response is still accepted and verifies.
        assertThat(wallet().submit(request, wallet().vpToken(request, List.of(kyc.held()))).accepted()).isTrue();
        assertThat(result(created.path("id").asText(), 200).path("verified").asBoolean()).isTrue();
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void anExpiredRequestIsNeitherServedNorAnswerable() throws Exception {
        Issued kyc = issueKyc();
        JsonNode created = createRequest("identityVerified");
        Oid4vpRequestObject request = wallet().fetchRequest(created.path("authorization_request").asText());
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement(
                     "UPDATE oid4vp_request SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            u.setString(1, created.path("id").asText());
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        Oid4vpSubmission late = wallet().submit(request, wallet().vpToken(request, List.of(kyc.held())));
        assertThat(late.status()).isEqualTo(410);
        assertThat(Json.parse(late.body()).path("type").asText()).isEqualTo(PROBLEMS + "oid4vp-request-expired");
        given().when().get(URI.create(created.path("request_uri").asText()).getPath()).then().statusCode(410)
                .contentType("application/problem+json");
        given().when().get("/oid4vp/requests/" + created.path("id").asText() + "/result").then().statusCode(410)
                .body("type", equalTo(PROBLEMS + "oid4vp-request-expired"));
        assertThatThrownBy(() -> wallet().fetchRequest(created.path("authorization_request").asText()))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.REQUEST_OBJECT_UNAVAILABLE));
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void invalidOrUnsupportedQueriesAreRefused() {
        String[] bodies = {
            "{}",
            "{\"credentials\":[]}",
            "{\"credentials\":[{\"type\":\"Kyc Credential\"}]}",
            "{\"credentials\":[{\"type\":\"KycCredential\",\"claims\":[\"a..b\"]}]}",
            "{\"dcql_query\":{\"credentials\":[{\"id\":\"a\",\"format\":\"dc+sd-jwt\"}]}}",
            "{\"dcql_query\":{\"credentials\":[{\"id\":\"a\",\"format\":\"dc+sd-jwt\",\"meta\":{\"vct_values\":[\"x\"]}},"
                    + "{\"id\":\"a\",\"format\":\"dc+sd-jwt\",\"meta\":{\"vct_values\":[\"x\"]}}]}}",
        };
        for (String body : bodies) {
            int status = given().contentType("application/json").body(body).when().post("/oid4vp/requests")
                    .then().contentType("application/problem+json").extract().statusCode();
            assertThat(status).as(body).isIn(400, 422);
        }
        given().contentType("application/json").body("{\"dcql_query\":{\"credentials\":[{\"id\":\"a\",\"format\":\"jwt_vc_json\",\"meta\":{}}]}}")
                .when().post("/oid4vp/requests").then().statusCode(422).body("type", equalTo(PROBLEMS + "oid4vp-unsupported-query"));
        given().contentType("application/json").body("{\"dcql_query\":{\"credentials\":[{\"id\":\"a\",\"format\":\"dc+sd-jwt\","
                + "\"meta\":{\"vct_values\":[\"x\"]}}],\"credential_sets\":[{\"options\":[[\"a\"]]}]}}")
                .when().post("/oid4vp/requests").then().statusCode(422).body("type", equalTo(PROBLEMS + "oid4vp-unsupported-query"));
        given().contentType("application/json").body("{\"dcql_query\":{\"credentials\":[{\"id\":\"a\",\"format\":\"dc+sd-jwt\","
                + "\"meta\":{\"vct_values\":[\"x\"]},\"claims\":[{\"path\":[\"a\",null,-1]}]}]}}")
                .when().post("/oid4vp/requests").then().statusCode(422).body("type", equalTo(PROBLEMS + "oid4vp-invalid-query"));
        given().contentType("application/json").body("{\"dcql_query\":{\"credentials\":[{\"id\":\"kyc\",\"format\":\"dc+sd-jwt\","
                + "\"meta\":{\"vct_values\":[\"" + KYC_VCT + "\"]},\"claims\":[{\"path\":[\"employment\",\"jobSkillLevel\"]}]}]}}")
                .when().post("/oid4vp/requests").then().statusCode(201);
    }

    @Test
    @TestSecurity(user = LENDER, roles = Roles.LENDER)
    void onlyTheLenderThatCreatedARequestRetrievesItsResult() {
        JsonNode created = createRequest("identityVerified");
        SecurityIdentity mine = identities.getTestIdentity();
        try {
            identities.setTestIdentity(identity("lender-2", Roles.LENDER));
            given().when().get("/oid4vp/requests/" + created.path("id").asText() + "/result").then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "oid4vp-request-not-found"));
            identities.setTestIdentity(identity("bureau-1", Roles.BUREAU));
            given().when().get("/oid4vp/requests/" + created.path("id").asText() + "/result").then().statusCode(403);
            given().contentType("application/json").body("{\"credentials\":[{\"type\":\"KycCredential\"}]}")
                    .when().post("/oid4vp/requests").then().statusCode(403);
        } finally {
            identities.setTestIdentity(mine);
        }
        given().when().get("/oid4vp/requests/no-such-request/result").then().statusCode(404);
    }

    @Test
    void theVerifierKeyIsPublishedAsAJwkSetAndInTheClientIdsDid() throws Exception {
        JsonNode jwks = Json.parse(given().when().get("/oid4vp/jwks").then().statusCode(200).extract().asString());
        JsonNode key = jwks.path("keys").get(0);
        assertThat(key.path("kty").asText()).isEqualTo("EC");
        assertThat(key.path("alg").asText()).isEqualTo("ES256");
        assertThat(key.path("kid").asText()).startsWith("did:jwk:").endsWith("#0");
    }

    // ---------------------------------------------------------------- helpers

    /** An issued credential, its id, and the wallet's view of it. */
    private record Issued(String id, String sdJwt, Oid4vpHeldCredential held) {
    }

    /** A bureau issues a KYC SD-JWT VC bound to the holder key, with most subject claims selectively disclosable. */
    private Issued issueKyc() throws Exception {
        ObjectNode credential;
        try (InputStream in = Oid4vpTest.class.getResourceAsStream("/kyc-unsigned.json")) {
            credential = Json.parseObject(in.readAllBytes());
        }
        String id = "urn:uuid:" + UUID.randomUUID();
        credential.put("id", id);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("credential", credential);
        ObjectNode options = body.putObject("options");
        options.put("format", "dc+sd-jwt");
        options.put("holder", DidKey.create(holderKey.publicKey()).toString());
        var disclosable = options.putArray("disclosable");
        for (String claim : List.of("identityVerified", "assuranceLevel", "countryOfResidence", "ageBand", "ageOver18",
                "maritalStatus", "sex", "employment", "financialProfile", "employment.jobSkillLevel")) {
            disclosable.add(claim);
        }
        String[] response = new String[1];
        asBureau(() -> response[0] = given().contentType("application/json").body(Json.write(body))
                .when().post("/credentials/issue").then().statusCode(201).extract().asString());
        String envelope = Json.parse(response[0]).path("verifiableCredential").path("id").asText();
        String sdJwt = org.creditmesh.core.credential.EnvelopedCredential.parse(envelope).data();
        return new Issued(id, sdJwt, new Oid4vpHeldCredential(sdJwt, holderKey));
    }

    private JsonNode createRequest(String... claims) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode query = body.putArray("credentials").addObject();
        query.put("id", "kyc");
        query.put("type", "KycCredential");
        var paths = query.putArray("claims");
        for (String c : claims) {
            paths.add(c);
        }
        body.put("redirect_uri", "https://lender.example/after-presentation");
        String response = given().contentType("application/json").body(Json.write(body))
                .when().post("/oid4vp/requests").then().statusCode(201).contentType("application/json").extract().asString();
        return parse(response);
    }

    private JsonNode result(String id, int status) {
        return parse(given().when().get("/oid4vp/requests/" + id + "/result").then().statusCode(status).extract().asString());
    }

    /** "actor action" of the audit entries about a request, in order; the log holds no claim values. */
    private List<String> auditOf(String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT actor, action, outcome FROM audit_log WHERE subject_ref = ? ORDER BY seq")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(3)).doesNotContain("true", "identityVerified");
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The stored (encrypted) result as text, or null when it was deleted. */
    private String storedResult(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT result FROM oid4vp_request WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                byte[] bytes = rs.getBytes(1);
                return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** The project's wallet, reaching this service over real HTTP: the public https URL is mapped to the test port. */
    private Oid4vpPresenter wallet() {
        Oid4vpTransport http = Oid4vpTransport.http(HttpClient.newHttpClient(), Oid4vpPresenter.MAX_BODY_BYTES);
        String local = root.toString().replaceAll("/+$", "");
        Oid4vpTransport mapped = new Oid4vpTransport() {
            @Override
            public Response get(URI uri, String accept) throws IOException, InterruptedException {
                return http.get(map(uri), accept);
            }

            @Override
            public Response postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException {
                return http.postForm(map(uri), form);
            }

            private URI map(URI uri) {
                assertThat(uri.toString()).startsWith(PUBLIC_URL);
                return URI.create(local + uri.toString().substring(PUBLIC_URL.length()));
            }
        };
        return new Oid4vpPresenter(mapped, CredentialVerifier.offlineDidResolver(), Clock.systemUTC());
    }

    private void asBureau(Runnable call) {
        SecurityIdentity previous = identities.getTestIdentity();
        identities.setTestIdentity(identity("bureau-1", Roles.BUREAU));
        try {
            call.run();
        } finally {
            identities.setTestIdentity(previous);
        }
    }

    private static SecurityIdentity identity(String user, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(role).build();
    }

    private static JsonNode parse(String json) {
        return TestClients.parse(json);
    }
}
