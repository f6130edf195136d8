package org.creditmesh.scoring.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.VerificationFailure;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.scoring.claims.ClaimFeatureMapping;
import org.creditmesh.scoring.claims.ClaimRequirements;
import org.creditmesh.scoring.claims.ClaimsToFeatures;
import org.creditmesh.scoring.claims.Dcql;
import org.creditmesh.scoring.claims.RequiredClaim;
import org.creditmesh.scoring.credential.ScoreScale;
import org.creditmesh.scoring.scorecard.ScoreResult;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.server.keys.ScoringKeys;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.ModelFiles;
import org.creditmesh.scoring.server.registry.ModelRef;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.service.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /scores} and {@code GET /scores/request} on the real service and its embedded PostgreSQL: a borrower's
 * wallet answers the DCQL query, the service verifies, scores (the same score the library gives for the same claims),
 * stores no claim value, issues a score credential on request; every bad input is a typed problem.
 */
@QuarkusTest
@QuarkusTestResource(ScoringTestResource.class)
class ScoresApiTest {

    static final ModelRef DEFAULT_MODEL = new ModelRef("credit-g-synthetic", "1.0.0");
    private static final String AUDIENCE = "https://lender-1.example/scoring";
    private static final Set<String> NOT_CLAIM_VALUES = Set.of("iss", "vct", "_sd_alg");

    @Inject
    ModelRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScoringKeys keys;

    /** The default model: registered once (the database lives as long as the test run), activated before each test. */
    @BeforeEach
    void defaultModel() throws Exception {
        registerDefaultModel(registry);
    }

