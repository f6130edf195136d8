package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.status.token.TokenStatusSpecs;
import org.junit.jupiter.api.Test;

/**
 * SD-JWT VCs and the IETF Token Status List (draft-ietf-oauth-status-list): the issued credential carries
 * {@code status.status_list}, the service serves the signed Status List Token at that uri, revoke and suspend
 * change the entry, and verification (credential and presentation) reads it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TokenStatusListTest {

    private static final String BASE = "https://identity.creditmesh.test";

    record Issued(String sdJwt, JsonNode payload) {
        long idx() {
            return payload.path("status").path("status_list").path("idx").asLong();
        }

        String uri() {
            return payload.path("status").path("status_list").path("uri").asText();
        }
    }

    static JsonNode jwtPart(String jwt, int part) {
        return VcApiTest.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    static String credentialId(ObjectNode request) {
        return request.get("credential").path("id").asText();
    }

    private static ObjectNode sdJwtRequest() {
        ObjectNode request = (ObjectNode) VcApiTest.parse(VcApiTest.issueRequest("dc+sd-jwt"));
        ((ObjectNode) request.get("credential")).put("id", "urn:uuid:" + java.util.UUID.randomUUID());
        return request;
    }

    private static Issued issue(ObjectNode request) {
        JsonNode vc = VcApiTest.parse(given().contentType("application/json").body(Json.write(request))
                .when().post("/credentials/issue").then().statusCode(201).extract().asString()).get("verifiableCredential");
        String sdJwt = vc.path("id").asText().substring("data:application/dc+sd-jwt,".length());
        return new Issued(sdJwt, jwtPart(sdJwt.split("~")[0], 1));
    }

    private static Response verify(String sdJwt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("verifiableCredential", sdJwt);
        return given().contentType("application/json").body(Json.write(body)).when().post("/credentials/verify");
    }

    private static void changeStatus(String id, String status) {
        given().contentType("application/json").body("{\"credentialId\":\"" + id + "\",\"status\":\"" + status + "\"}")
                .when().post("/credentials/status").then().statusCode(200);
    }

    private static TokenStatusList servedList(Issued issued) throws Exception {
        String token = given().accept(TokenStatusSpecs.MEDIA_TYPE).when().get(issued.uri().substring(BASE.length()))
                .then().statusCode(200).extract().asString();
        return TokenStatusList.parse(jwtPart(token, 1).get("status_list"));
    }

    @Test
    void issuedSdJwtVcReferencesAServedSignedStatusListToken() throws Exception {
        Issued issued = issue(sdJwtRequest());
        assertThat(issued.uri()).startsWith(BASE + "/status-lists/token-");
        assertThat(issued.idx()).isBetween(0L, (long) org.creditmesh.core.status.StatusSpecs.MIN_ENTRIES - 1);

        String path = issued.uri().substring(BASE.length());
        Response r = given().accept(TokenStatusSpecs.MEDIA_TYPE).when().get(path);
        r.then().statusCode(200).contentType(TokenStatusSpecs.MEDIA_TYPE)
                .header("Cache-Control", containsString("max-age=60")).header("ETag", startsWith("\"v"));
        String token = r.asString();
        JsonNode header = jwtPart(token, 0);
        JsonNode claims = jwtPart(token, 1);
        assertThat(header.path("typ").asText()).isEqualTo("statuslist+jwt");
        assertThat(header.path("kid").asText()).startsWith(issued.payload().path("iss").asText() + "#");
        assertThat(claims.path("sub").asText()).isEqualTo(issued.uri());
        assertThat(claims.path("iss").asText()).isEqualTo(issued.payload().path("iss").asText());
        assertThat(claims.path("exp").asLong()).isGreaterThan(claims.path("iat").asLong());
        assertThat(claims.path("ttl").asLong()).isEqualTo(60);
        assertThat(claims.path("status_list").path("bits").asInt()).isEqualTo(2);
        assertThat(TokenStatusList.parse(claims.get("status_list")).get(issued.idx())).isEqualTo(TokenStatusSpecs.VALID);

        given().accept(TokenStatusSpecs.MEDIA_TYPE).header("If-None-Match", r.getHeader("ETag")).when().get(path)
                .then().statusCode(304);
        given().accept(TokenStatusSpecs.MEDIA_TYPE).when().get("/status-lists/token-999999")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void revokedSdJwtVcFailsVerificationWithRevoked() throws Exception {
        ObjectNode request = sdJwtRequest();
        Issued issued = issue(request);
        verify(issued.sdJwt()).then().statusCode(200)
                .body("checks.find { it.check == 'status' }.outcome", equalTo("passed"));

        changeStatus(credentialId(request), "revoked");
        assertThat(servedList(issued).get(issued.idx())).isEqualTo(TokenStatusSpecs.INVALID);
        verify(issued.sdJwt()).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/verification-failed"))
                .body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
        given().contentType("application/json").body("{\"credentialId\":\"" + credentialId(request) + "\",\"status\":\"active\"}")
                .when().post("/credentials/status").then().statusCode(409)
                .body("type", equalTo("https://creditmesh.org/problems/status-not-changeable"));
    }

    @Test
    void suspendedSdJwtVcFailsUntilReinstatedAndOtherEntriesStayValid() throws Exception {
        ObjectNode request = sdJwtRequest();
        Issued issued = issue(request);
        Issued other = issue(sdJwtRequest());
        changeStatus(credentialId(request), "suspended");
        assertThat(servedList(issued).get(issued.idx())).isEqualTo(TokenStatusSpecs.SUSPENDED);
        verify(issued.sdJwt()).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("suspended"));
        verify(other.sdJwt()).then().statusCode(200);
        changeStatus(credentialId(request), "active");
        assertThat(servedList(issued).get(issued.idx())).isEqualTo(TokenStatusSpecs.VALID);
        verify(issued.sdJwt()).then().statusCode(200);
    }

    @Test
    void revokedHolderBoundSdJwtVcFailsInAPresentation() throws Exception {
        var holderKey = org.creditmesh.core.keys.SigningKey.generate(org.creditmesh.core.keys.KeyType.ED25519);
        var presenter = new org.creditmesh.core.issuer.CredentialPresenter(holderKey, java.time.Clock.systemUTC());
        ObjectNode request = sdJwtRequest();
        ((ObjectNode) request.get("options")).put("holder", presenter.holder()).putArray("disclosable").add("ageBand");
        Issued issued = issue(request);
        var challenge = new org.creditmesh.core.verifier.Challenge("n-status-1", "https://lender.example");
        String presentation = presenter.present(issued.sdJwt(),
                List.of(org.creditmesh.core.issuer.ClaimPaths.parse("ageBand")), challenge);
        ObjectNode body = Json.mapper().createObjectNode().put("verifiablePresentation", presentation);
        body.putObject("options").put("challenge", "n-status-1").put("domain", "https://lender.example");
        given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify")
                .then().statusCode(200).body("checks.find { it.check == 'status' }.outcome", equalTo("passed"));
        changeStatus(credentialId(request), "revoked");
        given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify")
                .then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
    }
}
