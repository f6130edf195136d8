package org.creditmesh.scoring.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;
import org.junit.jupiter.api.Test;

/** The claims a scorecard trained on credit-g columns needs, and the DCQL query (OpenID4VP 1.0 section 6) for them. */
class ClaimRequirementsTest {

    private static final Set<String> PROTECTED_CLAIMS = Set.of("ageBand", "sex", "maritalStatus", "foreignWorker");

    @Test
    void theMappingCoversEveryRequiredAttributeOfACreditGScorecard() throws Exception {
        Scorecard card = CreditGSynthetic.scorecard();
        assertThat(card.requiredAttributes()).hasSizeGreaterThanOrEqualTo(6).doesNotContainAnyElementsOf(CreditGSynthetic.PROTECTED);

        ClaimRequirements req = ClaimRequirements.derive(card, ClaimFeatureMapping.load(), "credit-g");

        assertThat(req.all()).extracting(RequiredClaim::attribute).containsExactlyInAnyOrderElementsOf(card.requiredAttributes());
        assertThat(req.all()).extracting(c -> c.claim().claim()).doesNotContainAnyElementsOf(PROTECTED_CLAIMS);
        assertThat(req.credential()).allSatisfy(c -> assertThat(c.credentialType()).isIn("KycCredential", "RepaymentHistoryCredential"));
        assertThat(req.application()).allSatisfy(c -> assertThat(c.credentialType()).isEqualTo("CreditScoreCredential"));
        // Every required claim maps back: no attribute is left without a claim.
        new ClaimsToFeatures(req);
    }

    @Test
    void theDcqlQueryAsksForExactlyTheNeededCredentialClaims() throws Exception {
        ClaimRequirements req = ClaimRequirements.derive(CreditGSynthetic.scorecard(), ClaimFeatureMapping.load(), "credit-g");
        ObjectNode dcql = Dcql.query(req);

        Set<List<String>> asked = new HashSet<>();
        for (JsonNode credential : dcql.get("credentials")) {
            assertThat(credential.get("format").asText()).isEqualTo("dc+sd-jwt");
            assertThat(credential.get("id").asText()).matches("[A-Za-z0-9_-]+");
            String vct = credential.at("/meta/vct_values/0").asText();
            assertThat(vct).startsWith(CredentialIssuer.VCT_PREFIX);
            assertThat(credential.at("/meta/vct_values")).hasSize(1);
            for (JsonNode claim : credential.get("claims")) {
                List<String> path = new java.util.ArrayList<>();
                claim.get("path").forEach(e -> path.add(e.asText()));
                assertThat(asked.add(path)).as("claim asked once: %s", path).isTrue();
            }
        }
        Set<List<String>> needed = new HashSet<>();
        req.credential().forEach(c -> needed.add(c.claim().path()));
        assertThat(asked).isEqualTo(needed);
        String text = dcql.toString();
        PROTECTED_CLAIMS.forEach(p -> assertThat(text).doesNotContain("\"" + p + "\""));
        req.application().forEach(a -> assertThat(text).doesNotContain("\"" + a.claim().claim() + "\""));
        assertThat(dcql.get("credentials")).hasSize(req.byCredentialType().size());
    }

    @Test
    void theHolderReadsBackThePathsOfItsCredentialType() throws Exception {
        ClaimRequirements req = ClaimRequirements.forAttributes(List.of("checking_status", "credit_history", "duration"),
                ClaimFeatureMapping.load(), "credit-g");
        ObjectNode dcql = Dcql.query(req);

        assertThat(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + "KycCredential"))
                .extracting(Object::toString).hasSize(1);
        assertThat(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + "KycCredential").get(0).elements())
                .containsExactly("financialProfile", "checkingAccountStatus");
        assertThat(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + "RepaymentHistoryCredential").get(0).elements())
                .containsExactly("creditHistoryStatus");
        assertThat(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + "CreditScoreCredential")).isEmpty();
        assertThat(req.application()).extracting(RequiredClaim::attribute).containsExactly("duration");
    }

    @Test
    void aModelThatUsesAProtectedAttributeIsRefused() throws Exception {
        assertThatThrownBy(() -> ClaimRequirements.forAttributes(List.of("checking_status", "personal_status"),
                ClaimFeatureMapping.load(), "credit-g"))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("protected_attribute");
                    assertThat(e.claim()).contains("personal_status");
                });
        // Trained without marking age protected, an informative age enters the model and is then refused.
        CreditData data = CreditGSynthetic.table(CreditGSynthetic.generate(3000, 7));
        Scorecard withAge = new ScorecardFitter(ScorecardConfig.defaults())
                .fit(data, IntStream.range(0, data.rows()).toArray(), Set.of("personal_status", "foreign_worker")).scorecard();
        if (withAge.requiredAttributes().contains("age")) {
            assertThatThrownBy(() -> ClaimRequirements.derive(withAge, ClaimFeatureMapping.load(), "credit-g"))
                    .isInstanceOfSatisfying(ScoringInputException.class,
                            e -> assertThat(e.code().code()).isEqualTo("protected_attribute"));
        }
    }

    @Test
    void anAttributeWithoutAClaimOrAnUnknownDataSetIsRefused() throws Exception {
        ClaimFeatureMapping mapping = ClaimFeatureMapping.load();
        assertThatThrownBy(() -> ClaimRequirements.forAttributes(List.of("favourite_colour"), mapping, "credit-g"))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("unmapped_attribute");
                    assertThat(e.getMessage()).contains("favourite_colour");
                });
        assertThatThrownBy(() -> ClaimRequirements.forAttributes(List.of("class"), mapping, "credit-g"))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> assertThat(e.code().code()).isEqualTo("unmapped_attribute"));
        assertThatThrownBy(() -> mapping.dataset("credit-x"))
                .isInstanceOfSatisfying(ScoringInputException.class, e -> assertThat(e.code().code()).isEqualTo("unknown_dataset"));
    }

    @Test
    void everyScoringColumnOfBothDataSetsCanBeRequired() throws Exception {
        ClaimFeatureMapping mapping = ClaimFeatureMapping.load();
        for (String name : mapping.datasetNames()) {
            List<String> scoring = mapping.dataset(name).columns().values().stream()
                    .filter(c -> c.role() == ClaimFeatureMapping.Role.SCORING).map(ClaimFeatureMapping.ColumnMapping::column).toList();
            ClaimRequirements req = ClaimRequirements.forAttributes(scoring, mapping, name);
            assertThat(req.all()).hasSize(scoring.size());
            new ClaimsToFeatures(req);
        }
    }
}
