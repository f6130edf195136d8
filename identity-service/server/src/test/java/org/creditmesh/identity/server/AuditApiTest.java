package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TrustFixtures.PROBLEMS;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/** Regulators read the audit trail page by page and recompute its hash chain; nobody else reads it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuditApiTest {

    @Inject
    AgroalDataSource dataSource;

    /** Distinctive claim values of the test KYC credential, and its subject's DID. */
    static final List<String> CLAIM_VALUES = List.of("nationalIdCard", "substantial", "35-44", "healthyBalance",
            "carOrOther", "4To7Years", "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");

    @Test
    void aRegulatorReadsEveryEntryFindsNoClaimValueAndTheChainRecomputes() {
        JsonNode vc = VcApiTest.issue("di");
        VcApiTest.issue("dc+sd-jwt");
        VcApiTest.verify(vc).then().statusCode(200);
        List<JsonNode> entries = new ArrayList<>();
        Long after = 0L;
        while (after != null) {
            JsonNode page = VcApiTest.parse(given().queryParam("after", after).queryParam("limit", 3).when().get("/audit")
                    .then().statusCode(200).contentType("application/json").extract().asString());
            assertThat(page.path("entries").size()).isBetween(1, 3);
            page.path("entries").forEach(entries::add);
            after = page.has("next_after") ? page.get("next_after").asLong() : null;
        }
        String previous = "0".repeat(64);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            assertThat(e.path("seq").asLong()).isEqualTo(i + 1);
            assertThat(e.path("prev_hash").asText()).isEqualTo(previous);
            for (String member : List.of("at", "actor", "action", "subject_ref", "outcome", "hash")) {
                assertThat(e.path(member).asText()).as(member).isNotBlank();
            }
            previous = e.path("hash").asText();
            for (String value : CLAIM_VALUES) {
                assertThat(e.toString()).as("audit entry " + e.path("seq")).doesNotContain(value);
            }
        }
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("issue");
            assertThat(e.path("subject_ref").asText()).isEqualTo(vc.path("id").asText());
        });
        given().when().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("count", equalTo(entries.size())).body("head_hash", equalTo(previous));
    }

    @Test
    void anEditedEntryBreaksTheChainAtThatEntry() throws SQLException {
        VcApiTest.issue("di");
        long seq = given().queryParam("limit", 1).when().get("/audit").then().statusCode(200)
                .extract().jsonPath().getLong("entries[0].seq");
        // The table's owner can switch the append-only trigger off; the hash chain still gives the edit away.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String original;
            try (ResultSet rs = s.executeQuery("SELECT outcome FROM audit_log WHERE seq = " + seq)) {
                rs.next();
                original = rs.getString(1);
            }
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
            try {
                s.execute("UPDATE audit_log SET outcome = 'nothing happened' WHERE seq = " + seq);
                given().when().get("/audit/verify").then().statusCode(200).body("intact", equalTo(false))
                        .body("first_broken_seq", equalTo((int) seq));
            } finally {
                try (PreparedStatement restore = c.prepareStatement("UPDATE audit_log SET outcome = ? WHERE seq = ?")) {
                    restore.setString(1, original);
                    restore.setLong(2, seq);
                    restore.executeUpdate();
                }
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
            }
        }
        given().when().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void pagesFollowOneAnotherAndBadPagingIsAProblem() {
        VcApiTest.issue("vc+jwt");
        long first = given().queryParam("limit", 1).when().get("/audit").then().statusCode(200)
                .extract().jsonPath().getLong("entries[0].seq");
        long next = given().queryParam("limit", 1).when().get("/audit").then().statusCode(200)
                .extract().jsonPath().getLong("next_after");
        assertThat(next).isEqualTo(first);
        given().queryParam("after", next).queryParam("limit", 1).when().get("/audit").then().statusCode(200)
                .body("entries[0].seq", equalTo((int) next + 1));
        for (String[] query : List.of(new String[] {"limit", "0"}, new String[] {"limit", "1001"}, new String[] {"after", "-1"},
                new String[] {"after", "x"})) {
            given().queryParam(query[0], query[1]).when().get("/audit").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "invalid-request"));
        }
    }

    @Test
    void aLenderMayNotReadTheAuditTrail() {
        given().auth().oauth2(TestClients.tokenFor(Roles.LENDER)).when().get("/audit").then().statusCode(403);
        given().auth().oauth2(TestClients.tokenFor(Roles.LENDER)).when().get("/audit/verify").then().statusCode(403);
    }

    @Test
    void anAnonymousCallerMayNotReadTheAuditTrail() {
        io.restassured.RestAssured.given().when().get("/audit").then().statusCode(401);
    }
}
