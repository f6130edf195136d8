package org.creditmesh.identity.server.oid4vci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit is wired to the wallet-facing endpoints: a burst of 2 and one request a minute, so the
 * third request in a row is refused with 429 and Retry-After (the bucket arithmetic itself is RateLimiterTest's).
 */
@QuarkusTest
@TestProfile(Oid4vciRateLimitTest.Strict.class)
@WithTestResource(EmbeddedPostgresResource.class)
class Oid4vciRateLimitTest {

    public static final class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.oid4vci.rate-limit.per-minute", "1", "creditmesh.oid4vci.rate-limit.burst", "2");
        }
    }

    @Test
    void theThirdRequestInARowIsRefusedWithRetryAfter() {
        given().when().post("/oid4vci/nonce").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "x")
                .when().post("/oid4vci/token").then().statusCode(400);
        given().contentType("application/json").body("{}").when().post("/oid4vci/credential")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("type", endsWith("too-many-requests"));
        given().when().get("/.well-known/openid-credential-issuer").then().statusCode(200);
    }
}