    static void registerDefaultModel(ModelRegistry registry) throws Exception {
        Models.Files3 f = Models.first();
        try {
            registry.register(new ModelRegistry.Registration(DEFAULT_MODEL, "credit-g", new ModelFiles(f.scorecard(), f.provenance(), f.tribuo())), "test-setup");
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ScoringProblem.MODEL_EXISTS);
        }
        registry.activate(DEFAULT_MODEL, Optional.empty(), "test-setup");
    }

    static JsonNode dcql() throws Exception {
        String body = given().get("/scores/request").then().statusCode(200).extract().asString();
        return Json.parse(body).get("dcql_query");
    }

    /** The vp_token of both credentials, as the wallet answers the DCQL query; {@code without} left undisclosed. */
    static ObjectNode vpToken(Wallet wallet, JsonNode dcql, Challenge challenge, ClaimPath without, Map<String, ObjectNode> unsigned,
                              Map<String, SigningKey> issuers) throws Exception {
        ObjectNode token = Json.mapper().createObjectNode();
        for (String type : List.of(Wallet.KYC, Wallet.REPAYMENT)) {
            if (Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + type).isEmpty()) {
                continue;
            }
            ObjectNode vc = unsigned.getOrDefault(type, wallet.example(type));
            String credential = wallet.issue(issuers.getOrDefault(type, Wallet.BUREAU), vc, CredentialIssuer.Options.defaults());
            token.putArray(Dcql.credentialId(type)).add(wallet.present(credential, type, dcql, challenge, without));
        }
        return token;
    }

    static String body(ObjectNode vpToken, String nonce, boolean issue) throws Exception {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("vp_token", vpToken);
        body.put("nonce", nonce);
        body.put("audience", AUDIENCE);
        body.set("application", Wallet.application());
        body.put("issueScoreCredential", issue);
        return Json.write(body);
    }

    static Response post(String body) {
        return given().contentType("application/json").body(body).post("/scores");
    }

    static Challenge challenge() {
        return new Challenge("n-" + UUID.randomUUID(), AUDIENCE);
    }

    private Scorecard defaultScorecard() throws Exception {
        Models.Files3 f = Models.first();
        return new ModelFiles(f.scorecard(), f.provenance(), f.tribuo()).load().scorecard();
    }

    /** The verified, disclosed claims of each presentation, as a lender verifying on its own would see them. */
    private static List<ObjectNode> disclosed(ObjectNode vpToken, Challenge challenge) {
        List<ObjectNode> claims = new ArrayList<>();
        vpToken.properties().forEach(e -> e.getValue().forEach(p -> {
            VerificationReport report = CredentialVerifier.builder().challenge(challenge).build().verify(p.asText());
            assertThat(report.verified()).as("%s", report.failures()).isTrue();
            claims.add(report.claims().orElseThrow());
        }));
        return claims;
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void scoresAVerifiedPresentationAsTheLibraryDoesAndStoresNoClaimValue() throws Exception {
        Wallet wallet = new Wallet();
        JsonNode dcql = dcql();
        Challenge challenge = challenge();
        ObjectNode vpToken = vpToken(wallet, dcql, challenge, null, Map.of(), Map.of());
        JsonNode scored = Json.parse(post(body(vpToken, challenge.nonce(), false)).then().statusCode(200)
                .contentType("application/json").extract().asString());

        Scorecard scorecard = defaultScorecard();
        List<ObjectNode> claims = disclosed(vpToken, challenge);
        ClaimRequirements requirements = ClaimRequirements.derive(scorecard, ClaimFeatureMapping.load(), "credit-g");
        ScoreResult expected = scorecard.score(new ClaimsToFeatures(requirements).features(claims, Wallet.application()));
        assertThat(scored.get("score").asLong()).isEqualTo(expected.points());
        assertThat(scored.get("band").asText()).isEqualTo(expected.band());
        assertThat(scored.get("approved").asBoolean()).isEqualTo(expected.approved());
        assertThat(scored.findValuesAsText("code")).isEqualTo(expected.reasons().stream().map(r -> r.code()).toList());
        assertThat(scored.get("reasonCodes")).allSatisfy(r -> assertThat(r.get("text").asText()).isNotBlank());
        assertThat(scored.at("/model/id").asText()).isEqualTo(DEFAULT_MODEL.id());
        assertThat(scored.at("/model/fingerprint").asText()).isEqualTo("sha256:" + scorecard.fingerprint());
        assertThat(scored.has("scoreCredential")).isFalse();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Json.write(vpToken).getBytes(StandardCharsets.UTF_8)));
        assertThat(scored.get("presentationSha256").asText()).isEqualTo(hash);

        // What was kept: one row, the hash and the result.
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select model_id, version, score, band, lender_client_id from score where presentation_sha256 = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(DEFAULT_MODEL.id());
                assertThat(r.getString(2)).isEqualTo(DEFAULT_MODEL.version());
                assertThat(Math.round(r.getDouble(3))).isEqualTo(expected.points());
                assertThat(r.getString(4)).isEqualTo(expected.band());
                assertThat(r.getString(5)).isEqualTo("lender-1");
                assertThat(r.next()).isFalse();
            }
        }

        // No claim value, nor the holder's DID or key, nor the application, anywhere in the database.
        List<String> values = new ArrayList<>();
        claims.forEach(cl -> leaves(cl, null, values));
        leaves(Wallet.application(), null, values);
        assertThat(values).contains(wallet.holder);
        // The search below does find these values where they are: in the claims themselves.
        String claimsText = Json.write(claims) + Json.write(Wallet.application());
        assertThat(values.stream().filter(v -> containsValue(claimsText, v)).count()).isGreaterThan(10);
        Map<String, List<String>> db = DatabaseContents.read(dataSource);
        assertThat(db).containsKeys("score.presentation_sha256", "scoring_model.fingerprint", "model_activation.scope");
        for (Map.Entry<String, List<String>> column : db.entrySet()) {
            if (DatabaseContents.MODEL_FILES.contains(column.getKey())) {
                continue;
            }
            for (String cell : column.getValue()) {
                for (String value : values) {
                    assertThat(containsValue(cell, value)).as("%s holds a disclosed value", column.getKey()).isFalse();
                }
            }
        }
        // The model files in the registry are the uploaded ones, byte for byte (they hold no applicant data).
        Models.Files3 f = Models.first();
        assertThat(db.get("scoring_model.scorecard_json")).contains(new String(f.scorecard(), StandardCharsets.UTF_8));
    }

    /** Strings of four or more characters as substrings; numbers of three or more digits as whole numbers. */
    private static boolean containsValue(String cell, String value) {
        if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return value.replace("-", "").length() >= 3
                    && Pattern.compile("(?<![0-9.])" + Pattern.quote(value) + "(?![0-9.])").matcher(cell).find();
        }
        return value.length() >= 4 && cell.contains(value);
    }

    private static void leaves(JsonNode node, String name, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (!NOT_CLAIM_VALUES.contains(e.getKey())) {
                    leaves(e.getValue(), e.getKey(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> leaves(n, name, out));
        } else if (node.isTextual() || node.isNumber()) {
            out.add(node.asText());
        }
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void issuesAScoreCredentialTheBorrowerCanShowAsAThresholdOnly() throws Exception {
        Wallet wallet = new Wallet();
        JsonNode dcql = dcql();
        Challenge challenge = challenge();
        JsonNode scored = Json.parse(post(body(vpToken(wallet, dcql, challenge, null, Map.of(), Map.of()), challenge.nonce(), true))
                .then().statusCode(200).extract().asString());
        String credential = scored.get("scoreCredential").asText();
        int creditScore = scored.get("creditScore").asInt();

        // The borrower shows another lender only "score >= 650", bound to the borrower's key.
        Challenge lender2 = new Challenge("n-lender-2", "https://lender-2.example");
        String shown = new CredentialPresenter(wallet.holderKey, java.time.Clock.systemUTC())
                .present(credential, List.of(ClaimPath.of(ScoreScale.thresholdClaim(650))), lender2);
        VerificationReport report = CredentialVerifier.builder().challenge(lender2).build().verify(shown);
        assertThat(report.verified()).as("%s", report.failures()).isTrue();
        ObjectNode seen = report.claims().orElseThrow();
        assertThat(seen.get("iss").asText()).isEqualTo(keys.issuer().issuer());
        given().get("/scores/issuer").then().statusCode(200).body("issuer", equalTo(keys.issuer().issuer()));
        assertThat(seen.get("sub").asText()).isEqualTo(wallet.holder);
        assertThat(seen.get("score_at_least_650").asBoolean()).isEqualTo(creditScore >= 650);
        for (String hidden : List.of("score", "scoreBand", "reasonCodes", "score_at_least_600", "score_at_least_700", "assessedApplication")) {
            assertThat(seen.has(hidden)).as(hidden).isFalse();
        }
        assertThat(seen.at("/scoringModel/modelFingerprint").asText()).isEqualTo(scored.at("/model/fingerprint").asText());
        assertThat(seen.at("/scoringModel/modelId").asText()).isEqualTo(DEFAULT_MODEL.id());

        // Shown whole, it carries the score the lender was told.
        String all = new CredentialPresenter(wallet.holderKey, java.time.Clock.systemUTC())
                .present(credential, List.of(ClaimPath.of("score"), ClaimPath.of("scoreBand")), lender2);
        ObjectNode full = CredentialVerifier.builder().challenge(lender2).build().verify(all).claims().orElseThrow();
        assertThat(full.get("score").asInt()).isEqualTo(creditScore);
        assertThat(full.get("scoreBand").asText()).isEqualTo(ScoreScale.band(creditScore));
    }

    private ClaimRequirements requirements() throws Exception {
        return ClaimRequirements.derive(defaultScorecard(), ClaimFeatureMapping.load(), "credit-g");
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aPresentationWithoutANeededClaimIsMissingClaimNamingIt() throws Exception {
        RequiredClaim dropped = requirements().credential().stream().filter(c -> c.column().absentValue().isEmpty()).findFirst().orElseThrow();
        Challenge challenge = challenge();
        post(body(vpToken(new Wallet(), dcql(), challenge, dropped.path(), Map.of(), Map.of()), challenge.nonce(), false))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.MISSING_CLAIM.uri()))
                .body("code", equalTo("missing_claim"))
                .body("claim", equalTo(dropped.claim().claim()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aClaimOutOfRangeIsClaimOutOfRangeNamingIt() throws Exception {
        RequiredClaim numeric = requirements().credential().stream()
                .filter(c -> Set.of("identity", "codedAmountBand", "amountBand").contains(c.column().transform())).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture model should use a numeric bureau claim"));
        Wallet wallet = new Wallet();
        ObjectNode bad = wallet.example(numeric.credentialType());
        ObjectNode parent = (ObjectNode) bad.get("credentialSubject");
        for (String element : numeric.claim().path().subList(0, numeric.claim().path().size() - 1)) {
            parent = (ObjectNode) parent.get(element);
        }
        String last = numeric.claim().path().getLast();
        if (numeric.column().transform().equals("identity")) {
            parent.put(last, 1000);
        } else {
            parent.set(last, Json.parseObject("{\"minAmount\":-100,\"maxAmount\":100,\"currency\":\"DEM\"}"));
        }
        Challenge challenge = challenge();
        post(body(vpToken(wallet, dcql(), challenge, null, Map.of(numeric.credentialType(), bad), Map.of()), challenge.nonce(), false))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.CLAIM_OUT_OF_RANGE.uri()))
                .body("claim", equalTo(numeric.claim().claim()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aPresentationMadeForAnotherNonceIsUnverified() throws Exception {
        Challenge challenge = challenge();
        post(body(vpToken(new Wallet(), dcql(), challenge, null, Map.of(), Map.of()), "n-some-other-nonce", false))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.UNVERIFIED_PRESENTATION.uri()))
                .body("failures", hasItem(VerificationFailure.HOLDER_BINDING.code()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aReplayedPresentationIsRefusedAsANonceAlreadyUsed() throws Exception {
        Challenge challenge = challenge();
        String body = body(vpToken(new Wallet(), dcql(), challenge, null, Map.of(), Map.of()), challenge.nonce(), false);
        post(body).then().statusCode(200);
        post(body).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.NONCE_REUSED.uri()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aCredentialFromABureauNotOnTheTrustListIsUnverified() throws Exception {
        Challenge challenge = challenge();
        SigningKey stranger = SigningKey.generate(KeyType.ED25519);
        post(body(vpToken(new Wallet(), dcql(), challenge, null, Map.of(), Map.of(Wallet.KYC, stranger, Wallet.REPAYMENT, stranger)),
                challenge.nonce(), false))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(ScoringProblem.UNVERIFIED_PRESENTATION.uri()))
                .body("failures", hasItem(VerificationFailure.UNTRUSTED_ISSUER.code()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void aRevokedCredentialIsUnverifiedAndTheSameOneScoresWhileValid() throws Exception {
        JsonNode dcql = dcql();
        Assumptions.assumeBoth(dcql);
        try (StatusListServer status = new StatusListServer()) {
            TokenStatusList list = TokenStatusList.create(1024, 1);
            status.publish(list);
            Wallet wallet = new Wallet();
            String kyc = wallet.issue(Wallet.BUREAU, wallet.example(Wallet.KYC),
                    CredentialIssuer.Options.defaults().withTokenStatus(new StatusReference(5, status.uri)));
            String repayment = wallet.issue(wallet.example(Wallet.REPAYMENT));
            Challenge first = challenge();
            post(body(twoCredentials(wallet, dcql, first, kyc, repayment), first.nonce(), false)).then().statusCode(200);

            status.publish(list.with(5, 1));
            Challenge second = challenge();
            post(body(twoCredentials(wallet, dcql, second, kyc, repayment), second.nonce(), false)).then().statusCode(422)
                    .body("type", equalTo(ScoringProblem.UNVERIFIED_PRESENTATION.uri()))
                    .body("failures", hasItem(VerificationFailure.REVOKED.code()));
        }
    }

    private static ObjectNode twoCredentials(Wallet wallet, JsonNode dcql, Challenge challenge, String kyc, String repayment) throws Exception {
        ObjectNode token = Json.mapper().createObjectNode();
        token.putArray(Dcql.credentialId(Wallet.KYC)).add(wallet.present(kyc, Wallet.KYC, dcql, challenge, null));
        token.putArray(Dcql.credentialId(Wallet.REPAYMENT)).add(wallet.present(repayment, Wallet.REPAYMENT, dcql, challenge, null));
        return token;
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void credentialsOfTwoHoldersAreNotScoredTogether() throws Exception {
        JsonNode dcql = dcql();
        Assumptions.assumeBoth(dcql);
        Challenge challenge = challenge();
        ObjectNode first = vpToken(new Wallet(), dcql, challenge, null, Map.of(), Map.of());
        ObjectNode second = vpToken(new Wallet(), dcql, challenge, null, Map.of(), Map.of());
        ObjectNode mixed = Json.mapper().createObjectNode();
        mixed.set(Dcql.credentialId(Wallet.KYC), first.get(Dcql.credentialId(Wallet.KYC)));
        mixed.set(Dcql.credentialId(Wallet.REPAYMENT), second.get(Dcql.credentialId(Wallet.REPAYMENT)));
        post(body(mixed, challenge.nonce(), false)).then().statusCode(422)
                .body("type", equalTo(ScoringProblem.MIXED_HOLDERS.uri()));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void malformedAndIncompleteBodiesAreProblems() {
        post("{\"vp_token\":").then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://creditmesh.org/problems/malformed-json"));
        post("{\"nonce\":\"n\",\"audience\":\"a\"}").then().statusCode(400)
                .body("type", equalTo("https://creditmesh.org/problems/invalid-request"));
        post("{\"vp_token\":{\"kyc\":[\"x\"]},\"audience\":\"a\"}").then().statusCode(400)
                .body("type", equalTo("https://creditmesh.org/problems/invalid-request"));
        post("{\"vp_token\":{\"kyc\":[\"not an sd-jwt\"]},\"nonce\":\"n\",\"audience\":\"a\"}").then().statusCode(422)
                .body("type", equalTo(ScoringProblem.UNVERIFIED_PRESENTATION.uri()));
    }

    @Test
    void withoutAnAuthenticatedCallerScoringIsUnauthorized() {
        post("{}").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/unauthorized"));
        given().get("/scores/request").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "admin")
    void anAdminIsNotALender() {
        post("{}").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/forbidden"));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void thePresentationRequestAsksExactlyTheModelsCredentialClaims() throws Exception {
        ClaimRequirements requirements = requirements();
        JsonNode request = Json.parse(given().get("/scores/request").then().statusCode(200).extract().asString());
        assertThat(request.at("/model/id").asText()).isEqualTo(DEFAULT_MODEL.id());
        assertThat(request.get("dcql_query")).isEqualTo(Dcql.query(requirements));
        List<ClaimPath> asked = new ArrayList<>();
        for (String type : List.of(Wallet.KYC, Wallet.REPAYMENT)) {
            asked.addAll(Dcql.claimPaths(request.get("dcql_query"), CredentialIssuer.VCT_PREFIX + type));
        }
        assertThat(asked).containsExactlyInAnyOrderElementsOf(requirements.credential().stream().map(RequiredClaim::path).toList());
        List<String> application = new ArrayList<>();
        request.get("application").forEach(n -> application.add(n.asText()));
        assertThat(application).containsExactlyInAnyOrderElementsOf(requirements.application().stream().map(c -> c.claim().claim()).toList());
        given().queryParam("model", "no-such-model").queryParam("version", "1.0.0").get("/scores/request")
                .then().statusCode(404).body("type", equalTo(ScoringProblem.MODEL_NOT_FOUND.uri()));
    }

    /** Guards of fixture assumptions. */
    static final class Assumptions {
        private Assumptions() {
        }

        static void assumeBoth(JsonNode dcql) {
            for (String type : List.of(Wallet.KYC, Wallet.REPAYMENT)) {
                assertThat(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + type))
                        .as("the fixture model should ask claims of %s", type).isNotEmpty();
            }
        }
    }
}
