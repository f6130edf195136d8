package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An issuer configured as a did:web: its document at /.well-known/did.json, and what it issues verifies. */
@QuarkusTest
@TestProfile(DidWebIssuerTest.DidWebIssuer.class)
class DidWebIssuerTest {

    static final String DID = "did:web:identity.creditmesh.test";

    public static final class DidWebIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.issuer.did", DID);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"di", "vc+jwt"})
    void issuesAsTheDidWebWhoseDocumentItServes(String format) {
        given().when().get("/.well-known/did.json").then().statusCode(200)
                .body("id", equalTo(DID))
                .body("verificationMethod[0].id", equalTo(DID + "#key-1"))
                .body("verificationMethod[0].type", equalTo("Multikey"))
                .body("assertionMethod", hasItem(DID + "#key-1"));
        JsonNode vc = VcApiTest.issue(format);
        if (format.equals("di")) {
            assertThat(vc.path("issuer").asText()).isEqualTo(DID);
            assertThat(vc.path("proof").path("verificationMethod").asText()).isEqualTo(DID + "#key-1");
        }
        VcApiTest.verify(vc).then().statusCode(200).body("issuer", equalTo(DID));
    }
}
