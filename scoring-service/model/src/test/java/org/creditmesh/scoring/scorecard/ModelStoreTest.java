package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.tools.SyntheticCredit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path dir;

    private ScorecardFitter.Fit saved() throws Exception {
        CreditData data = CsvLoader.parse(SyntheticCredit.generate(400, 5).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CsvOptions.of("outcome", "default"));
        ScorecardFitter.Fit fit = new ScorecardFitter(ScorecardConfig.defaults())
                .fit(data, IntStream.range(0, data.rows()).toArray(), java.util.Set.of("gender", "age"));
        ModelStore.save(dir, fit, ScorecardConfig.defaults(), data.sha256());
        return fit;
    }

    @Test
    void aSavedModelLoadsBackEqual() throws Exception {
        ScorecardFitter.Fit fit = saved();
        ModelStore.Loaded loaded = ModelStore.load(dir);
        assertThat(loaded.scorecard()).isEqualTo(fit.scorecard());
        assertThat(loaded.config()).isEqualTo(ScorecardConfig.defaults());
        assertThat(Files.readString(dir.resolve(ModelStore.PROVENANCE))).contains("LinearSGDTrainer").contains("trained-at");
    }

    @Test
    void anEditedPointsTableIsRefused() throws Exception {
        ScorecardFitter.Fit fit = saved();
        Path card = dir.resolve(ModelStore.SCORECARD);
        String points = String.valueOf(fit.scorecard().basePoints());
        String json = Files.readString(card);
        assertThat(json).contains(points);
        Files.writeString(card, json.replace(points, String.valueOf(fit.scorecard().basePoints() + 50)));
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOfSatisfying(ScorecardException.class,
                e -> assertThat(e.code()).isEqualTo(ScorecardError.FINGERPRINT_MISMATCH));
    }

    @Test
    void anEditedConfigurationInTheProvenanceIsRefused() throws Exception {
        saved();
        Path prov = dir.resolve(ModelStore.PROVENANCE);
        String json = Files.readString(prov);
        assertThat(json).contains("\"seed\" : 42");
        Files.writeString(prov, json.replace("\"seed\" : 42", "\"seed\" : 43"));
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOfSatisfying(ScorecardException.class,
                e -> assertThat(e.code()).isEqualTo(ScorecardError.FINGERPRINT_MISMATCH));
    }

    @Test
    void aDirectoryWithoutTheModelIsRefused() {
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOfSatisfying(ScorecardException.class,
                e -> assertThat(e.code()).isEqualTo(ScorecardError.UNREADABLE_MODEL));
    }

    @Test
    void anUnknownConfigurationKeyIsRefused() {
        assertThatThrownBy(() -> ScorecardConfig.fromJson(org.creditmesh.core.json.Json.parse("{\"pdoo\": 20}")))
                .isInstanceOfSatisfying(ScorecardException.class, e -> {
                    assertThat(e.code()).isEqualTo(ScorecardError.INVALID_CONFIG);
                    assertThat(e.getMessage()).contains("pdoo");
                });
        assertThatThrownBy(() -> ScorecardConfig.fromJson(org.creditmesh.core.json.Json.parse("{\"pdo\": -1}")))
                .isInstanceOfSatisfying(ScorecardException.class, e -> assertThat(e.getMessage()).contains("'pdo'"));
    }

    @Test
    void onlyANamedNonTribuoTrainerMayLackTheTribuoModel() throws Exception {
        ScorecardFitter.Fit fit = saved();
        // A pooled model's Tribuo file deleted: refused.
        Files.delete(dir.resolve(ModelStore.TRIBUO_MODEL));
        assertThatThrownBy(() -> ModelStore.load(dir)).isInstanceOfSatisfying(ScorecardException.class,
                e -> assertThat(e.code()).isEqualTo(ScorecardError.UNREADABLE_MODEL));
        // Saving without Tribuo under a Tribuo trainer's provenance is refused too.
        assertThatThrownBy(() -> ModelStore.save(dir.resolve("x"), fit.scorecard(), ScorecardConfig.defaults(), "", fit.trainerProvenance()))
                .isInstanceOfSatisfying(ScorecardException.class, e -> assertThat(e.code()).isEqualTo(ScorecardError.INVALID_CONFIG));
    }
}
