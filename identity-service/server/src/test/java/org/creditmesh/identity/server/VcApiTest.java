package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The W3C VC-API endpoints on a real embedded PostgreSQL: issue (201) in the three securing formats, verify (200
 * when valid, 422 problem details with the report when not), status changes seen by verification, idempotent
 * retries, problem details for bad input, and what the database keeps (no claim values).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VcApiTest {

    private static final String PROBLEMS = "https://creditmesh.org/problems/";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    static ObjectNode kyc() {
        try (InputStream in = VcApiTest.class.getResourceAsStream("/kyc-unsigned.json")) {
            return Json.parseObject(in.readAllBytes());
        } catch (IOException | org.creditmesh.core.error.CreditMeshException e) {
            throw new IllegalStateException(e);
        }
    }

    static String issueRequest(String format) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("credential", kyc());
        if (format != null) {
            body.putObject("options").put("format", format);
        }
        return Json.write(body);
    }

    static JsonNode issue(String format) {
        String body = given().contentType("application/json").body(issueRequest(format))
                .when().post("/credentials/issue")
                .then().statusCode(201).contentType("application/json").extract().asString();
        return parse(body).get("verifiableCredential");
    }

    static Response verify(JsonNode verifiableCredential) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiableCredential", verifiableCredential);
        return given().contentType("application/json").body(Json.write(body)).when().post("/credentials/verify");
    }

    static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (org.creditmesh.core.error.CreditMeshException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void issuesDataIntegrityByDefaultWithStatusEntriesItAssignedItself() {
        JsonNode vc = issue(null);
        assertThat(vc.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(vc.path("issuer").asText()).startsWith("did:key:z6Mk");
        assertThat(vc.path("id").asText()).startsWith("urn:uuid:");
        JsonNode status = vc.path("credentialStatus");
        assertThat(status.size()).isEqualTo(2);
        assertThat(status.get(0).path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get(0).path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(status.get(1).path("statusPurpose").asText()).isEqualTo("suspension");
        assertThat(status.get(0).path("statusListCredential").asText()).startsWith("https://identity.creditmesh.test/status/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vc+jwt", "dc+sd-jwt"})
    void issuesEnvelopedCredentialsForTheJoseFormats(String format) {
        JsonNode vc = issue(format);
        assertThat(vc.path("type").asText()).isEqualTo("EnvelopedVerifiableCredential");
        assertThat(vc.path("id").asText()).startsWith("data:application/" + format + ",ey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"di", "vc+jwt", "dc+sd-jwt"})
    void verifiesWhatItIssuedWith200AndEveryCheck(String format) {
        JsonNode vc = issue(format);
        JsonNode report = parse(verify(vc).then().statusCode(200).contentType("application/json").extract().asString());
        assertThat(report.path("verified").asBoolean()).isTrue();
        List<String> checks = new ArrayList<>();
        report.path("checks").forEach(c -> checks.add(c.path("check").asText() + "=" + c.path("outcome").asText()));
        assertThat(checks).contains("signature=passed", "validity_period=passed");
        assertThat(checks).noneMatch(c -> c.endsWith("=failed"));
        if (!format.equals("dc+sd-jwt")) {
            assertThat(checks).contains("status=passed", "data_model=passed");
        }
    }

    @Test
    void issuesAndVerifiesAVcdm11Credential() {
        String request = """
                {"credential": {
                  "@context": ["https://www.w3.org/2018/credentials/v1"],
                  "type": ["VerifiableCredential"],
                  "issuanceDate": "2026-01-01T00:00:00Z",
                  "credentialSubject": {"id": "did:example:subject"}
                }, "options": {"format": "di"}}""";
        String body = given().contentType("application/json").body(request).when().post("/credentials/issue")
                .then().log().ifValidationFails().statusCode(201).extract().asString();
        JsonNode vc = parse(body).get("verifiableCredential");
        assertThat(vc.path("issuanceDate").asText()).isEqualTo("2026-01-01T00:00:00Z");
        verify(vc).then().log().ifValidationFails().statusCode(200);
    }

    @Test
    void tamperedCredentialFailsWith422ProblemCarryingTheReport() {
        ObjectNode vc = (ObjectNode) issue("di");
        ((ObjectNode) vc.get("credentialSubject")).put("ageBand", "18-24");
        verify(vc).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "verification-failed"))
                .body("status", equalTo(422))
                .body("verified", equalTo(false))
                .body("detail", containsString("signature"))
                .body("checks.find { it.check == 'signature' }.code", equalTo("signature"));
    }

    @Test
    void revokedCredentialFailsWithRevokedAndRevocationIsFinal() {
        JsonNode vc = issue("di");
        String id = vc.path("id").asText();
        verify(vc).then().statusCode(200);
        given().contentType("application/json").body("{\"credentialId\":\"" + id + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status")
                .then().statusCode(200).body("revoked", equalTo(true));
        verify(vc).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
        given().contentType("application/json").body("{\"credentialId\":\"" + id + "\",\"status\":\"active\"}")
                .when().post("/credentials/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "status-not-changeable"));
    }

    @Test
    void suspendedJwtCredentialFailsUntilReinstated() {
        JsonNode vc = issue("vc+jwt");
        String jwt = vc.path("id").asText().substring("data:application/vc+jwt,".length());
        String id = parse(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).path("id").asText();
        String vcApiForm = "{\"credentialId\":\"" + id + "\",\"credentialStatus\":[{\"type\":\"BitstringStatusListCredential\",\"status\":\"%s\"}]}";
        given().contentType("application/json").body(vcApiForm.formatted("suspended")).when().post("/credentials/status")
                .then().statusCode(200).body("suspended", equalTo(true));
        verify(vc).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("suspended"));
        given().contentType("application/json").body(vcApiForm.formatted("active")).when().post("/credentials/status")
                .then().statusCode(200).body("suspended", equalTo(false));
        verify(vc).then().statusCode(200);
    }

    @Test
    void idempotencyKeyRetryReturnsTheSameCredentialAndIssuesOnce() throws SQLException {
        String key = UUID.randomUUID().toString();
        String request = issueRequest("di");
        long before = count("SELECT count(*) FROM issued_credential");
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(request)
                .when().post("/credentials/issue").then().statusCode(201).extract().asString();
        String second = given().contentType("application/json").header("Idempotency-Key", key).body(request)
                .when().post("/credentials/issue").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM issued_credential")).isEqualTo(before + 1);
        String id = parse(first).path("verifiableCredential").path("id").asText();
        assertThat(count("SELECT count(*) FROM issued_credential WHERE id = '" + id + "'")).isEqualTo(1);

        given().contentType("application/json").header("Idempotency-Key", key).body(issueRequest("vc+jwt"))
                .when().post("/credentials/issue").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/credentials/issue")
    java.net.URI issueUri;

    @Test
    void concurrentRetriesWithOneIdempotencyKeyIssueOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String request = issueRequest("vc+jwt");
        long before = count("SELECT count(*) FROM issued_credential");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(issueUri)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + TestClients.tokenFor(org.creditmesh.identity.server.security.Roles.BUREAU))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request)).build();
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(client.sendAsync(post, java.net.http.HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (var f : sent) {
            var response = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(201);
            bodies.add(response.body());
        }
        assertThat(bodies).hasSize(1);
        assertThat(count("SELECT count(*) FROM issued_credential")).isEqualTo(before + 1);
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType("application/json").body("{\"credential\": ").when().post("/credentials/issue")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-json")).body("title", notNullValue())
                .body("status", equalTo(400)).body(org.hamcrest.Matchers.not(containsString("Exception")));
    }

    @Test
    void duplicateMembersAreMalformedJson() {
        given().contentType("application/json").body("{\"credential\": {}, \"credential\": {}}").when().post("/credentials/issue")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "malformed-json"));
    }

    @Test
    void wrongContentTypeIsAProblem() {
        given().contentType("text/plain").body(issueRequest(null)).when().post("/credentials/issue")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "unsupported-media-type"));
    }

    @Test
    void missingCredentialAndUnknownFormatAreProblems() {
        given().contentType("application/json").body("{\"options\": {}}").when().post("/credentials/issue")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
        given().contentType("application/json").body(issueRequest("cbor-ld")).when().post("/credentials/issue")
                .then().statusCode(422).body("type", equalTo(PROBLEMS + "unsupported-format"));
    }

    @Test
    void tooLargeBodyIsAProblem() {
        String big = "{\"credential\": {\"pad\": \"" + "x".repeat(300 * 1024) + "\"}}";
        given().contentType("application/json").body(big).when().post("/credentials/issue")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "payload-too-large"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().when().get("/credentials/issue").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "method-not-allowed"));
    }

    @Test
    void statusListIsServedWithCachingHeaders() {
        JsonNode vc = issue("di");
        String url = vc.path("credentialStatus").get(0).path("statusListCredential").asText();
        String path = url.substring("https://identity.creditmesh.test".length());
        Response r = given().when().get(path);
        r.then().statusCode(200).contentType("application/json").header("Cache-Control", containsString("max-age=60"))
                .header("ETag", startsWith("\"v")).body("type", org.hamcrest.Matchers.hasItem("BitstringStatusListCredential"))
                .body("credentialSubject.encodedList", startsWith("u"));
        given().header("If-None-Match", r.getHeader("ETag")).when().get(path).then().statusCode(304);
        given().when().get("/status/no-such-list").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void databaseKeepsNoClaimValues() throws SQLException {
        String key = UUID.randomUUID().toString();
        given().contentType("application/json").header("Idempotency-Key", key).body(issueRequest("di"))
                .when().post("/credentials/issue").then().statusCode(201);
        issue("vc+jwt");
        issue("dc+sd-jwt");
        assertThat(count("SELECT count(*) FROM idempotency WHERE key = '" + key + "'")).isEqualTo(1);
        // Distinctive claim values of the KYC credential, and the subject's DID.
        List<String> claimValues = List.of("nationalIdCard", "substantial", "35-44", "healthyBalance", "carOrOther",
                "4To7Years", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
        for (String table : List.of("issued_credential", "status_list", "idempotency", "audit_log")) {
            assertThat(count("SELECT count(*) FROM " + table)).as(table).isPositive();
            for (String value : claimValues) {
                assertThat(count("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + value + "%'"))
                        .as(table + " holds " + value).isZero();
            }
        }
    }

    @Test
    void everyIssueRevokeAndVerifyAppendsToAnIntactHashChain() throws SQLException {
        long before = count("SELECT count(*) FROM audit_log");
        JsonNode vc = issue("di");
        verify(vc).then().statusCode(200);
        given().contentType("application/json").body("{\"credentialId\":\"" + vc.path("id").asText() + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(before + 3);
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject_ref = '" + vc.path("id").asText() + "' AND action IN ('issue','revoke')"))
                .isEqualTo(2);
        try (Connection c = dataSource.getConnection()) {
            assertThat(audit.verifyChain(c)).isEqualTo(-1);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_log")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(s::execute).hasMessageContaining("append-only");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"di", "vc+jwt"})
    void verifiesPresentationsBoundToTheVerifiersChallenge(String format) throws Exception {
        var holderKey = org.creditmesh.core.keys.SigningKey.generate(org.creditmesh.core.keys.KeyType.ED25519);
        var presenter = new org.creditmesh.core.issuer.CredentialPresenter(holderKey, java.time.Clock.systemUTC());
        ObjectNode request = (ObjectNode) parse(issueRequest(format));
        ((ObjectNode) request.get("credential").get("credentialSubject")).put("id", presenter.holder());
        JsonNode vc = parse(given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(201).extract().asString()).get("verifiableCredential");
        String credential = vc.path("type").asText().equals("EnvelopedVerifiableCredential")
                ? vc.path("id").asText().substring(vc.path("id").asText().indexOf(',') + 1) : Json.write(vc);
        String vp = presenter.present(credential, List.of(), new org.creditmesh.core.verifier.Challenge("n-0S6_WzA2Mj", "https://lender.example"));
        ObjectNode body = Json.mapper().createObjectNode();
        if (format.equals("di")) {
            body.set("verifiablePresentation", parse(vp));
        } else {
            body.put("verifiablePresentation", vp);
        }
        body.putObject("options").put("challenge", "n-0S6_WzA2Mj").put("domain", "https://lender.example");
        given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify")
                .then().log().ifValidationFails().statusCode(200).body("verified", equalTo(true)).body("kind", equalTo("presentation"))
                .body("credentials[0].verified", equalTo(true));
        body.putObject("options").put("challenge", "another-nonce").put("domain", "https://lender.example");
        given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify")
                .then().statusCode(422).contentType("application/problem+json").body("verified", equalTo(false));
    }

    @Test
    void echoesOrAssignsARequestId() {
        given().header("X-Request-Id", "lender-42.a").when().get("/status/no-such-list")
                .then().statusCode(404).header("X-Request-Id", "lender-42.a");
        given().header("X-Request-Id", "not acceptable <id>").contentType("application/json").body("{}")
                .when().post("/credentials/verify")
                .then().statusCode(400).header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void issuesSelectivelyDisclosableHolderBoundSdJwtsAndPresentsOnlyWhatIsAsked() throws Exception {
        var holderKey = org.creditmesh.core.keys.SigningKey.generate(org.creditmesh.core.keys.KeyType.ED25519);
        var presenter = new org.creditmesh.core.issuer.CredentialPresenter(holderKey, java.time.Clock.systemUTC());
        ObjectNode request = (ObjectNode) parse(issueRequest("dc+sd-jwt"));
        ((ObjectNode) request.get("options")).put("holder", presenter.holder())
                .putArray("disclosable").add("ageBand").add("countryOfResidence").add("employment");
        JsonNode vc = parse(given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(201).extract().asString()).get("verifiableCredential");
        String sdJwt = vc.path("id").asText().substring("data:application/dc+sd-jwt,".length());
        assertThat(sdJwt.split("~")).hasSizeGreaterThanOrEqualTo(4);
        String presentation = presenter.present(sdJwt, List.of(org.creditmesh.core.issuer.ClaimPaths.parse("ageBand")),
                new org.creditmesh.core.verifier.Challenge("n-1", "https://lender.example"));
        ObjectNode body = Json.mapper().createObjectNode().put("verifiablePresentation", presentation);
        body.putObject("options").put("challenge", "n-1").put("domain", "https://lender.example");
        given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify")
                .then().log().ifValidationFails().statusCode(200)
                .body("checks.find { it.check == 'holder_binding' }.outcome", equalTo("passed"));
        given().contentType("application/json").body("{\"credential\": {}, \"options\": {\"format\": \"dc+sd-jwt\", \"holder\": \"did:web:x\"}}")
                .when().post("/credentials/issue").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
    }

    @Test
    void servesOpenApiHealthAndMetrics() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/credentials/issue"))
                .body("paths", org.hamcrest.Matchers.hasKey("/presentations/verify"))
                .body("paths.'/credentials/issue'.post.requestBody.content.'application/json'.schema.type", equalTo("object"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/status/no-such-list").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
