package org.creditmesh.identity.server.oid4vci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit on the wallet-facing endpoints, with a bucket of 2 that refills once an hour (so nothing
 * depends on timing) and this test's loopback address configured as a trusted reverse proxy: each forwarded client
 * has its own bucket, checked before any work (a third request is 429 problem details with Retry-After whatever it
 * asks), and a client cannot escape its bucket by writing its own X-Forwarded-For entries.
 */
@QuarkusTest
@TestProfile(Oid4vciRateLimitTest.Strict.class)
@WithTestResource(EmbeddedPostgresResource.class)
class Oid4vciRateLimitTest {

    public static final class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.rate-limit.oid4vci.capacity", "2", "creditmesh.rate-limit.oid4vci.refill-period", "PT1H",
                    "creditmesh.http.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static RequestSpecification from(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor);
    }

    private static void assertLimited(RequestSpecification request) {
        request.contentType("application/json").body("{}").when().post("/oid4vci/credential")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", endsWith("too-many-requests"));
    }

    @Test
    void theThirdRequestFromAClientIsRefusedBeforeAnyWorkWithRetryAfter() {
        from("203.0.113.1").when().post("/oid4vci/nonce").then().statusCode(200);
        from("203.0.113.1").contentType("application/x-www-form-urlencoded").formParam("grant_type", "x")
                .when().post("/oid4vci/token").then().statusCode(400);
        assertLimited(from("203.0.113.1"));
        // Metadata is not limited.
        from("203.0.113.1").when().get("/.well-known/openid-credential-issuer").then().statusCode(200);
    }

    @Test
    void eachForwardedClientHasItsOwnBucketAndCannotWriteItselfANewOne() {
        from("203.0.113.2").when().post("/oid4vci/nonce").then().statusCode(200);
        from("203.0.113.2").when().post("/oid4vci/nonce").then().statusCode(200);
        assertLimited(from("203.0.113.2"));
        // Entries the client wrote itself stand left of the one the proxy appended, and are not believed.
        assertLimited(from("198.51.100.66, 203.0.113.2"));
        assertLimited(given().header("X-Forwarded-For", "198.51.100.67").header("X-Forwarded-For", "203.0.113.2"));
        // Another client behind the same proxy is not affected.
        from("203.0.113.3").when().post("/oid4vci/nonce").then().statusCode(200);
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        from("2001:db8:5:6::1").when().post("/oid4vci/nonce").then().statusCode(200);
        from("2001:db8:5:6::2").when().post("/oid4vci/nonce").then().statusCode(200);
        assertLimited(from("2001:db8:5:6:ffff::3"));
        from("2001:db8:5:7::1").when().post("/oid4vci/nonce").then().statusCode(200);
    }
}
