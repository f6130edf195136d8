package org.creditmesh.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TrustFixtures.accredit;
import static org.creditmesh.identity.server.TrustFixtures.change;
import static org.creditmesh.identity.server.TrustFixtures.now;
import static org.creditmesh.identity.server.TrustFixtures.signKyc;
import static org.creditmesh.identity.server.TrustFixtures.trustCheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.issuance.StatusLists;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The verify path answers from memory (trust registry, own status lists, organisations); these tests pin down when a
 * change becomes visible. A change made through this instance is seen by the very next request. A change committed by
 * another replica is simulated by committing the same rows straight to the database, bypassing this instance's
 * services (and so their reloads): it must be seen within the documented bound, creditmesh.cache.refresh-interval
 * (one second by default), of which the waits below allow five times.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CacheInvalidationTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatusLists statusLists;

    @Test
    void accreditingAndSuspendingHereAreSeenByTheVeryNextVerify() {
        CredentialIssuer issuer = TrustFixtures.newIssuer();
        JsonNode vc = signKyc(issuer, SecuringFormat.JOSE, now().minus(DAY));
        assertThat(trustCheck(VcApiTest.verify(vc).then().statusCode(422).extract().response()).path("detail").asText())
                .startsWith("not_accredited:");

        String id = accredit(issuer.issuer(), List.of("KycCredential"), now().minus(DAY.multipliedBy(10)), now().plus(DAY));
        VcApiTest.verify(vc).then().statusCode(200);

        change(id, "suspend", now().minus(DAY.multipliedBy(2))).then().statusCode(200);
        assertThat(trustCheck(VcApiTest.verify(vc).then().statusCode(422).extract().response()).path("detail").asText())
                .startsWith("accreditation_suspended:");
    }

    @Test
    void aSuspensionCommittedByAnotherReplicaIsSeenWithinTheRefreshInterval() throws SQLException {
        CredentialIssuer issuer = TrustFixtures.newIssuer();
        String id = accredit(issuer.issuer(), List.of("KycCredential"), now().minus(DAY.multipliedBy(10)), now().plus(DAY));
        JsonNode vc = signKyc(issuer, SecuringFormat.JOSE, now().minus(DAY));
        VcApiTest.verify(vc).then().statusCode(200);

        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO accreditation_event (accreditation_id, kind, effective_from, actor) VALUES (?, 'suspend', ?, 'other-replica')")) {
            insert.setString(1, id);
            insert.setTimestamp(2, Timestamp.from(now().minus(DAY.multipliedBy(2))));
            insert.executeUpdate();
        }
        awaitWithinBound("the other replica's suspension", () -> VcApiTest.verify(vc).statusCode() == 422);
        assertThat(trustCheck(VcApiTest.verify(vc).then().statusCode(422).extract().response()).path("detail").asText())
                .startsWith("accreditation_suspended:");
    }

    @Test
    void aRevocationHereIsSeenByTheVeryNextVerifyInEveryFormat() {
        for (String format : List.of("di", "vc+jwt")) {
            JsonNode vc = VcApiTest.issue(format);
            VcApiTest.verify(vc).then().statusCode(200);
            TestClients.given().contentType("application/json")
                    .body("{\"credentialId\":\"" + credentialId(vc) + "\",\"status\":\"suspended\"}")
                    .when().post("/credentials/status").then().statusCode(200);
            VcApiTest.verify(vc).then().statusCode(422);
            TestClients.given().contentType("application/json")
                    .body("{\"credentialId\":\"" + credentialId(vc) + "\",\"status\":\"active\"}")
                    .when().post("/credentials/status").then().statusCode(200);
            VcApiTest.verify(vc).then().statusCode(200);
            TestClients.given().contentType("application/json")
                    .body("{\"credentialId\":\"" + credentialId(vc) + "\",\"status\":\"revoked\"}")
                    .when().post("/credentials/status").then().statusCode(200);
            assertThat(VcApiTest.verify(vc).then().statusCode(422).extract().asString()).contains("\"revoked\"");
        }
    }

    @Test
    void aRevocationCommittedByAnotherReplicaIsSeenWithinTheRefreshInterval() throws Exception {
        JsonNode vc = VcApiTest.issue("di");
        VcApiTest.verify(vc).then().statusCode(200);
        String list;
        int index;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT status_list, status_index FROM issued_credential WHERE id = ?")) {
            q.setString(1, credentialId(vc));
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                list = rs.getString(1);
                index = rs.getInt(2);
            }
        }
        // What another replica's revocation commits: the re-signed list, its version bumped.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            statusLists.update(c, list, index, true);
            c.commit();
        }
        awaitWithinBound("the other replica's revocation", () -> VcApiTest.verify(vc).statusCode() == 422);
        assertThat(VcApiTest.verify(vc).then().statusCode(422).extract().asString()).contains("\"revoked\"");
    }

    @Test
    void anOrganisationDisabledByAnotherReplicaIsRefusedWithinTheRefreshInterval() throws SQLException {
        TestClients.Client lender = TestClients.register(Roles.LENDER, "cache-lender-" + java.util.UUID.randomUUID().toString().substring(0, 8), null);
        String token = TestClients.token(lender);
        JsonNode vc = VcApiTest.issue("vc+jwt");
        verifyAs(token, vc).then().statusCode(200);
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE organisation SET disabled_at = now() WHERE client_id = ?")) {
            u.setString(1, lender.clientId());
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        awaitWithinBound("the other replica's disabling", () -> verifyAs(token, vc).statusCode() == 401);
    }

    @Test
    void anOrganisationDisabledHereIsRefusedAtItsNextRequest() {
        TestClients.Client lender = TestClients.register(Roles.LENDER, "cache-lender-" + java.util.UUID.randomUUID().toString().substring(0, 8), null);
        String token = TestClients.token(lender);
        JsonNode vc = VcApiTest.issue("vc+jwt");
        verifyAs(token, vc).then().statusCode(200);
        TestClients.given().when().post("/admin/organisations/" + lender.clientId() + "/disable").then().statusCode(200);
        verifyAs(token, vc).then().statusCode(401);
    }

    private static io.restassured.response.Response verifyAs(String token, JsonNode vc) {
        var body = org.creditmesh.core.json.Json.mapper().createObjectNode();
        body.set("verifiableCredential", vc);
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(org.creditmesh.core.json.Json.write(body)).when().post("/credentials/verify");
    }

    private static String credentialId(JsonNode vc) {
        if (vc.has("id") && !vc.path("id").asText().startsWith("data:")) {
            return vc.path("id").asText();
        }
        // vc+jwt: an EnvelopedVerifiableCredential; the id is in the JWT's payload.
        String data = vc.path("id").asText();
        String jwt = data.substring(data.indexOf(',') + 1);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        return VcApiTest.parse(payload).path("id").asText();
    }

    /** Waits for {@code seen}, failing if it takes longer than five refresh intervals. */
    private static void awaitWithinBound(String what, BooleanSupplier seen) {
        Duration interval = ConfigProvider.getConfig().getOptionalValue("creditmesh.cache.refresh-interval", Duration.class)
                .orElse(Duration.ofSeconds(1));
        Instant deadline = Instant.now().plus(interval.multipliedBy(5));
        while (!seen.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " seen within five refresh intervals").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
