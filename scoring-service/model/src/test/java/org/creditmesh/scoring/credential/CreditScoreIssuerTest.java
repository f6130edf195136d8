package org.creditmesh.scoring.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.scoring.scorecard.ReasonCode;
import org.creditmesh.scoring.scorecard.ScoreResult;
import org.junit.jupiter.api.Test;

/** The CreditScoreCredential of {@code credit-score-credential.json}, issued as a holder-bound SD-JWT VC. */
class CreditScoreIssuerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String FP = "9f2c1e7d4b3a5968c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3";

    private static ScoreResult result(double score) {
        return new ScoreResult(score, 0.1, "B", true, List.of(
                new ReasonCode("R01", "checking_status", "<0", "no checking", 31.5, "Checking account status"),
                new ReasonCode("R03", "duration", "[36, 48)", "[6, 12)", 12.0, "Loan duration")), FP);
    }

    private static CreditScoreIssuer issuer(List<Integer> thresholds) throws Exception {
        return new CreditScoreIssuer(new CredentialIssuer(SigningKey.generate(KeyType.ED25519)),
                CreditScoreIssuer.Settings.of("creditmesh-scorecard", "1.0.0").withThresholds(thresholds), CLOCK);
    }

    @Test
    void theSubjectCarriesScoreBandReasonsModelAndTheDefaultThresholds() throws Exception {
        ObjectNode s = (ObjectNode) issuer(ScoreScale.DEFAULT_THRESHOLDS).credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                result(662.4), null).get("credentialSubject");
        assertThat(s.get("score").asInt()).isEqualTo(662);
        assertThat(s.get("scoreBand").asText()).isEqualTo("fair");
        assertThat(s.get("reasonCodes")).extracting(n -> n.asText()).containsExactly("R01", "R03");
        assertThat(s.at("/scoringModel/modelFingerprint").asText()).isEqualTo("sha256:" + FP);
        assertThat(s.get("score_at_least_600").asBoolean()).isTrue();
        assertThat(s.get("score_at_least_650").asBoolean()).isTrue();
        assertThat(s.get("score_at_least_700").asBoolean()).isFalse();
        assertThat(s.has("score_at_least_550")).isFalse();
        assertThat(s.get("scoredAt").asText()).isEqualTo("2026-06-01T10:00:00Z");
    }

    @Test
    void scoresAreHeldToTheScaleAndBandsFollowTheSchema() {
        assertThat(ScoreScale.onScale(212.0)).isEqualTo(300);
        assertThat(ScoreScale.onScale(901.7)).isEqualTo(850);
        assertThat(ScoreScale.band(579)).isEqualTo("poor");
        assertThat(ScoreScale.band(580)).isEqualTo("fair");
        assertThat(ScoreScale.band(670)).isEqualTo("good");
        assertThat(ScoreScale.band(740)).isEqualTo("veryGood");
        assertThat(ScoreScale.band(800)).isEqualTo("excellent");
    }

    @Test
    void aThresholdTheSchemaDoesNotNameIsRefused() {
        assertThatThrownBy(() -> issuer(List.of(600, 625)))
                .isInstanceOfSatisfying(ScoreCredentialException.class, e -> assertThat(e.code().code()).isEqualTo("unsupported_threshold"));
        assertThatThrownBy(() -> new CreditScoreIssuer(new CredentialIssuer(SigningKey.generate(KeyType.ED25519)),
                CreditScoreIssuer.Settings.of("Credit Mesh", "1.0.0"), CLOCK))
                .isInstanceOfSatisfying(ScoreCredentialException.class, e -> assertThat(e.code().code()).isEqualTo("invalid_credential_input"));
    }

    @Test
    void anApplicationTheSchemaRefusesIsRefusedBeforeSigning() throws Exception {
        ObjectNode application = org.creditmesh.core.json.Json.parseObject(
                "{\"loanPurpose\":\"yacht\",\"loanAmount\":4200,\"loanDurationMonths\":24,\"currency\":\"DEM\"}");
        assertThatThrownBy(() -> issuer(ScoreScale.DEFAULT_THRESHOLDS).credential("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                result(700), application))
                .isInstanceOfSatisfying(ScoreCredentialException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("invalid_credential_input");
                    assertThat(e.getMessage()).contains("assessedApplication").doesNotContain("yacht");
                });
    }

    @Test
    void aSubjectThatIsNotADidIsRefused() {
        assertThatThrownBy(() -> issuer(ScoreScale.DEFAULT_THRESHOLDS).credential("https://borrower.example", result(700), null))
                .isInstanceOfSatisfying(ScoreCredentialException.class, e -> assertThat(e.code().code()).isEqualTo("invalid_credential_input"));
    }

    @Test
    void eachOutputIsDisclosableOnItsOwnAndTheBindingHolds() throws Exception {
        SigningKey holderKey = SigningKey.generate(KeyType.ED25519);
        String holder = DidKey.create(holderKey.publicKey()).toString();
        CreditScoreIssuer issuer = issuer(List.of(500, 600, 700, 800));
        String sdJwt = issuer.issue(holder, holderKey.publicKey(), result(712), null);
        Challenge lender = new Challenge("n-1", "https://lender.example");

        String shown = new CredentialPresenter(holderKey, CLOCK).present(sdJwt, List.of(ClaimPath.of("scoreBand")), lender);
        VerificationReport report = CredentialVerifier.builder().clock(CLOCK).challenge(lender).build().verify(shown);
        assertThat(report.verified()).as("%s", report.failures()).isTrue();
        ObjectNode claims = report.claims().orElseThrow();
        assertThat(claims.get("scoreBand").asText()).isEqualTo("good");
        assertThat(claims.fieldNames()).toIterable().noneMatch(n -> n.startsWith("score_at_least_") || n.equals("score") || n.equals("reasonCodes"));

        // The credential is bound to the borrower's key: another key cannot present it.
        assertThatThrownBy(() -> new CredentialPresenter(SigningKey.generate(KeyType.ED25519), CLOCK)
                .present(sdJwt, List.of(ClaimPath.of("score_at_least_700")), lender))
                .isInstanceOf(org.creditmesh.core.error.CreditMeshException.class);
        assertThat(issuer.disclosable(false)).extracting(ClaimPath::toString).hasSize(7);
    }
}
