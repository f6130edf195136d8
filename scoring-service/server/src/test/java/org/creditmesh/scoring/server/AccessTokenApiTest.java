package org.creditmesh.scoring.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.ModelFiles;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.security.Roles;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scoring service on real access tokens: RFC 9068 JWTs signed with the identity service's key (here
 * {@link TokenService}, whose JWK Set the service fetches over HTTP), verified by service-common's bearer mechanism.
 * No {@code @TestSecurity}: the roles come from the token.
 */
@QuarkusTest
@QuarkusTestResource(ScoringTestResource.class)
class AccessTokenApiTest {

    @Inject
    ModelRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private static String key() {
        return ConfigProvider.getConfig().getValue(TokenService.KEY_PROPERTY, String.class);
    }

    private static String token(JWTClaimsSet claims) {
        return TokenService.sign(key(), claims);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @BeforeEach
    void defaultModel() throws Exception {
        Models.Files3 f = Models.first();
        try {
            registry.register(new ModelRegistry.Registration(ScoresApiTest.DEFAULT_MODEL, "credit-g",
                    new ModelFiles(f.scorecard(), f.provenance(), f.tribuo())), "test-setup");
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ScoringProblem.MODEL_EXISTS);
        }
        registry.activate(ScoresApiTest.DEFAULT_MODEL, Optional.empty(), "test-setup");
    }

    @Test
    void aLenderTokenScoresAPresentation() throws Exception {
        String lender = token(TokenService.claims("lender-token-1", Roles.LENDER).build());
        JsonNode dcql = Json.parse(bearer(lender).get("/scores/request").then().statusCode(200).extract().asString()).get("dcql_query");
        Challenge challenge = ScoresApiTest.challenge();
        ObjectNode vpToken = ScoresApiTest.vpToken(new Wallet(), dcql, challenge, null, Map.of(), Map.of());
        JsonNode scored = Json.parse(bearer(lender).contentType("application/json")
                .body(ScoresApiTest.body(vpToken, challenge.nonce(), false)).post("/scores")
                .then().statusCode(200).contentType("application/json").extract().asString());
        assertThat(scored.get("model").get("id").asText()).isEqualTo(ScoresApiTest.DEFAULT_MODEL.id());
    }

    @Test
    void withNoModelActiveForTheLenderAndNoDefaultScoringIsNoActiveModel() throws Exception {
        String lender = token(TokenService.claims("lender-token-no-model", Roles.LENDER).build());
        JsonNode dcql = Json.parse(bearer(lender).get("/scores/request").then().statusCode(200).extract().asString()).get("dcql_query");
        Challenge challenge = ScoresApiTest.challenge();
        String body = ScoresApiTest.body(ScoresApiTest.vpToken(new Wallet(), dcql, challenge, null, Map.of(), Map.of()),
                challenge.nonce(), false);
        // The service has no way to withdraw a default (activations only replace one), so the test takes the
        // default row out of the real database; every test's @BeforeEach activates it again.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from active_model where scope = ?")) {
            s.setString(1, ModelRegistry.DEFAULT_SCOPE);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        bearer(lender).contentType("application/json").body(body).post("/scores")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.NO_ACTIVE_MODEL.uri()))
                .body("status", equalTo(409))
                .body("detail", equalTo("no model is active for this lender and there is no default"));
        // Refused before the nonce was used: once a model is active the same presentation scores.
        registry.activate(ScoresApiTest.DEFAULT_MODEL, Optional.of("lender-token-no-model"), "test");
        bearer(lender).contentType("application/json").body(body).post("/scores").then().statusCode(200);
    }

    @Test
    void anAdminTokenReadsTheRegistryAndALenderTokenIsForbiddenThere() {
        bearer(token(TokenService.claims("admin-token-1", Roles.ADMIN).build())).get("/models").then().statusCode(200);
        bearer(token(TokenService.claims("lender-token-1", Roles.LENDER).build())).get("/models").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(HttpProblem.FORBIDDEN.uri()))
                .header("WWW-Authenticate", containsString("insufficient_scope"));
    }

    @Test
    void withoutAnAnchoringNodeTheAnchorOfAModelIsAnchoringOff() {
        bearer(token(TokenService.claims("admin-token-1", Roles.ADMIN).build()))
                .get("/models/" + ScoresApiTest.DEFAULT_MODEL.id() + "/" + ScoresApiTest.DEFAULT_MODEL.version() + "/anchor")
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(ScoringProblem.ANCHORING_OFF.uri()));
    }

    @Test
    void noTokenIsUnauthorized() {
        given().get("/scores/request").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(HttpProblem.UNAUTHORIZED.uri())).header("WWW-Authenticate", containsString("Bearer realm="));
    }

    @Test
    void expiredWrongAudienceWrongIssuerAndForgedTokensAreUnauthorized() throws Exception {
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(ECKey.parse(key()).getKeyID()).generate();
        Map<String, String> refused = Map.of(
                "expired", token(TokenService.claims("lender-token-1", Roles.LENDER).issueTime(Date.from(past.minusSeconds(300)))
                        .expirationTime(Date.from(past)).build()),
                "wrong audience", token(TokenService.claims("lender-token-1", Roles.LENDER).audience("https://other.test").build()),
                "wrong issuer", token(TokenService.claims("lender-token-1", Roles.LENDER).issuer("https://evil.test").build()),
                "forged (another key, same kid)", TokenService.sign(stranger.toJSONString(),
                        TokenService.claims("lender-token-1", Roles.LENDER).build()));
        refused.forEach((why, token) -> bearer(token).get("/scores/request").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(HttpProblem.UNAUTHORIZED.uri()))
                .header("WWW-Authenticate", containsString("invalid_token")));
    }
}
