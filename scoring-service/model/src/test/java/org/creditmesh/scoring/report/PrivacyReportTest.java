package org.creditmesh.scoring.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.federated.FederatedEvaluation;
import org.creditmesh.scoring.federated.FederatedScorecard;
import org.creditmesh.scoring.privacy.Zcdp;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.junit.jupiter.api.Test;

/**
 * The AUC-against-ε report on a small configuration (synthetic table, 2 of 5 folds, ε = 4 and 1, one draw):
 * the long run on the shared data sets is {@code tools.FederatedBenchmark}.
 */
class PrivacyReportTest {

    @Test
    void theReportTabulatesAucAgainstEpsilonWithTheAccountingOfEachEpsilon() throws Exception {
        CreditData data = CsvLoader.load(Path.of(PrivacyReportTest.class.getResource("/synthetic/synthetic-credit.csv").toURI()),
                CsvOptions.of("outcome", "default"));
        double[] eps = {4, 1};
        var options = List.of(FederatedScorecard.Options.plain(), FederatedScorecard.Options.dp(eps[0]), FederatedScorecard.Options.dp(eps[1]));
        var r = FederatedEvaluation.run(data, Set.of("gender", "age"), ScorecardConfig.defaults(), 3, 5, 2, options, 11L);
        List<PrivacyReport.Cell> cells = List.of(
                new PrivacyReport.Cell(eps[0], r.federated()[1], 0, 1, r.lastModels().get(1).privacy()),
                new PrivacyReport.Cell(eps[1], r.federated()[2], 0, 1, r.lastModels().get(2).privacy()));
        var row = new PrivacyReport.Row("synthetic-credit.csv", data.sha256(), data.rows(), 3, 0, 2, r.pooled(), r.federated()[0], cells);

        JsonNode json = PrivacyReport.json(List.of(row), "test");
        assertThat(json.get("accounting").asText()).contains("zCDP", "Kairouz-Liu-Steinke", "Canonne-Kamath-Steinke");
        JsonNode set = json.get("datasets").get(0);
        assertThat(set.get("pooled_auc").asDouble()).isEqualTo(r.pooled());
        assertThat(set.get("federated_target_met").asBoolean()).isEqualTo(Math.abs(r.federated()[0] - r.pooled()) <= 0.005);
        assertThat(set.get("dp")).hasSize(2);
        for (int i = 0; i < eps.length; i++) {
            JsonNode cell = set.get("dp").get(i);
            assertThat(cell.get("epsilon").asDouble()).isEqualTo(eps[i]);
            assertThat(cell.get("auc_mean").asDouble()).isEqualTo(r.federated()[1 + i]);
            JsonNode a = cell.get("accounting");
            // What the report states is what was spent: the ρ add up to the budget of ε, and ε spent is at most ε.
            assertThat(a.get("rho").get("total").asDouble()).isCloseTo(Zcdp.rhoFor(eps[i], 1e-5), within(1e-6 * Zcdp.rhoFor(eps[i], 1e-5)));
            assertThat(a.get("epsilon_spent").asDouble()).isLessThanOrEqualTo(eps[i] + 1e-9);
            assertThat(a.get("rules").get("gradient_rounds").asInt()).isEqualTo(r.lastModels().get(1 + i).privacy().gradientRounds());
        }
        assertThat(set.get("dp").get(1).get("dp_target_met").asBoolean()).isEqualTo(r.federated()[0] - r.federated()[2] <= 0.02);
        assertThat(set.get("dp").get(0).has("dp_target_met")).isFalse();

        String html = PrivacyReport.html(List.of(row), "test <cmd>");
        assertThat(html).contains("<th>&epsilon; = 4</th><th>&epsilon; = 1</th>", "synthetic-credit.csv", "test &lt;cmd&gt;",
                String.format(java.util.Locale.ROOT, "%.4f &plusmn; 0.0000", r.federated()[2]), "Privacy accounting");
    }

    @Test
    void meanAndSampleSd() {
        assertThat(PrivacyReport.meanSd(new double[] {1, 2, 3})).containsExactly(2.0, 1.0);
        assertThat(PrivacyReport.meanSd(new double[] {0.5})).containsExactly(0.5, 0.0);
    }
}
