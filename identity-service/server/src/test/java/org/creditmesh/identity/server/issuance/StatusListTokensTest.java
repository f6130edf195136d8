package org.creditmesh.identity.server.issuance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.status.token.StatusListToken;
import org.creditmesh.core.status.token.StatusListTokenVerifier;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.DidKeys;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * SD-JWT VCs issued over the VC-API carry a Token Status List reference (draft-ietf-oauth-status-list-20 section
 * 6.2); the token at that URL (Accept: application/statuslist+jwt) is signed by the issuer and follows
 * {@code POST /credentials/status}: 0 valid, 2 suspended, 1 revoked; {@code POST /credentials/verify} sees it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StatusListTokensTest {

    @Test
    void theTokenAtTheReferencedUriFollowsRevocationAndSuspension() throws Exception {
        String id = "urn:uuid:" + UUID.randomUUID();
        String sdJwt = issue(id);
        ObjectNode payload = Json.parseObject(java.util.Base64.getUrlDecoder().decode(SdJwt.parse(sdJwt).payload()));
        StatusReference reference = StatusReference.parse(payload.get("status"));
        String issuer = payload.path("iss").asText();
        assertThat(reference.uri()).startsWith("https://identity.creditmesh.test/status/revocation-");

        assertThat(status(reference, issuer)).isZero();
        verify(sdJwt).then().statusCode(200);
        changeStatus(id, "suspended");
        assertThat(status(reference, issuer)).isEqualTo(2);
        verify(sdJwt).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("suspended"));
        changeStatus(id, "active");
        assertThat(status(reference, issuer)).isZero();
        changeStatus(id, "revoked");
        assertThat(status(reference, issuer)).isEqualTo(1);
        verify(sdJwt).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
        // The same URL still serves the Bitstring Status List credential to JSON clients.
        given().accept("application/json").when().get(URI.create(reference.uri()).getPath()).then().statusCode(200)
                .body("type", org.hamcrest.Matchers.hasItem("BitstringStatusListCredential"));
    }

    @Test
    void anUnknownListHasNoToken() {
        given().accept(StatusListTokens.MEDIA_TYPE).when().get("/status/revocation-999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The status value at the reference, from the served token verified with the issuer's key. */
    private static int status(StatusReference reference, String issuer) throws Exception {
        String token = given().accept(StatusListTokens.MEDIA_TYPE).when().get(URI.create(reference.uri()).getPath())
                .then().statusCode(200).contentType(StatusListTokens.MEDIA_TYPE).extract().asString();
        DidKeys keys = new DidKeys(CredentialVerifier.offlineDidResolver());
        StatusListToken verified = new StatusListTokenVerifier((kid, iss) -> {
            assertThat(kid.orElseThrow()).startsWith(issuer + "#");
            return keys.resolve(kid.get(), org.creditmesh.core.did.VerificationRelationship.ASSERTION_METHOD);
        }, Clock.systemUTC()).verify(token, reference.uri());
        return verified.statusList().get(reference.idx());
    }

    private static String issue(String id) throws Exception {
        ObjectNode credential;
        try (InputStream in = StatusListTokensTest.class.getResourceAsStream("/kyc-unsigned.json")) {
            credential = Json.parseObject(in.readAllBytes());
        }
        credential.put("id", id);
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("credential", credential);
        body.putObject("options").put("format", "dc+sd-jwt")
                .put("holder", DidKey.create(org.creditmesh.core.keys.SigningKey.generate(
                        org.creditmesh.core.keys.KeyType.ED25519).publicKey()).toString());
        String response = given().contentType("application/json").body(Json.write(body))
                .when().post("/credentials/issue").then().statusCode(201).extract().asString();
        return EnvelopedCredential.parse(Json.parse(response).path("verifiableCredential").path("id").asText()).data();
    }

    private static io.restassured.response.Response verify(String sdJwt) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiableCredential", new EnvelopedCredential("application/dc+sd-jwt", sdJwt).toJson());
        return given().contentType("application/json").body(Json.write(body)).when().post("/credentials/verify");
    }

    private static void changeStatus(String id, String status) {
        given().contentType("application/json").body("{\"credentialId\":\"" + id + "\",\"status\":\"" + status + "\"}")
                .when().post("/credentials/status").then().statusCode(200);
    }
}
