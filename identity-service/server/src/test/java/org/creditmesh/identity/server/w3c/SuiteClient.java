package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.security.Roles;

/**
 * Calls the service as the W3C suites' shared client library does: over HTTPS without checking the self-signed
 * certificate, JSON bodies, and one OAuth2 client for issuer and verifier whose token is fetched with
 * client_id, client_secret and audience in the form.
 */
final class SuiteClient {

    private static String token;

    private SuiteClient() {
    }

    static synchronized String token() {
        if (token == null) {
            TestClients.Client bureau = TestClients.register(Roles.BUREAU, "w3c-suites-" + System.nanoTime(), null);
            Response r = https().contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "client_credentials").formParam("client_id", bureau.clientId())
                    .formParam("client_secret", bureau.secret()).formParam("audience", OpenVerifierProfile.BASE)
                    .post("/oauth2/token");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            token = TestClients.parse(r.asString()).path("access_token").asText();
        }
        return token;
    }

    static RequestSpecification https() {
        return RestAssured.given().baseUri("https://localhost").port(OpenVerifierProfile.HTTPS_PORT).relaxedHTTPSValidation();
    }

    static Response post(String path, JsonNode body) {
        return https().header("Authorization", "Bearer " + token()).contentType("application/json")
                .accept("application/json, application/ld+json, */*").body(Json.write(body)).post(path);
    }

    static ObjectNode object(String json) {
        return (ObjectNode) TestClients.parse(json);
    }

    /** The issued credential of a 201 answer. */
    static ObjectNode issued(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return (ObjectNode) object(r.asString()).get("verifiableCredential");
    }

    static ObjectNode issueBody(JsonNode credential) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("credential", credential);
        body.putObject("options");
        return body;
    }

    static ObjectNode verifyBody(String member, JsonNode document) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set(member, document);
        body.putObject("options").putArray("checks").add("proof");
        return body;
    }

    /** The suites' negative assertion: an error answer, 400 or 422, never 401 or 500. */
    static void assertRefused(Response r, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.asString()).isIn(400, 422);
    }
}
