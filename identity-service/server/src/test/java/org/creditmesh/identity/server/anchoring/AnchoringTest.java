package org.creditmesh.identity.server.anchoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TestClients.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.proof.VerifiedAnchor;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.VcApiTestAccess;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Anchoring on a real anvil executing our AnchorRegistry: what the service publishes (an issued credential, every
 * status list version, an accreditation, audit checkpoints) gets a proof at {@code /anchors/{sha256}} that verifies
 * against the chain on its own; and the outbox holds hashes and references only, never a claim value.
 */
@QuarkusTest
@TestProfile(AnchoringTest.AnchoringOn.class)
class AnchoringTest {

    public static final class AnchoringOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class), new TestResourceEntry(AnvilResource.class));
        }
    }

    @ConfigProperty(name = "creditmesh.anchor.rpc-url")
    String rpc;

    @ConfigProperty(name = "creditmesh.anchor.registry")
    String registry;

    @Inject
    AgroalDataSource dataSource;

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Polls {@code /anchors/{hash}} until its batch is confirmed (bounded), then verifies the proof on chain. */
    private VerifiedAnchor anchored(String hash) throws Exception {
        Response r = null;
        for (int i = 0; i < 600; i++) {
            r = given().get("/anchors/" + hash);
            if (r.statusCode() == 200) {
                break;
            }
            assertThat(r.statusCode()).as("hash %s: %s", hash, r.asString()).isEqualTo(202);
            Thread.sleep(100);
        }
        assertThat(r.statusCode()).as("hash %s never confirmed: %s", hash, r.asString()).isEqualTo(200);
        AnchorProof proof = AnchorProof.parse(r.asString());
        VerifiedAnchor verified = ProofVerifier.verifyOnline(proof, new TrustedRegistry(AnvilResource.CHAIN_ID, registry), URI.create(rpc));
        assertThat(verified.root()).isEqualTo(proof.root());
        return verified;
    }

    private static String issueJwt() {
        String request = Json.write(Json.mapper().createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "credential", VcApiTestAccess.kyc()).set("options", Json.mapper().createObjectNode().put("format", "vc+jwt")));
        JsonNode vc = org.creditmesh.identity.server.TestClients.parse(given().contentType("application/json").body(request)
                .post("/credentials/issue").then().statusCode(201).extract().asString()).path("verifiableCredential");
        String id = vc.path("id").asText();
        assertThat(id).startsWith("data:application/vc+jwt,");
        return id.substring("data:application/vc+jwt,".length());
    }

    @Test
    void anIssuedCredentialAndEveryStatusListVersionAreAnchoredAndTheirProofsVerifyOnChain() throws Exception {
        String jwt = issueJwt();
        anchored(sha256(jwt));

        String[] parts = jwt.split("\\.");
        JsonNode payload = Json.parse(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String credentialId = payload.path("id").asText();
        String listUrl = payload.path("credentialStatus").get(0).path("statusListCredential").asText();
        String listPath = URI.create(listUrl).getPath();
        String before = given().get(listPath).then().statusCode(200).extract().asString();
        anchored(sha256(before));

        given().contentType("application/json")
                .body("{\"credentialId\": \"" + credentialId + "\", \"credentialStatus\": [{\"type\": \"BitstringStatusListCredential\","
                        + " \"status\": \"revoked\"}]}")
                .post("/credentials/status").then().statusCode(200);
        String after = given().get(listPath).then().statusCode(200).extract().asString();
        assertThat(after).isNotEqualTo(before);
        anchored(sha256(after));
    }

    @Test
    void auditCheckpointsAnchorTheHeadHashOfTheLog() throws Exception {
        issueJwt();
        issueJwt();
        issueJwt();
        JsonNode entries = org.creditmesh.identity.server.TestClients.parse(given().queryParam("limit", 1000).get("/audit")
                .then().statusCode(200).extract().asString()).path("entries");
        JsonNode checkpoint = null;
        for (JsonNode e : entries) {
            if (e.path("seq").asLong() % 3 == 0) {
                checkpoint = e;
            }
        }
        assertThat(checkpoint).as("an entry whose seq is a multiple of 3").isNotNull();
        anchored(checkpoint.path("hash").asText());
    }

    @Test
    void theAccreditationTheTrustBootstrapMadeAtStartIsAnchoredToo() throws Exception {
        String credential;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT credential FROM accreditation WHERE created_by = 'system:bootstrap'");
             ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).as("the trust bootstrap accredited the service's issuer").isTrue();
            credential = rs.getString(1);
        }
        anchored(sha256(credential));
    }

    @Test
    void unknownAndMalformedHashesAreProblems() {
        given().get("/anchors/" + "ab".repeat(32)).then().statusCode(404).contentType("application/problem+json");
        given().get("/anchors/not-a-hash").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOutboxHoldsNoClaimValue() throws Exception {
        issueJwt();
        JsonNode subject = VcApiTestAccess.kyc().path("credentialSubject");
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT kind, encode(hash, 'hex'), ref FROM anchor_entry");
             ResultSet rs = q.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String row = rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3);
                for (Map.Entry<String, JsonNode> claim : subject.properties()) {
                    if (claim.getValue().isTextual() && claim.getValue().asText().length() > 3) {
                        assertThat(row).doesNotContain(claim.getValue().asText());
                    }
                }
            }
            assertThat(rows).isPositive();
        }
    }
}
