package org.creditmesh.scoring.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.schemas.SchemaResources;
import org.creditmesh.scoring.credential.CreditScoreIssuer;
import org.creditmesh.scoring.credential.ScoreScale;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScoreResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bureau issues KYC and repayment-history SD-JWT VCs (shapes of {@code schemas/examples/.../valid}) with every
 * claim disclosable; the borrower presents only what the model's DCQL query asks; the scoring service verifies,
 * maps, scores and issues a CreditScoreCredential; the borrower shows a lender only {@code score_at_least_650}.
 */
class ScoringFromCredentialsEndToEndTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Path EXAMPLES = Path.of(System.getProperty("creditmesh.repo.dir", "../.."), "schemas", "examples");
    /** Members every SD-JWT VC carries in the clear; they are not subject claims. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "iat", "nbf", "exp", "vct", "cnf", "sub", "status");

    private static Scorecard scorecard;
    private static ClaimRequirements requirements;
    private static ObjectNode dcql;
    private static SigningKey bureauKey;
    private static SigningKey holderKey;
    private static String holder;
    private static CredentialIssuer bureau;

    @BeforeAll
    static void setUp() throws Exception {
        scorecard = CreditGSynthetic.scorecard();
        requirements = ClaimRequirements.derive(scorecard, ClaimFeatureMapping.load(), "credit-g");
        dcql = Dcql.query(requirements);
        bureauKey = SigningKey.generate(KeyType.ED25519);
        holderKey = SigningKey.generate(KeyType.ED25519);
        holder = DidKey.create(holderKey.publicKey()).toString();
        bureau = new CredentialIssuer(bureauKey);
    }

    /** An example credential re-addressed to the holder, issuer left for the signing key, amounts in DEM. */
    private static ObjectNode example(String file) throws Exception {
        ObjectNode vc = Json.parseObject(Files.readAllBytes(EXAMPLES.resolve(file)));
        vc.remove("issuer");
        vc.remove("credentialStatus");
        ObjectNode subject = (ObjectNode) vc.get("credentialSubject");
        subject.put("id", holder);
        JsonNode savings = subject.path("financialProfile").path("savingsBalanceBand");
        if (savings.isObject()) {
            ((ObjectNode) savings).put("currency", "DEM");
        }
        return vc;
    }

    /**
     * Every claim selectively disclosable: each member of the subject and each member of its grouping objects
     * ({@code employment}, {@code financialProfile}, ...). Values that are objects themselves (amount bands) are
     * one claim, disclosed whole: a DCQL path to an object asks for the object, and a holder discloses a path's
     * prefixes, not its descendants.
     */
    private static List<ClaimPath> everyClaim(JsonNode node, ClaimPath at) {
        List<ClaimPath> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (at.isRoot() && e.getKey().equals("id")) {
                continue;
            }
            ClaimPath p = at.member(e.getKey());
            paths.add(p);
            if (at.isRoot() && e.getValue().isObject()) {
                paths.addAll(everyClaim(e.getValue(), p));
            }
        }
        return paths;
    }

    private static String issue(ObjectNode unsigned) throws Exception {
        return bureau.issue(unsigned, SecuringFormat.SD_JWT, CredentialIssuer.Options.defaults().withClock(CLOCK)
                .withHolderKey(holderKey.publicKey()).withDisclosable(everyClaim(unsigned.get("credentialSubject"), ClaimPath.root())));
    }

    private static ObjectNode kyc() throws Exception {
        return example("kyc/valid/kyc-full-profile.json");
    }

    private static ObjectNode repayment() throws Exception {
        return example("repayment-history/valid/repayment-two-loans.json");
    }

    /** The loan application the lender sends, shaped as {@code assessedApplication}. */
    private static ObjectNode application() throws Exception {
        return Json.parseObject("""
                {"loanPurpose":"usedCar","loanAmount":4200,"loanDurationMonths":24,"instalmentRatePercent":22,
                 "otherDebtors":"none","currency":"DEM"}""");
    }

    /** The holder answers the DCQL query: each credential with only the paths the query names for its vct. */
    private static String present(String credential, String type, Challenge challenge, ClaimPath without) throws Exception {
        List<ClaimPath> paths = new ArrayList<>(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + type));
        paths.remove(without);
        return new CredentialPresenter(holderKey, CLOCK).present(credential, paths, challenge);
    }

    private static ObjectNode verified(String presentation, Challenge challenge) throws ScoringInputException {
        VerificationReport report = CredentialVerifier.builder().clock(CLOCK).challenge(challenge).build().verify(presentation);
        assertThat(report.verified()).as("verified: %s", report.failures()).isTrue();
        return ClaimsToFeatures.verifiedClaims(report);
    }

    private static List<ClaimPath> subjectLeaves(JsonNode node, ClaimPath at) {
        List<ClaimPath> leaves = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (at.isRoot() && JWT_CLAIMS.contains(e.getKey())) {
                continue;
            }
            if (e.getValue().isObject() && !e.getKey().endsWith("Band")) {
                leaves.addAll(subjectLeaves(e.getValue(), at.member(e.getKey())));
            } else {
                leaves.add(at.member(e.getKey()));
            }
        }
        return leaves;
    }

    @Test
    void bureauCredentialsToScoreToAThresholdOnlyPresentation() throws Exception {
        Challenge scoring = new Challenge("n-scoring-1", "https://scoring.creditmesh.example");
        List<ObjectNode> disclosed = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> credential : Map.of("KycCredential", kyc(), "RepaymentHistoryCredential", repayment()).entrySet()) {
            String vct = CredentialIssuer.VCT_PREFIX + credential.getKey();
            List<ClaimPath> asked = Dcql.claimPaths(dcql, vct);
            if (asked.isEmpty()) {
                continue;
            }
            ObjectNode claims = verified(present(issue(credential.getValue()), credential.getKey(), scoring, null), scoring);
            // The verifier learns exactly the asked claims: no protected claim, nothing the model does not use.
            assertThat(subjectLeaves(claims, ClaimPath.root())).containsExactlyInAnyOrderElementsOf(asked);
            assertThat(claims.has("ageBand") || claims.has("sex") || claims.has("maritalStatus") || claims.has("foreignWorker")).isFalse();
            disclosed.add(claims);
        }
        assertThat(disclosed).isNotEmpty();

        Map<String, String> features = new ClaimsToFeatures(requirements).features(disclosed, application());
        assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(scorecard.requiredAttributes());
        ScoreResult result = scorecard.score(features);

        CreditScoreIssuer scoringService = new CreditScoreIssuer(new CredentialIssuer(SigningKey.generate(KeyType.ED25519)),
                CreditScoreIssuer.Settings.of("creditmesh-scorecard", "1.0.0"), CLOCK);
        ObjectNode unsigned = scoringService.credential(holder, result, application());
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaResources.openJsonSchema(CredentialType.CREDIT_SCORE), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        assertThat(schema.validate(unsigned)).as("CreditScoreCredential schema").isEmpty();
        String scoreCredential = scoringService.issue(holder, holderKey.publicKey(), result, application());

        Challenge lender = new Challenge("n-lender-7", "https://lender.example");
        String shown = new CredentialPresenter(holderKey, CLOCK).present(scoreCredential,
                List.of(ClaimPath.of(ScoreScale.thresholdClaim(650))), lender);
        ObjectNode seen = verified(shown, lender);

        int score = ScoreScale.onScale(result.score());
        assertThat(seen.get("score_at_least_650").asBoolean()).isEqualTo(score >= 650);
        assertThat(seen.has("score")).isFalse();
        assertThat(seen.has("scoreBand")).isFalse();
        assertThat(seen.has("reasonCodes")).isFalse();
        assertThat(seen.has("score_at_least_600")).isFalse();
        assertThat(seen.has("score_at_least_700")).isFalse();
        assertThat(seen.has("assessedApplication")).isFalse();
        assertThat(seen.at("/scoringModel/modelFingerprint").asText()).isEqualTo("sha256:" + scorecard.fingerprint());
        assertThat(seen.get("sub").asText()).isEqualTo(holder);
        assertThat(Json.write(seen)).doesNotContain("\"" + score + "\"").doesNotContain(":" + score + ",").doesNotContain(":" + score + "}");
    }

    @Test
    void aPresentationWithoutANeededClaimIsMissingClaimNamingIt() throws Exception {
        RequiredClaim dropped = requirements.credential().stream()
                .filter(c -> c.column().absentValue().isEmpty()).findFirst().orElseThrow();
        Challenge challenge = new Challenge("n-missing", "https://scoring.creditmesh.example");
        List<ObjectNode> disclosed = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> credential : Map.of("KycCredential", kyc(), "RepaymentHistoryCredential", repayment()).entrySet()) {
            if (!Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + credential.getKey()).isEmpty()) {
                disclosed.add(verified(present(issue(credential.getValue()), credential.getKey(), challenge, dropped.path()), challenge));
            }
        }
        assertThatThrownBy(() -> new ClaimsToFeatures(requirements).features(disclosed, application()))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("missing_claim");
                    assertThat(e.claim()).contains(dropped.claim().claim());
                });
    }

    @Test
    void aPresentedValueOutOfRangeIsClaimOutOfRange() throws Exception {
        RequiredClaim numeric = requirements.credential().stream()
                .filter(c -> Set.of("identity", "codedAmountBand", "amountBand").contains(c.column().transform())).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture model should use a numeric bureau claim"));
        ObjectNode bad = numeric.credentialType().equals("KycCredential") ? kyc() : repayment();
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
        Challenge challenge = new Challenge("n-range", "https://scoring.creditmesh.example");
        List<ObjectNode> disclosed = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> credential : Map.of("KycCredential", kyc(), "RepaymentHistoryCredential", repayment()).entrySet()) {
            ObjectNode vc = credential.getKey().equals(numeric.credentialType()) ? bad : credential.getValue();
            if (!Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + credential.getKey()).isEmpty()) {
                disclosed.add(verified(present(issue(vc), credential.getKey(), challenge, null), challenge));
            }
        }
        assertThatThrownBy(() -> new ClaimsToFeatures(requirements).features(disclosed, application()))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("claim_out_of_range");
                    assertThat(e.claim()).contains(numeric.claim().claim());
                });
    }

    @Test
    void aPresentationMadeForAnotherVerifierIsNotUsed() throws Exception {
        String presentation = present(issue(kyc()), "KycCredential", new Challenge("n-other", "https://other.example"), null);
        VerificationReport report = CredentialVerifier.builder().clock(CLOCK)
                .challenge(new Challenge("n-scoring-2", "https://scoring.creditmesh.example")).build().verify(presentation);
        assertThatThrownBy(() -> ClaimsToFeatures.verifiedClaims(report))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> assertThat(e.code().code()).isEqualTo("unverified_presentation"));
    }
}
