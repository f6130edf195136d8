package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.w3c.SuiteClient.assertRefused;
import static org.creditmesh.identity.server.w3c.SuiteClient.issueBody;
import static org.creditmesh.identity.server.w3c.SuiteClient.issued;
import static org.creditmesh.identity.server.w3c.SuiteClient.object;
import static org.creditmesh.identity.server.w3c.SuiteClient.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the W3C-CCG VC-API issuer suite ("Issue Credential - Data Integrity", tag vc-api) sends and asserts, in our
 * own words: a VCDM 1.1 credential naming this service's issuer, with a urn:uuid id and an issuanceDate, is issued
 * (201, an object with @context, type, id, credentialSubject, issuer and a proof object); malformed requests are
 * 400 or 422.
 */
@QuarkusTest
@TestProfile(OpenVerifierProfile.class)
class VcApiIssuerSuiteTest {

    @Inject
    IssuerKeys keys;

    private ObjectNode vcdm11() {
        ObjectNode credential = object("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}}""");
        credential.put("id", "urn:uuid:" + UUID.randomUUID());
        credential.put("issuer", keys.issuer().issuer());
        credential.put("issuanceDate", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return credential;
    }

    @Test
    @DisplayName("vc-api issuer suite: 'MUST successfully issue a credential.' (VCDM 1.1 input, over HTTPS, OAuth2 client credentials)")
    void issuesAVcdm11Credential() {
        ObjectNode request = vcdm11();
        ObjectNode vc = issued(post("/credentials/issue", issueBody(request)));
        assertThat(vc.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/2018/credentials/v1");
        assertThat(vc.get("type").toString()).contains("VerifiableCredential");
        assertThat(vc.get("id").asText()).isEqualTo(request.get("id").asText());
        assertThat(vc.get("issuer").asText()).isEqualTo(keys.issuer().issuer());
        assertThat(vc.get("credentialSubject").isObject()).isTrue();
        assertThat(vc.get("proof").isObject()).isTrue();
        assertThat(vc.at("/proof/cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
    }

    @Test
    @DisplayName("vc-api issuer suite: 'credential MAY have property \"expirationDate\"'")
    void issuesWithAnExpirationDate() {
        ObjectNode request = vcdm11();
        request.put("expirationDate", Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(issued(post("/credentials/issue", issueBody(request))).get("expirationDate").asText())
                .isEqualTo(request.get("expirationDate").asText());
    }

    @Test
    @DisplayName("vc-api issuer suite: 'Request body MUST have property \"credential\".'")
    void refusesABodyWithoutCredential() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiableCredential", vcdm11());
        body.putObject("options");
        assertRefused(post("/credentials/issue", body), "no credential member");
    }

    private void refusedWhen(String what, Consumer<ObjectNode> change) {
        ObjectNode credential = vcdm11();
        change.accept(credential);
        assertRefused(post("/credentials/issue", issueBody(credential)), what);
    }

    @Test
    @DisplayName("vc-api issuer suite: @context, type and credentialSubject missing or of the wrong JSON type are 400/422")
    void refusesMalformedCredentials() {
        refusedWhen("no @context", c -> c.remove("@context"));
        refusedWhen("no type", c -> c.remove("type"));
        refusedWhen("no credentialSubject", c -> c.remove("credentialSubject"));
        JsonNode[] notAContext = {Json.toNode(4), object("{\"foo\": true}"), Json.toNode(false), Json.mapper().nullNode()};
        for (JsonNode value : notAContext) {
            refusedWhen("@context " + value, c -> c.set("@context", value));
        }
        JsonNode[] notATypeOrIssuer = {Json.mapper().nullNode(), Json.toNode(true), Json.toNode(4), Json.mapper().createArrayNode()};
        for (JsonNode value : notATypeOrIssuer) {
            refusedWhen("type " + value, c -> c.set("type", value));
            refusedWhen("issuer " + value, c -> c.set("issuer", value));
        }
        JsonNode[] notASubject = {Json.mapper().nullNode(), Json.toNode(true), Json.toNode(4), Json.mapper().createArrayNode(),
                Json.toNode("did:example:1234")};
        for (JsonNode value : notASubject) {
            refusedWhen("credentialSubject " + value, c -> c.set("credentialSubject", value));
        }
    }

    @Test
    @DisplayName("vc-api issuer suite: an issuer the service does not sign for is refused, not re-attributed")
    void refusesAnotherIssuer() {
        refusedWhen("issuer did:example:someone-else", c -> c.put("issuer", "did:example:someone-else"));
    }

    @Test
    @DisplayName("VC-API IssueCredentialOptions.credentialId: a credential without an id is recorded under it and its status changes by it")
    void recordsACredentialWithoutIdUnderOptionsCredentialId() {
        ObjectNode credential = object("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:example:subject"}}""");
        String credentialId = "urn:example:credential:" + UUID.randomUUID();
        ObjectNode body = issueBody(credential);
        ((ObjectNode) body.get("options")).put("credentialId", credentialId);
        ObjectNode vc = issued(post("/credentials/issue", body));
        assertThat(vc.has("id")).as("signed without an id").isFalse();
        ObjectNode change = object("{\"credentialStatus\": {\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"suspension\"}, \"status\": true}");
        change.put("credentialId", credentialId);
        assertThat(post("/credentials/status", change).then().statusCode(200).extract().path("suspended").toString()).isEqualTo("true");

        ObjectNode both = issueBody(object("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "id": "urn:example:one", "credentialSubject": {"id": "did:example:subject"}}"""));
        ((ObjectNode) both.get("options")).put("credentialId", "urn:example:another");
        assertThat(post("/credentials/issue", both).statusCode()).isEqualTo(400);
    }
}
