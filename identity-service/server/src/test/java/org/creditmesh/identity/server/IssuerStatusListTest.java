package org.creditmesh.identity.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.status.token.TokenStatusSpecs;
import org.creditmesh.identity.server.TestClients.Client;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Per-issuer status lists: a bureau issuing under its own did:web (hosted by this service) gets Bitstring Status
 * Lists and Token Status Lists signed as that DID, because W3C Bitstring Status List v1.0 and the IETF Token Status
 * List require the list's issuer to be the credential's; before, every list was the service issuer's and a verifier
 * refused the status check of a bureau's credential as status_unavailable.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IssuerStatusListTest {

    private static final String BASE = "https://identity.creditmesh.test";
    private static final String HOST_DID = "did:web:identity.creditmesh.test:bureaus:";

    @Inject
    AgroalDataSource dataSource;

    /** A bureau registered with its own did:web, accredited for KYC credentials. */
    record Bureau(String did, String token) {
    }

    static Bureau bureau() {
        String name = "lists-" + UUID.randomUUID().toString().substring(0, 8);
        String did = HOST_DID + name;
        Client client = TestClients.register(Roles.BUREAU, name, did);
        String accreditation = Json.write(Json.mapper().createObjectNode().put("did", did)
                .put("validFrom", Instant.now().minusSeconds(86_400).toString())
                .put("validUntil", Instant.now().plusSeconds(86_400).toString())
                .set("types", Json.mapper().createArrayNode().add("KycCredential")));
        given().auth().oauth2(TestClients.tokenFor(Roles.ADMIN)).contentType("application/json").body(accreditation)
                .post("/trust/accreditations").then().statusCode(201);
        return new Bureau(did, TestClients.token(client));
    }

    /** An issued credential: its id, what verify takes, and its (decoded) content. */
    record Issued(String id, JsonNode verifiable, JsonNode content) {
    }

    static Issued issue(String token, String format) {
        ObjectNode request = (ObjectNode) VcApiTest.parse(VcApiTest.issueRequest(format));
        String id = "urn:uuid:" + UUID.randomUUID();
        ((ObjectNode) request.get("credential")).put("id", id);
        JsonNode vc = VcApiTest.parse(given().auth().oauth2(token).contentType("application/json").body(Json.write(request))
                .post("/credentials/issue").then().statusCode(201).extract().asString()).get("verifiableCredential");
        JsonNode content = vc;
        if (!format.equals("di")) {
            String compact = vc.path("id").asText().substring(("data:application/" + format + ",").length());
            content = jwtPart(compact.split("~")[0], 1);
        }
        return new Issued(id, vc, content);
    }

    static JsonNode jwtPart(String jwt, int part) {
        return VcApiTest.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]), StandardCharsets.UTF_8));
    }

    static Response verify(Issued issued) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiableCredential", issued.verifiable());
        return TestClients.given().contentType("application/json").body(Json.write(body)).post("/credentials/verify");
    }

    static void assertStatus(Issued issued, String code) {
        Response r = verify(issued);
        if (code == null) {
            r.then().statusCode(200).body("checks.find { it.check == 'status' }.outcome", equalTo("passed"));
        } else {
            r.then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo(code));
        }
    }

    static void change(String token, Issued issued, String status) {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"credentialId\":\"" + issued.id() + "\",\"status\":\"" + status + "\"}")
                .post("/credentials/status").then().statusCode(200);
    }

    /** The status list URLs (Bitstring) or token URI (Token Status List) the credential points at. */
    static List<String> listUrls(Issued issued) {
        List<String> urls = new ArrayList<>();
        if (issued.content().has("status")) {
            urls.add(issued.content().path("status").path("status_list").path("uri").asText());
        }
        issued.content().path("credentialStatus").forEach(s -> urls.add(s.path("statusListCredential").asText()));
        return urls;
    }

    /** The issuer of the list served at {@code url}: the credential's {@code issuer} or the token's {@code iss}. */
    static String servedIssuer(String url) {
        if (url.contains("/status-lists/")) {
            String token = given().accept(TokenStatusSpecs.MEDIA_TYPE).get(url.substring(BASE.length())).then().statusCode(200)
                    .extract().asString();
            return jwtPart(token, 1).path("iss").asText();
        }
        return VcApiTest.parse(given().get(url.substring(BASE.length())).then().statusCode(200).extract().asString())
                .path("issuer").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vc+jwt", "dc+sd-jwt", "di"})
    void aBureausCredentialUnderItsOwnDidWebHasItsOwnListsAndItsStatusChecksPass(String format) {
        Bureau bureau = bureau();
        Issued issued = issue(bureau.token(), format);
        assertThat(issued.content().path(format.equals("dc+sd-jwt") ? "iss" : "issuer").asText()).isEqualTo(bureau.did());
        List<String> urls = listUrls(issued);
        assertThat(urls).isNotEmpty();
        for (String url : urls) {
            assertThat(servedIssuer(url)).isEqualTo(bureau.did());
            assertThat(url).matches(BASE + "/status(-lists)?/[0-9a-f]{16}-(revocation|suspension|token)-[0-9]+");
        }
        assertStatus(issued, null);

        change(bureau.token(), issued, "suspended");
        assertStatus(issued, "suspended");
        change(bureau.token(), issued, "active");
        assertStatus(issued, null);
        change(bureau.token(), issued, "revoked");
        assertStatus(issued, "revoked");
        for (String url : urls) {
            // Re-signed on every change, still as the bureau.
            assertThat(servedIssuer(url)).isEqualTo(bureau.did());
        }
    }

    @Test
    void twoBureausListsAreIndependentAndTheServiceIssuersAreUnchanged() throws Exception {
        Bureau a = bureau();
        Bureau b = bureau();
        Issued fromA = issue(a.token(), "di");
        Issued fromB = issue(b.token(), "di");
        Issued sdA = issue(a.token(), "dc+sd-jwt");
        Issued sdB = issue(b.token(), "dc+sd-jwt");
        Issued fromService = issue(TestClients.tokenFor(Roles.BUREAU), "di");
        Issued sdService = issue(TestClients.tokenFor(Roles.BUREAU), "dc+sd-jwt");

        assertThat(listUrls(fromA)).doesNotContainAnyElementsOf(listUrls(fromB));
        assertThat(listUrls(sdA)).doesNotContainAnyElementsOf(listUrls(sdB));
        // Each bureau numbers its lists from 1, apart from the others'.
        assertThat(listUrls(fromA).get(0)).endsWith("-revocation-1");
        assertThat(listUrls(fromB).get(0)).endsWith("-revocation-1");
        assertThat(listUrls(sdB).get(0)).endsWith("-token-1");
        // The service issuer's lists keep the URLs they had before per-issuer lists.
        assertThat(listUrls(fromService).get(0)).matches(BASE + "/status/revocation-[0-9]+");
        assertThat(listUrls(sdService).get(0)).matches(BASE + "/status-lists/token-[0-9]+");
        assertThat(servedIssuer(listUrls(fromService).get(0))).isNotIn(a.did(), b.did());
        assertThat(issuerColumn("status_list", listUrls(fromService).get(0))).isEqualTo("default");
        assertThat(issuerColumn("status_list", listUrls(fromA).get(0))).isEqualTo(a.did());
        assertThat(issuerColumn("token_status_list", listUrls(sdB).get(0))).isEqualTo(b.did());

        change(a.token(), fromA, "revoked");
        change(a.token(), sdA, "revoked");
        assertStatus(fromA, "revoked");
        assertStatus(sdA, "revoked");
        assertStatus(fromB, null);
        assertStatus(sdB, null);
        assertStatus(fromService, null);
        assertStatus(sdService, null);
        // B's lists are untouched: A's revoked index is clear in them.
        String bList = given().get(listUrls(fromB).get(0).substring(BASE.length())).then().statusCode(200).extract().asString();
        long indexA = fromA.content().path("credentialStatus").get(0).path("statusListIndex").asLong();
        assertThat(StatusListPublisher.isSet(bList, indexA)).isFalse();
        String tokenB = given().accept(TokenStatusSpecs.MEDIA_TYPE).get(listUrls(sdB).get(0).substring(BASE.length()))
                .then().statusCode(200).extract().asString();
        long idxA = sdA.content().path("status").path("status_list").path("idx").asLong();
        assertThat(TokenStatusList.parse(jwtPart(tokenB, 1).get("status_list")).get(idxA)).isEqualTo(TokenStatusSpecs.VALID);

        // A bureau cannot change another's credential, whosever lists they are.
        given().auth().oauth2(b.token()).contentType("application/json")
                .body("{\"credentialId\":\"" + fromA.id() + "\",\"status\":\"active\"}")
                .post("/credentials/status").then().statusCode(403);
        change(TestClients.tokenFor(Roles.BUREAU), fromService, "suspended");
        assertStatus(fromService, "suspended");
        assertStatus(fromB, null);
    }

    private String issuerColumn(String table, String url) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT issuer FROM " + table + " WHERE "
                     + (table.equals("status_list") ? "url" : "uri") + " = ?")) {
            q.setString(1, url);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("a row for " + url).isTrue();
                return rs.getString(1);
            }
        }
    }
}
