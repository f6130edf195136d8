package org.creditmesh.scoring.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.proof.VerifiedAnchor;
import org.creditmesh.core.json.Json;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Model fingerprints anchored on a real anvil through ledger-anchor: a registration queues its fingerprint in the
 * scoring database's outbox in the same transaction, the batcher anchors it, and the proof served at
 * {@code /models/{id}/{version}/anchor} verifies against the chain with the fingerprint as its leaf.
 */
@QuarkusTest
@QuarkusTestResource(value = AnchorTestResource.class, restrictToAnnotatedClass = true)
class ModelAnchoringTest {

    /** A bound on waiting for the batcher (anvil mines at once; this only keeps a broken run from hanging). */
    private static final Duration MAX_WAIT = Duration.ofSeconds(90);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Config config;

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void aRegisteredModelsFingerprintIsAnchoredAndItsProofVerifiesOnChain() throws Exception {
        Models.Files3 f = Models.second();
        JsonNode registered = Json.parse(given().contentType("application/json").body(Models.registration("credit-g-anchored", "1.0.0", f))
                .post("/models").then().statusCode(201).extract().asString());
        String fingerprint = registered.get("fingerprint").asText().substring("sha256:".length());

        // Queued with the registration, under the model's id and version.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select kind, ref from anchor_entry where hash = ?")) {
            s.setBytes(1, HexFormat.of().parseHex(fingerprint));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("model");
                assertThat(r.getString(2)).isEqualTo("credit-g-anchored:1.0.0");
            }
        }

        Response answer = anchor();
        Instant deadline = Instant.now().plus(MAX_WAIT);
        while (answer.statusCode() == 202 && Instant.now().isBefore(deadline)) {
            assertThat(Json.parse(answer.asString()).get("status").asText()).isIn(Set.of("queued", "batched", "sent", "mined"));
            Thread.sleep(200);
            answer = anchor();
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        AnchorProof proof = AnchorProof.parse(answer.asString());
        TrustedRegistry trusted = new TrustedRegistry(config.getValue("creditmesh.anchor.chain-id", Long.class),
                config.getValue("creditmesh.anchor.registry", String.class));
        VerifiedAnchor verified = ProofVerifier.verifyOnline(proof, trusted, URI.create(config.getValue("creditmesh.anchor.rpc-url", String.class)));
        assertThat(verified.leaf().toHex()).isEqualTo("0x" + fingerprint);
        assertThat(verified.confirmations()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void anUnknownModelHasNoAnchor() {
        anchor("no-such-model", "9.9.9").then().statusCode(404).contentType("application/problem+json");
    }

    private static Response anchor() {
        return anchor("credit-g-anchored", "1.0.0");
    }

    private static Response anchor(String id, String version) {
        return given().get("/models/" + id + "/" + version + "/anchor");
    }
}
