package org.creditmesh.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.data.DataError;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.tools.SyntheticCredit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void writeData() throws Exception {
        csv = dir.resolve("credit.csv");
        Files.writeString(csv, SyntheticCredit.generate(800, 99), StandardCharsets.UTF_8);
    }

    private TrainingRun.Outcome run(Path out, List<String> prot) throws CreditMeshException {
        return TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", out, prot, ScorecardConfig.defaults().withCv(5, 1)),
                TrainingProgress.NONE);
    }

    @Test
    void aRunWritesTheModelAndBothReportsWithTheCrossValidatedAucs() throws Exception {
        List<String> stages = new ArrayList<>();
        TrainingRun.Outcome o = TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", dir.resolve("out"),
                List.of("gender", "age"), ScorecardConfig.defaults().withCv(5, 1)), (s, d, t) -> stages.add(s + " " + d + "/" + t));
        assertThat(stages).contains("cross-validation 5/5", "done 1/1");
        assertThat(o.modelDir().resolve(ModelStore.SCORECARD)).exists();
        assertThat(o.modelDir().resolve(ModelStore.TRIBUO_MODEL)).exists();
        assertThat(o.modelDir().resolve(ModelStore.PROVENANCE)).exists();
        JsonNode report = Json.parse(Files.readAllBytes(o.reportJson()));
        assertThat(report.at("/cv/scorecard/auc").isNumber()).isTrue();
        assertThat(report.at("/cv/baseline/auc").isNumber()).isTrue();
        assertThat(report.at("/cv/scorecard/auc").asDouble()).isBetween(0.6, 1.0);
        assertThat(report.at("/cv/scorecard/per_fold")).hasSize(5);
        assertThat(report.at("/model/fingerprint").asText()).isEqualTo(o.fingerprint()).hasSize(64);
        assertThat(report.at("/fairness/attributes")).hasSize(2);
        String html = Files.readString(o.reportHtml());
        assertThat(html).contains("<svg").contains("ROC").contains("Calibration").contains("Score distribution")
                .doesNotContain("<script").doesNotContain("http://cdn").doesNotContain("https://");
    }

    @Test
    void protectedAttributesAreLeftOutOfTheModelAndBandedForTheFairnessReport() throws Exception {
        TrainingRun.Outcome o = run(dir.resolve("out"), List.of("gender", "age"));
        assertThat(o.scorecard().requiredAttributes()).doesNotContain("gender", "age");
        JsonNode fairness = o.report().at("/fairness/attributes");
        JsonNode age = fairness.get(0).get("attribute").asText().equals("age") ? fairness.get(0) : fairness.get(1);
        assertThat(age.get("groups").size()).isBetween(3, 4);
        assertThat(age.get("groups").get(0).get("group").asText()).startsWith("<");
        for (JsonNode g : age.get("groups")) {
            assertThat(g.get("ratioToBest").asDouble()).isBetween(0.0, 1.0);
            assertThat(g.get("flagged").asBoolean()).isEqualTo(g.get("ratioToBest").asDouble() < 0.8);
        }
    }

    @Test
    void theSameDataAndConfigurationGiveTheSameFingerprintAndScores() throws Exception {
        TrainingRun.Outcome a = run(dir.resolve("a"), List.of("gender"));
        TrainingRun.Outcome b = run(dir.resolve("b"), List.of("gender"));
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(b.cv().oofScore()).isEqualTo(a.cv().oofScore());
        assertThat(Files.readString(b.modelDir().resolve(ModelStore.SCORECARD)))
                .isEqualTo(Files.readString(a.modelDir().resolve(ModelStore.SCORECARD)));
        TrainingRun.Outcome c = TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", dir.resolve("c"), List.of("gender"),
                ScorecardConfig.fromJson(Json.parse("{\"folds\":5,\"repeats\":1,\"pdo\":40}"))), TrainingProgress.NONE);
        assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void anUnknownProtectedAttributeIsRefused() {
        assertThatThrownBy(() -> run(dir.resolve("out"), List.of("sex")))
                .isInstanceOfSatisfying(CreditMeshException.class, e -> {
                    assertThat(e.code()).isEqualTo(DataError.UNKNOWN_COLUMN);
                    assertThat(e.getMessage()).contains("'sex'");
                });
    }

    @Test
    void moreFoldsThanRowsOfTheSmallerClassAreRefused() throws Exception {
        Path tiny = dir.resolve("tiny.csv");
        Files.writeString(tiny, "x,y\n1,good\n2,good\n3,bad\n4,good\n5,bad\n6,good\n");
        assertThatThrownBy(() -> TrainingRun.run(new TrainingRun.Request(tiny, "y", "bad", dir.resolve("t"), List.of(),
                ScorecardConfig.defaults()), TrainingProgress.NONE))
                .isInstanceOfSatisfying(CreditMeshException.class, e -> {
                    assertThat(e.code().code()).isEqualTo("invalid_config");
                    assertThat(e.getMessage()).contains("'folds'");
                });
    }

    @Test
    void aTableWhereNoAttributeSeparatesTheClassesIsRefused() throws Exception {
        Path flat = dir.resolve("flat.csv");
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) {
            s.append("same,").append(i % 4 == 0 ? "bad" : "good").append('\n');
        }
        Files.writeString(flat, s.toString());
        assertThatThrownBy(() -> TrainingRun.run(new TrainingRun.Request(flat, "y", "bad", dir.resolve("f"), List.of(),
                ScorecardConfig.defaults().withCv(5, 1)), TrainingProgress.NONE))
                .isInstanceOfSatisfying(CreditMeshException.class, e -> assertThat(e.code().code()).isEqualTo("training_failed"));
    }

    @Test
    void ignoredColumnsAreNeitherModelledNorReported() throws Exception {
        TrainingRun.Outcome o = TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", dir.resolve("i"), List.of("gender"),
                ScorecardConfig.fromJson(Json.parse("{\"folds\":5,\"repeats\":1,\"ignoreColumns\":[\"late_payments\",\"age\"]}"))),
                TrainingProgress.NONE);
        assertThat(o.scorecard().requiredAttributes()).doesNotContain("late_payments", "age");
        assertThat(o.report().at("/dataset/columns").findValuesAsText("name")).doesNotContain("late_payments", "age").contains("gender");
        assertThatThrownBy(() -> TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", dir.resolve("j"), List.of(),
                ScorecardConfig.fromJson(Json.parse("{\"ignoreColumns\":[\"nope\"]}"))), TrainingProgress.NONE))
                .isInstanceOfSatisfying(CreditMeshException.class, e -> assertThat(e.getMessage()).contains("'nope'"));
    }

    @Test
    void crossValidationGivesTheSameNumbersOnOneThreadAndOnSeveral() throws Exception {
        var data = org.creditmesh.scoring.data.CsvLoader.load(csv, org.creditmesh.scoring.data.CsvOptions.of("outcome", "default"));
        var config = ScorecardConfig.defaults().withCv(4, 2);
        var one = org.creditmesh.scoring.evaluation.CrossValidation.run(data, java.util.Set.of("gender"), config, TrainingProgress.NONE, 1);
        var three = org.creditmesh.scoring.evaluation.CrossValidation.run(data, java.util.Set.of("gender"), config, TrainingProgress.NONE, 3);
        assertThat(three.scorecard()).isEqualTo(one.scorecard());
        assertThat(three.baseline()).isEqualTo(one.baseline());
        assertThat(three.oofScore()).isEqualTo(one.oofScore());
    }
}
