package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditmesh.identity.server.TrustFixtures.PROBLEMS;
import static org.creditmesh.identity.server.TrustFixtures.accredit;
import static org.creditmesh.identity.server.TrustFixtures.change;
import static org.creditmesh.identity.server.TrustFixtures.now;
import static org.creditmesh.identity.server.TrustFixtures.postAccreditation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The trust registry over HTTP on real PostgreSQL: governance admins accredit (the accreditation is a signed
 * BureauAccreditationCredential that verifies), suspend and reinstate with the history kept; anyone reads; other roles
 * may not write; bad input is a problem; the tables refuse edits; every change is audited with the admin as actor.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TrustRegistryTest {

    static final String ADMIN = TestClients.ADMIN_ID;
    static final Duration DAY = Duration.ofDays(1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void accreditationIsABureauAccreditationCredentialOfTheGovernanceIssuerThatVerifies() {
        String did = TrustFixtures.newIssuer().issuer();
        Instant from = now().minus(DAY);
        Instant until = now().plus(DAY.multipliedBy(365));
        String body = postAccreditation(did, List.of("KycCredential", "RepaymentHistoryCredential"), from, until)
                .then().statusCode(201).contentType("application/json")
                .body("did", equalTo(did)).body("state", equalTo("active"))
                .body("types", equalTo(List.of("KycCredential", "RepaymentHistoryCredential")))
                .body("validFrom", equalTo(from.toString())).body("validUntil", equalTo(until.toString()))
                .extract().asString();
        JsonNode vc = VcApiTest.parse(body).path("verifiableCredential");
        assertThat(vc.path("type").toString()).contains("BureauAccreditationCredential");
        assertThat(vc.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(vc.path("credentialSubject").path("id").asText()).isEqualTo(did);
        assertThat(vc.path("credentialSubject").path("accreditationValidFrom").asText()).isEqualTo(from.toString());
        assertThat(vc.path("issuer").asText()).startsWith("did:key:").isNotEqualTo(did);
        JsonNode report = VcApiTest.parse(VcApiTest.verify(vc).then().log().ifValidationFails().statusCode(200).extract().asString());
        assertThat(report.toString()).contains("\"check\":\"schema\",\"outcome\":\"passed\"");
        assertThat(TrustFixtures.trustCheck(VcApiTest.verify(vc)).path("detail").asText()).startsWith("governance_root");
    }

    @Test
    void suspensionAndReinstatementAreAppendedAndTheHistoryIsKept() throws SQLException {
        String did = TrustFixtures.newIssuer().issuer();
        String id = accredit(did, List.of("KycCredential"), now().minus(DAY.multipliedBy(30)), now().plus(DAY.multipliedBy(30)));
        Instant suspendedFrom = now().minus(DAY.multipliedBy(10));
        Instant reinstatedFrom = now().minus(DAY.multipliedBy(5));
        change(id, "suspend", suspendedFrom).then().statusCode(200).body("state", equalTo("suspended"))
                .body("suspensions[0].from", equalTo(suspendedFrom.toString())).body("suspensions[0].until", nullValue());
        change(id, "suspend", null).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "accreditation-state-conflict"));
        change(id, "reinstate", suspendedFrom.minus(DAY)).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "accreditation-state-conflict"));
        change(id, "reinstate", reinstatedFrom).then().statusCode(200).body("state", equalTo("active"))
                .body("events", hasSize(2)).body("suspensions[0].until", equalTo(reinstatedFrom.toString()));
        change(id, "reinstate", null).then().statusCode(409);
        change(id, "suspend", null).then().statusCode(200).body("state", equalTo("suspended"));

        // The public read, with the registry's answer for instants inside and outside the suspension.
        given().when().get("/trust/accreditations/" + did).then().statusCode(200)
                .body("accreditations", hasSize(1)).body("accreditations[0].events", hasSize(3))
                .body("accreditations[0].suspensions", hasSize(2));
        given().queryParam("type", "KycCredential").queryParam("at", suspendedFrom.plus(DAY).toString())
                .when().get("/trust/accreditations/" + did).then().statusCode(200)
                .body("decision.accredited", equalTo(false)).body("decision.reason", equalTo("accreditation_suspended"));
        given().queryParam("type", "KycCredential").queryParam("at", reinstatedFrom.plus(DAY).toString())
                .when().get("/trust/accreditations/" + did).then().statusCode(200)
                .body("decision.accredited", equalTo(true)).body("decision.reason", equalTo("accredited"));
        given().queryParam("type", "CreditScoreCredential").queryParam("at", reinstatedFrom.toString())
                .when().get("/trust/accreditations/" + did).then().statusCode(200)
                .body("decision.reason", equalTo("type_not_accredited"));

        // Audited with the admin as actor; the registry's rows cannot be edited or removed.
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject_ref = 'urn:uuid:" + id + "' AND actor = '" + ADMIN + "'"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject_ref = 'urn:uuid:" + id + "' AND action = 'suspend-accreditation'"))
                .isEqualTo(2);
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("UPDATE accreditation SET valid_until = now() WHERE id = '" + id + "'",
                    "DELETE FROM accreditation_event WHERE accreditation_id = '" + id + "'")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    assertThatThrownBy(s::execute).hasMessageContaining("append-only");
                }
            }
        }
    }

    @Test
    void badAccreditationsAreProblems() {
        String did = TrustFixtures.newIssuer().issuer();
        Instant from = now();
        Instant until = now().plus(DAY);
        postAccreditation(did, List.of(), from, until).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        postAccreditation(did, List.of("KycCredential"), until, from).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        postAccreditation(did, List.of("KycCredential"), from, from).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        postAccreditation(did, List.of("MortgageCredential"), from, until).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        postAccreditation("bureau-one.example", List.of("KycCredential"), from, until).then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        postAccreditation(did, List.of("KycCredential"), now().minus(DAY.multipliedBy(3)), now().minus(DAY)).then()
                .statusCode(422).body("type", equalTo(PROBLEMS + "invalid-accreditation"));
        given().contentType("application/json").body("{\"did\": \"" + did + "\", \"types\": [\"KycCredential\"], ")
                .when().post("/trust/accreditations").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "malformed-json"));
        given().contentType("application/json").body("{\"did\": \"" + did + "\", \"types\": [\"KycCredential\"], "
                        + "\"validFrom\": \"yesterday\", \"validUntil\": \"" + until + "\"}")
                .when().post("/trust/accreditations").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
        given().contentType("application/json").body("{\"did\": \"" + did + "\"}")
                .when().post("/trust/accreditations").then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
        change("00000000-0000-4000-8000-000000000000", "suspend", null).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "accreditation-not-found"));
        given().contentType("application/json").body("{\"effectiveFrom\": 5}")
                .when().post("/trust/accreditations/00000000-0000-4000-8000-000000000000/suspend")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
    }

    @Test
    void anyoneReadsButAnUnknownDidIsNotFound() {
        given().when().get("/trust/accreditations/did:web:never-accredited.example").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "accreditation-not-found"));
        given().when().get("/trust/accreditations/not-a-did").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-request"));
        // The service's own issuer was accredited on first start (creditmesh.trust.bootstrap.enabled in %test).
        String own = VcApiTest.issue("di").path("issuer").asText();
        given().when().get("/trust/accreditations/" + own).then().statusCode(200)
                .body("accreditations[0].state", equalTo("active"));
    }

    @Test
    void onlyGovernanceAdminsWrite() {
        String did = TrustFixtures.newIssuer().issuer();
        io.restassured.RestAssured.given().contentType("application/json")
                .body("{\"did\": \"" + did + "\", \"types\": [\"KycCredential\"], \"validFrom\": \"" + now()
                        + "\", \"validUntil\": \"" + now().plus(DAY) + "\"}")
                .post("/trust/accreditations").then().statusCode(401);
    }

    @Test
    void aBureauCannotAccreditItself() {
        String did = TrustFixtures.newIssuer().issuer();
        String bureau = TestClients.tokenFor(Roles.BUREAU);
        given().auth().oauth2(bureau).contentType("application/json")
                .body("{\"did\": \"" + did + "\", \"types\": [\"KycCredential\"], \"validFrom\": \"" + now()
                        + "\", \"validUntil\": \"" + now().plus(DAY) + "\"}")
                .post("/trust/accreditations").then().statusCode(403);
        given().auth().oauth2(bureau).contentType("application/json").body("{}")
                .post("/trust/accreditations/00000000-0000-4000-8000-000000000000/suspend").then().statusCode(403);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
