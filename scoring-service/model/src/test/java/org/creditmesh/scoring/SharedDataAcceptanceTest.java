package org.creditmesh.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 6 acceptance: on the shared credit data sets (read in place from {@code ../shared/data}),
 * 5 × 10-fold stratified CV, the scorecard's mean AUC is at least the one-hot logistic baseline's
 * measured in the same run (DESIGN.md quotes 0.785 and 0.840 for its own baseline). Repetitions can
 * be lowered with {@code -Dscoring.acceptance.repeats=1}. Reports go to {@code target/acceptance/}.
 */
class SharedDataAcceptanceTest {

    @DisplayName("scorecard AUC ≥ one-hot baseline AUC, same folds")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "credit-g.csv;class;bad;personal_status,foreign_worker,age",
        "credit_data.csv;Status;bad;''"
    })
    void scorecardMatchesOrBeatsTheBaseline(String file, String target, String bad, String prot) throws Exception {
        Path shared = Path.of(System.getProperty("creditmesh.shared.dir", "../shared"));
        Path csv = shared.resolve("data").resolve(file);
        Assumptions.assumeTrue(Files.isReadable(csv), "skipped: shared data set " + csv + " is not here");
        int repeats = Integer.getInteger("scoring.acceptance.repeats", 5);
        List<String> protectedAttributes = prot == null || prot.isBlank() ? List.of() : List.of(prot.split(","));
        Path out = Path.of("target", "acceptance", file.replace(".csv", ""));
        TrainingRun.Outcome o = TrainingRun.run(new TrainingRun.Request(csv, target, bad, out, protectedAttributes,
                ScorecardConfig.defaults().withCv(10, repeats)), TrainingProgress.NONE);
        var report = Json.parse(Files.readAllBytes(o.reportJson()));
        double sc = report.at("/cv/scorecard/auc").asDouble();
        double bl = report.at("/cv/baseline/auc").asDouble();
        System.out.printf(Locale.ROOT, "%s %d×10-fold CV: scorecard AUC %.4f (sd %.4f, KS %.3f, Brier %.4f), baseline AUC %.4f (sd %.4f), %d attributes, protected %s, %.1f s%n",
                file, repeats, sc, o.cv().scorecard().aucSd(), o.cv().scorecard().ks(), o.cv().scorecard().brier(), bl,
                o.cv().baseline().aucSd(), o.scorecard().attributes().size(), protectedAttributes,
                report.at("/timing/cross_validation_seconds").asDouble());
        assertThat(report.at("/cv/scorecard/auc").isNumber()).isTrue();
        assertThat(report.at("/cv/baseline/auc").isNumber()).isTrue();
        assertThat(o.cv().scorecard().folds()).hasSize(10 * repeats);
        protectedAttributes.forEach(p -> assertThat(o.scorecard().requiredAttributes()).doesNotContain(p));
        assertThat(sc).isGreaterThanOrEqualTo(bl);
    }
}
