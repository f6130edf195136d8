package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TrustFixtures.now;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.keys.ReopenedIssuerKeys;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Key rotation of did:web issuers: a new key with a new verification method signs from then on, the DID document
 * lists old and new keys, what the old key signed still verifies (credentials, status lists, accreditations), the
 * rotation is audited, and the keys are read back from the keystore as a restarted service would.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.RotatingDidWebIssuer.class)
class KeyRotationTest {

    static final String DID = "did:web:rotation.creditmesh.test";
    static final String GOVERNANCE = DID + ":issuers:governance";

    public static final class RotatingDidWebIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.issuer.did", DID);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    @Inject
    IssuerKeys keys;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void newCredentialsAreSignedWithTheNewKeyAndOldOnesStillVerify() throws SQLException {
        JsonNode oldDi = VcApiTest.issue("di");
        JsonNode oldJwt = VcApiTest.issue("vc+jwt");
        String oldMethod = oldDi.path("proof").path("verificationMethod").asText();
        assertThat(oldMethod).startsWith(DID + "#key-");
        assertThat(kid(oldJwt)).isEqualTo(oldMethod);

        JsonNode rotation = VcApiTest.parse(given().when().post("/admin/issuers/default/keys/rotate").then().statusCode(200)
                .body("did", equalTo(DID)).body("previousVerificationMethod", equalTo(oldMethod)).extract().asString());
        String newMethod = rotation.path("verificationMethod").asText();
        assertThat(newMethod).startsWith(DID + "#key-").isNotEqualTo(oldMethod);
        given().when().get("/.well-known/did.json").then().statusCode(200)
                .body("verificationMethod.id", hasItems(oldMethod, newMethod))
                .body("assertionMethod", hasItems(oldMethod, newMethod));
        given().when().get("/admin/issuers").then().statusCode(200)
                .body("issuers.find { it.name == 'default' }.did", equalTo(DID))
                .body("issuers.find { it.name == 'default' }.verificationMethod", equalTo(newMethod))
                .body("issuers.find { it.name == 'default' }.verificationMethods", hasItems(oldMethod, newMethod))
                .body("issuers.find { it.name == 'governance' }.did", equalTo(GOVERNANCE));

        JsonNode newDi = VcApiTest.issue("di");
        JsonNode newJwt = VcApiTest.issue("vc+jwt");
        assertThat(newDi.path("proof").path("verificationMethod").asText()).isEqualTo(newMethod);
        assertThat(kid(newJwt)).isEqualTo(newMethod);
        for (JsonNode vc : List.of(oldDi, oldJwt, newDi, newJwt)) {
            VcApiTest.verify(vc).then().log().ifValidationFails().statusCode(200);
        }
        // The status list is re-signed with the new key; the old credential's status is still read from it.
        given().contentType("application/json").body("{\"credentialId\":\"" + oldDi.path("id").asText() + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status").then().statusCode(200);
        VcApiTest.verify(oldDi).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));

        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM audit_log WHERE action = 'rotate-key' AND actor = '" + TestClients.ADMIN_ID + "' AND outcome = ?")) {
            q.setString(1, oldMethod + " -> " + newMethod);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }

        // After a restart the same keys are read back from the keystore: same signer, same document.
        IssuerKeys reopened = ReopenedIssuerKeys.open(ConfigProvider.getConfig());
        assertThat(reopened.issuer().verificationMethod()).isEqualTo(newMethod);
        assertThat(reopened.verificationMethods(IssuerKeys.DEFAULT)).isEqualTo(keys.verificationMethods(IssuerKeys.DEFAULT))
                .contains(oldMethod, newMethod);
        assertThat(reopened.didWebDocument().orElseThrow().serialize()).isEqualTo(keys.didWebDocument().orElseThrow().serialize());
    }

    @Test
    void theGovernanceIssuerRotatesAndItsEarlierAccreditationsStillVerify() {
        given().when().get("/issuers/governance/did.json").then().statusCode(200).body("id", equalTo(GOVERNANCE));
        given().when().get("/issuers/nobody/did.json").then().statusCode(404);
        Duration year = Duration.ofDays(365);
        JsonNode before = VcApiTest.parse(TrustFixtures.postAccreditation(TrustFixtures.newIssuer().issuer(), List.of("KycCredential"),
                now(), now().plus(year)).then().statusCode(201).extract().asString()).path("verifiableCredential");
        String rotated = given().when().post("/admin/issuers/governance/keys/rotate").then().statusCode(200)
                .body("did", equalTo(GOVERNANCE)).extract().path("verificationMethod");
        JsonNode after = VcApiTest.parse(TrustFixtures.postAccreditation(TrustFixtures.newIssuer().issuer(), List.of("KycCredential"),
                now(), now().plus(year)).then().statusCode(201).extract().asString()).path("verifiableCredential");
        assertThat(before.path("issuer").asText()).isEqualTo(GOVERNANCE);
        assertThat(after.path("proof").path("verificationMethod").asText()).isEqualTo(rotated)
                .isNotEqualTo(before.path("proof").path("verificationMethod").asText());
        VcApiTest.verify(before).then().log().ifValidationFails().statusCode(200);
        VcApiTest.verify(after).then().statusCode(200);
    }

    private static String kid(JsonNode enveloped) {
        String jwt = enveloped.path("id").asText().substring("data:application/vc+jwt,".length());
        return VcApiTest.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8))
                .path("kid").asText();
    }
}
