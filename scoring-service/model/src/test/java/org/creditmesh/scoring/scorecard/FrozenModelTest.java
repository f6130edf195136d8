package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.tools.FrozenModelMaker;
import org.junit.jupiter.api.Test;

/**
 * The frozen model in {@code src/test/resources/frozen/} (trained once by {@link FrozenModelMaker} on the
 * committed synthetic CSV) must keep loading and giving the same scores, as Tribuo's own tests do
 * with models saved by older releases. Loading checks the fingerprint over the JSON as stored, so it
 * survives additions to the records; the retraining test compares fingerprints, which cover the
 * configuration, so a new configuration key means regenerating the frozen model on purpose (the
 * expected scores must not change).
 */
class FrozenModelTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FrozenModelTest.class.getResource("/" + name).toURI());
    }

    private static CreditData synthetic() throws Exception {
        return CsvLoader.load(resource(FrozenModelMaker.CSV), CsvOptions.of("outcome", "default"));
    }

    @Test
    void theFrozenModelLoadsWithAMatchingFingerprintAndGivesTheSameScores() throws Exception {
        ModelStore.Loaded loaded = ModelStore.load(resource("frozen/model"));
        Scorecard card = loaded.scorecard();
        CreditData data = synthetic();
        assertThat(loaded.dataSha256()).isEqualTo(data.sha256());
        List<String> lines = Files.readAllLines(resource("frozen/expected-scores.csv"));
        assertThat(lines).hasSizeGreaterThan(50);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int row = Integer.parseInt(f[0]);
            Map<String, String> applicant = new HashMap<>();
            for (Column c : data.columns()) {
                applicant.put(c.name(), c.text(row));
            }
            ScoreResult r = card.score(applicant);
            assertThat(r.score()).as("row %d", row).isCloseTo(Double.parseDouble(f[1]), within(1e-9));
            assertThat(r.probabilityOfBad()).isCloseTo(Double.parseDouble(f[2]), within(1e-12));
            int[] bins = card.attributes().stream().mapToInt(a -> a.binning().binOf(data.column(a.name()).orElseThrow(), row)).toArray();
            double tribuo = TribuoLogistic.probabilityOfBad(loaded.model(), ScorecardFitter.example(card, bins));
            assertThat(tribuo).isCloseTo(Double.parseDouble(f[3]), within(1e-12)).isCloseTo(r.probabilityOfBad(), within(1e-9));
        }
    }

    @Test
    void retrainingFromTheSameDataAndConfigurationReproducesTheFingerprint() throws Exception {
        ModelStore.Loaded loaded = ModelStore.load(resource("frozen/model"));
        CreditData data = synthetic();
        ScorecardFitter.Fit fit = new ScorecardFitter(loaded.config())
                .fit(data, IntStream.range(0, data.rows()).toArray(), java.util.Set.copyOf(FrozenModelMaker.PROTECTED));
        assertThat(fit.scorecard().fingerprint()).isEqualTo(loaded.scorecard().fingerprint());
        assertThat(fit.scorecard()).isEqualTo(loaded.scorecard());
    }

    @Test
    void theFrozenModelLeavesItsProtectedAttributesOut() throws Exception {
        Scorecard card = ModelStore.load(resource("frozen/model")).scorecard();
        assertThat(card.protectedAttributes()).containsExactly("age", "gender");
        assertThat(card.requiredAttributes()).doesNotContain("age", "gender").isNotEmpty();
    }
}
