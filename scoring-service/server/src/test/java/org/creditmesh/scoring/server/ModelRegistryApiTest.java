package org.creditmesh.scoring.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.scoring.monitoring.Psi;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.ModelFiles;
import org.creditmesh.scoring.server.registry.ModelRef;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.scoring.ScoreStore;
import org.creditmesh.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The model registry over HTTP on the real database: registration with the fingerprint checked, duplicate versions,
 * per-lender activation (and its log), the lender's model used for its scores and the default for others, a stored
 * model altered after registration never activated, the score PSI, and the admin role.
 */
@QuarkusTest
@QuarkusTestResource(ScoringTestResource.class)
class ModelRegistryApiTest {

    static final ModelRef LENDER2_MODEL = new ModelRef("credit-g-second", "2.0.0");

    @Inject
    ModelRegistry registry;

    @Inject
    ScoreStore scores;

    @Inject
    AgroalDataSource dataSource;

    private static io.restassured.response.Response register(String body) {
        return given().contentType("application/json").body(body).post("/models");
    }

    private void ensure(ModelRef ref, Models.Files3 f) {
        try {
            registry.register(new ModelRegistry.Registration(ref, "credit-g", new ModelFiles(f.scorecard(), f.provenance(), f.tribuo())), "test-setup");
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ScoringProblem.MODEL_EXISTS);
        }
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void anAdminRegistersListsAndActivatesAVersionForOneLender() throws Exception {
        Models.Files3 f = Models.second();
        Scorecard card = new ModelFiles(f.scorecard(), f.provenance(), f.tribuo()).load().scorecard();
        JsonNode registered = Json.parse(register(Models.registration("credit-g-http", "1.2.3", f)).then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/models/credit-g-http/1.2.3")).extract().asString());
        assertThat(registered.get("fingerprint").asText()).isEqualTo("sha256:" + card.fingerprint());
        assertThat(registered.get("requiredAttributes").size()).isEqualTo(card.requiredAttributes().size());
        assertThat(registered.get("credentialClaims").size()).isPositive();

        register(Models.registration("credit-g-http", "1.2.3", f)).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(ScoringProblem.MODEL_EXISTS.uri()));

        given().contentType("application/json").body("{\"lender\":\"lender-7\"}").post("/models/credit-g-http/1.2.3/activate")
                .then().statusCode(200).body("scope", equalTo("lender")).body("lender", equalTo("lender-7"));
        JsonNode list = Json.parse(given().get("/models").then().statusCode(200).extract().asString());
        JsonNode entry = null;
        for (JsonNode m : list) {
            if (m.get("id").asText().equals("credit-g-http")) {
                entry = m;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.get("activeFor").toString()).isEqualTo("[\"lender-7\"]");
        assertThat(entry.get("trainerProvenance").asText()).isNotBlank();
        assertThat(entry.get("registeredBy").asText()).isEqualTo("admin-1");

        JsonNode log = Json.parse(given().get("/models/activations").then().statusCode(200).extract().asString());
        assertThat(log.get(0).get("id").asText()).isEqualTo("credit-g-http");
        assertThat(log.get(0).get("lender").asText()).isEqualTo("lender-7");
        assertThat(log.get(0).get("activatedBy").asText()).isEqualTo("admin-1");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from model_activation where model_id = 'credit-g-http' and scope = 'lender:lender-7'");
             ResultSet r = s.executeQuery()) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(1);
        }

