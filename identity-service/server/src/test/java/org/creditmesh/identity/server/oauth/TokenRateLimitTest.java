package org.creditmesh.identity.server.oauth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.TestClients.Client;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's rate limit with a bucket of 2 that refills once an hour, so the outcome does not depend on
 * timing: the third token request from this address is refused with 429 problem details and Retry-After, whatever
 * X-Forwarded-For it claims (no trusted proxy is configured).
 */
@QuarkusTest
@TestProfile(TokenRateLimitTest.TinyBucket.class)
class TokenRateLimitTest {

    public static final class TinyBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.rate-limit.token.capacity", "2", "creditmesh.rate-limit.token.refill-period", "PT1H");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    @Test
    void theThirdTokenRequestFromOneAddressIs429WithRetryAfter() {
        // First request of this service: the admin's token, which registers the lender.
        Client lender = TestClients.register(Roles.LENDER, "rate-limited-lender", null);
        // Second: still within the bucket.
        TokenEndpointTest.basic(lender, "grant_type=client_credentials").then().statusCode(200);
        // Third: refused before the secret is even checked.
        TokenEndpointTest.basic(lender, "grant_type=client_credentials").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/too-many-requests"))
                .body("status", equalTo(429))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[0-9]+"))
                .header("Retry-After", org.hamcrest.Matchers.not("0"));
        // No trusted proxy is configured here: X-Forwarded-For is the client's own writing and changes nothing.
        given().header("X-Forwarded-For", "198.51.100.99").contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&client_id=someone-else&client_secret=x")
                .when().post("/oauth2/token").then().statusCode(429).contentType("application/problem+json");
        // Other endpoints are not limited by it.
        given().get("/oauth2/jwks").then().statusCode(200);
    }
}
