package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import org.creditmesh.identity.server.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Second half: the service was stopped (PostgreSQL with it) and started again on the same database and keystore.
 * What was issued before still verifies, its status can still be changed, and the audit chain continues intact.
 */
@QuarkusTest
@TestProfile(RestartProfiles.Phase2AfterRestart.class)
class RestartPhase2VerifyTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Test
    void nothingIssuedBeforeTheRestartIsLost() throws IOException, SQLException {
        JsonNode di = VcApiTest.parse(Files.readString(PersistentPostgresResource.root().resolve("di.json")));
        JsonNode jwt = VcApiTest.parse(Files.readString(PersistentPostgresResource.root().resolve("jwt.json")));
        VcApiTest.verify(di).then().statusCode(200);
        VcApiTest.verify(jwt).then().statusCode(200);
        given().contentType("application/json").body("{\"credentialId\":\"" + di.path("id").asText() + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status").then().statusCode(200);
        VcApiTest.verify(di).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
        try (Connection c = dataSource.getConnection()) {
            assertThat(audit.verifyChain(c)).isEqualTo(-1);
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'issue'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    @AfterAll
    static void removeTheFoldersWhenTheServiceStops() {
        System.setProperty(PersistentPostgresResource.DONE, "true");
    }
}
