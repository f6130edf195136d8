package org.creditmesh.scoring.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.creditmesh.core.json.Json;
import org.creditmesh.service.http.RequestLimits;
import org.junit.jupiter.api.Test;

/** What operators and integrators rely on: health, metrics, the OpenAPI document, request ids and the size limit. */
@QuarkusTest
@QuarkusTestResource(ScoringTestResource.class)
class OperationsTest {

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        JsonNode doc = Json.parse(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        assertThat(doc.get("paths").has("/scores")).isTrue();
        assertThat(doc.get("paths").has("/scores/request")).isTrue();
        assertThat(doc.get("paths").has("/models")).isTrue();
        assertThat(doc.get("paths").has("/models/{id}/{version}/activate")).isTrue();
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aBodyOverTheLimitIsAProblemAndTheRequestIdIsEchoed() {
        byte[] big = new byte[RequestLimits.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType("application/json").header("X-Request-Id", "req-123").body(big).post("/scores")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Request-Id", "req-123")
                .body("type", equalTo("https://creditmesh.org/problems/payload-too-large"));
        given().get("/no/such/path").then().statusCode(404).contentType("application/problem+json");
    }
}
