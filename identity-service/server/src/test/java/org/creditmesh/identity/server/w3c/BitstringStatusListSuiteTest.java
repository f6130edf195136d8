package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.w3c.SuiteClient.assertRefused;
import static org.creditmesh.identity.server.w3c.SuiteClient.https;
import static org.creditmesh.identity.server.w3c.SuiteClient.issueBody;
import static org.creditmesh.identity.server.w3c.SuiteClient.issued;
import static org.creditmesh.identity.server.w3c.SuiteClient.object;
import static org.creditmesh.identity.server.w3c.SuiteClient.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the W3C Bitstring Status List suite (tag BitstringStatusList) checks: the issuer adds BitstringStatusListEntry
 * objects to a VCDM 2.0 credential that has none; each statusListCredential URL, fetched over HTTPS like any client
 * would, is a BitstringStatusListCredential with a string issuer and a GZIP bitstring of at least 16 KB; the verifier
 * (options.checks proof and credentialStatus) accepts it; a malformed entry is refused at issuance. Status changes use
 * VC-API's UpdateCredentialStatusRequest.
 */
@QuarkusTest
@TestProfile(OpenVerifierProfile.class)
class BitstringStatusListSuiteTest {

    private static ObjectNode unsigned() {
        // No issuer: the suite fills in the manifest's issuer id; leaving it out lets the service name itself.
        return object("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}}""");
    }

    private static Response verify(JsonNode vc) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiableCredential", vc);
        body.putObject("options").putArray("checks").add("proof").add("credentialStatus");
        return post("/credentials/verify", body);
    }

    @Test
    @DisplayName("bitstring suite, Data Model: entries and the status list credential they point to, fetched over HTTPS")
    void entriesAndTheirStatusListCredentials() throws Exception {
        ObjectNode vc = issued(post("/credentials/issue", issueBody(unsigned())));
        JsonNode entries = vc.get("credentialStatus");
        assertThat(entries.size()).isEqualTo(2);
        for (JsonNode entry : entries) {
            assertThat(entry.path("type").asText()).isEqualTo("BitstringStatusListEntry");
            assertThat(entry.path("statusPurpose").isTextual()).isTrue();
            String index = entry.path("statusListIndex").asText();
            assertThat(entry.path("statusListIndex").isTextual()).isTrue();
            assertThat(String.valueOf(Long.parseLong(index))).isEqualTo(index);
            String url = entry.path("statusListCredential").asText();
            assertThat(url).startsWith(OpenVerifierProfile.BASE + "/");
            assertThat(entry.path("id").asText()).isNotEqualTo(url);

            Response fetched = https().accept("application/json, application/ld+json, */*").get(url.substring(OpenVerifierProfile.BASE.length()));
            assertThat(fetched.statusCode()).isEqualTo(200);
            JsonNode list = object(fetched.asString());
            assertThat(list.get("@context").toString()).contains("https://www.w3.org/ns/credentials/v2");
            assertThat(list.get("type").isArray()).isTrue();
            assertThat(list.get("type").toString()).contains("BitstringStatusListCredential");
            assertThat(list.get("issuer").isTextual()).as("a string issuer").isTrue();
            assertThat(list.get("issuer").asText()).isEqualTo(vc.get("issuer").asText());
            JsonNode subject = list.get("credentialSubject");
            assertThat(subject.path("type").asText()).isEqualTo("BitstringStatusList");
            assertThat(subject.path("statusPurpose").asText()).isEqualTo(entry.path("statusPurpose").asText());
            String encoded = subject.path("encodedList").asText();
            assertThat(encoded).startsWith("u");
            byte[] bits;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
                bits = in.readAllBytes();
            }
            assertThat(bits.length).as("at least 16 KB uncompressed").isGreaterThanOrEqualTo(16 * 1024);
        }
        Response r = verify(vc);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        assertThat(r.asString()).contains("2 status entries clear");
    }

    @Test
    @DisplayName("bitstring suite, Algorithm: 'a MALFORMED_VALUE_ERROR MUST be raised' for a BitstringStatusListEntry with a boolean index")
    void refusesAMalformedEntryAnywhereInTheCredential() {
        ObjectNode malformed = unsigned();
        malformed.putObject("statusEntry").put("type", "BitstringStatusListEntry").put("statusListIndex", true)
                .put("statusListCredential", "https://example.com");
        assertRefused(post("/credentials/issue", issueBody(malformed)), "statusEntry with statusListIndex true");
    }

    @Test
    @DisplayName("VC-API UpdateCredentialStatusRequest: suspension true, then false; revocation true is final and seen by verifiers")
    void changesStatusWithTheVcApiRequest() {
        ObjectNode vc = issued(post("/credentials/issue", issueBody(unsigned())));
        String id = vc.get("id").asText();
        assertThat(post("/credentials/status", change(id, "suspension", true)).then().statusCode(200).extract().path("suspended").toString()).isEqualTo("true");
        assertThat(verify(vc).statusCode()).isEqualTo(422);
        post("/credentials/status", change(id, "suspension", false)).then().statusCode(200);
        assertThat(verify(vc).statusCode()).isEqualTo(200);
        post("/credentials/status", change(id, "revocation", false)).then().statusCode(200);
        post("/credentials/status", change(id, "revocation", true)).then().statusCode(200);
        Response revoked = verify(vc);
        assertThat(revoked.statusCode()).isEqualTo(422);
        assertThat(object(revoked.asString()).path("verified").asBoolean(true)).isFalse();
        assertThat(revoked.asString()).contains("revoked");
        post("/credentials/status", change(id, "revocation", false)).then().statusCode(409);
        post("/credentials/status", change(id, "refresh", true)).then().statusCode(400);
    }

    private static ObjectNode change(String id, String purpose, boolean set) {
        ObjectNode body = Json.mapper().createObjectNode().put("credentialId", id);
        body.putObject("credentialStatus").put("type", "BitstringStatusListEntry").put("statusPurpose", purpose);
        body.put("status", set);
        return body;
    }
}