        given().contentType("application/json").body("{}").post("/models/credit-g-http/9.9.9/activate")
                .then().statusCode(404).body("type", equalTo(ScoringProblem.MODEL_NOT_FOUND.uri()));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void aFederatedModelRegistersWithoutATribuoFileAndNotWithOne() throws Exception {
        Models.Files3 f = Models.federated();
        Scorecard card = new ModelFiles(f.scorecard(), f.provenance(), null).load().scorecard();
        register(Models.registration("credit-g-federated", "1.0.0", f)).then().statusCode(201)
                .body("fingerprint", equalTo("sha256:" + card.fingerprint()));
        given().contentType("application/json").body("{\"lender\":\"lender-8\"}").post("/models/credit-g-federated/1.0.0/activate")
                .then().statusCode(200);
        // A Tribuo file beside a federated model's provenance contradicts it.
        Models.Files3 withTribuo = new Models.Files3(f.scorecard(), f.provenance(), Models.first().tribuo());
        register(Models.registration("credit-g-federated", "1.0.1", withTribuo)).then().statusCode(422)
                .body("type", equalTo(ScoringProblem.MODEL_FINGERPRINT_MISMATCH.uri()));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void aModelThatDoesNotMatchItsFingerprintIsRefused() throws Exception {
        Models.Files3 f = Models.second();
        ObjectNode card = Json.parseObject(f.scorecard());
        card.put("basePoints", card.get("basePoints").asDouble() + 1);
        Models.Files3 edited = new Models.Files3(Json.write(card).getBytes(StandardCharsets.UTF_8), f.provenance(), f.tribuo());
        register(Models.registration("credit-g-edited", "1.0.0", edited)).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(ScoringProblem.MODEL_FINGERPRINT_MISMATCH.uri()));
        // Another model's Tribuo file beside this scorecard is refused too.
        Models.Files3 swapped = new Models.Files3(f.scorecard(), f.provenance(), Models.first().tribuo());
        register(Models.registration("credit-g-swapped", "1.0.0", swapped)).then().statusCode(422);
        // Nothing was registered.
        given().contentType("application/json").body("{}").post("/models/credit-g-edited/1.0.0/activate").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void aStoredModelAlteredAfterRegistrationIsNeverActivated() throws Exception {
        Models.Files3 f = Models.second();
        ObjectNode card = Json.parseObject(f.scorecard());
        card.put("cutoff", card.get("cutoff").asDouble() - 50);
        // Written behind the registry's back, as a database edit would be.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into scoring_model (model_id, version, dataset, fingerprint, data_sha256, trainer_provenance,
                         scorecard_json, provenance_json, tribuo_model, registered_by) values (?, ?, 'credit-g', ?, '', '', ?, ?, ?, 'db')""")) {
            s.setString(1, "credit-g-altered");
            s.setString(2, "1.0.0");
            s.setString(3, card.get("fingerprint").asText());
            s.setBytes(4, Json.write(card).getBytes(StandardCharsets.UTF_8));
            s.setBytes(5, f.provenance());
            s.setBytes(6, f.tribuo());
            s.executeUpdate();
        }
        given().contentType("application/json").body("{}").post("/models/credit-g-altered/1.0.0/activate").then().statusCode(422)
                .body("type", equalTo(ScoringProblem.MODEL_FINGERPRINT_MISMATCH.uri()));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void invalidRegistrationsAreProblems() throws Exception {
        register("{\"id\":\"x\"}").then().statusCode(400).body("type", equalTo("https://creditmesh.org/problems/invalid-request"));
        ObjectNode body = Json.parseObject(Models.registration("Not A Valid Id", "1.0.0", Models.second()));
        register(Json.write(body)).then().statusCode(422).body("type", equalTo(ScoringProblem.INVALID_MODEL.uri()));
        body = Json.parseObject(Models.registration("credit-g-otherset", "1.0.0", Models.second()));
        body.put("dataset", "credit_data");
        // credit-g's attribute names are not columns of credit_data: the model cannot be fed from claims.
        register(Json.write(body)).then().statusCode(422).body("type", equalTo(ScoringProblem.INVALID_MODEL.uri()));
        body = Json.parseObject(Models.registration("credit-g-b64", "1.0.0", Models.second()));
        ((ObjectNode) body.get("files")).put("scorecard.json", "%%%");
        register(Json.write(body)).then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aLenderCannotRegisterOrActivate() throws Exception {
        register(Models.registration("credit-g-lender", "1.0.0", Models.second())).then().statusCode(403)
                .body("type", equalTo("https://creditmesh.org/problems/forbidden"));
        given().contentType("application/json").body("{}").post("/models/credit-g-synthetic/1.0.0/activate").then().statusCode(403);
        given().get("/models").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "lender-2", roles = "lender")
    void aLenderWithItsOwnModelScoresWithIt() throws Exception {
        ensure(LENDER2_MODEL, Models.second());
        registry.activate(LENDER2_MODEL, Optional.of("lender-2"), "test-setup");
        JsonNode request = Json.parse(given().get("/scores/request").then().statusCode(200).extract().asString());
        assertThat(request.at("/model/id").asText()).isEqualTo(LENDER2_MODEL.id());
        Wallet wallet = new Wallet();
        Challenge challenge = ScoresApiTest.challenge();
        JsonNode scored = Json.parse(ScoresApiTest.post(ScoresApiTest.body(
                ScoresApiTest.vpToken(wallet, request.get("dcql_query"), challenge, null, Map.of(), Map.of()), challenge.nonce(), false))
                .then().statusCode(200).extract().asString());
        assertThat(scored.at("/model/id").asText()).isEqualTo(LENDER2_MODEL.id());
        assertThat(scored.at("/model/version").asText()).isEqualTo(LENDER2_MODEL.version());
    }

    @Test
    @TestSecurity(user = "lender-3", roles = "lender")
    void aLenderWithoutItsOwnModelUsesTheDefault() throws Exception {
        Models.Files3 f = Models.first();
        ensure(ScoresApiTest.DEFAULT_MODEL, f);
        registry.activate(ScoresApiTest.DEFAULT_MODEL, Optional.empty(), "test-setup");
        ensure(LENDER2_MODEL, Models.second());
        registry.activate(LENDER2_MODEL, Optional.of("lender-2"), "test-setup");
        given().get("/scores/request").then().statusCode(200).body("model.id", equalTo(ScoresApiTest.DEFAULT_MODEL.id()));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void thePsiComparesRecentScoresWithTheTrainingScores() throws Exception {
        ModelRef ref = new ModelRef("credit-g-psi", "1.0.0");
        Models.Files3 f = Models.second();
        ensure(ref, f);
        given().get("/models/credit-g-psi/1.0.0/psi").then().statusCode(200).body("rows", equalTo(0)).body("status", equalTo("NO_DATA"));
        Scorecard card = new ModelFiles(f.scorecard(), f.provenance(), f.tribuo()).load().scorecard();
        // Every recent applicant in the training distribution's top interval: a shift.
        double top = card.trainingScores().edges().getLast() + 1;
        for (int i = 0; i < 40; i++) {
            scores.record(new ScoreStore.StoredScore("0".repeat(64), ref, top + i, "A", "lender-1", Instant.now()));
        }
        JsonNode psi = Json.parse(given().get("/models/credit-g-psi/1.0.0/psi").then().statusCode(200).extract().asString());
        assertThat(psi.get("rows").asInt()).isEqualTo(40);
        assertThat(psi.get("psi").asDouble()).isGreaterThan(Psi.SHIFT);
        assertThat(psi.get("status").asText()).isEqualTo("SHIFT");
    }
}
