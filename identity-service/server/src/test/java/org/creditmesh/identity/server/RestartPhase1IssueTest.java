package org.creditmesh.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;

/** First half of the restart test: issue, and keep the credential where {@link RestartPhase2VerifyTest} finds it. */
@QuarkusTest
@TestProfile(RestartProfiles.Phase1BeforeRestart.class)
class RestartPhase1IssueTest {

    @Test
    void issuesCredentialsBeforeTheRestart() throws IOException {
        JsonNode di = VcApiTest.issue("di");
        JsonNode jwt = VcApiTest.issue("vc+jwt");
        VcApiTest.verify(di).then().statusCode(200);
        assertThat(di.path("credentialStatus").isArray()).isTrue();
        Files.writeString(PersistentPostgresResource.root().resolve("di.json"), Json.write(di));
        Files.writeString(PersistentPostgresResource.root().resolve("jwt.json"), Json.write(jwt));
    }
}
