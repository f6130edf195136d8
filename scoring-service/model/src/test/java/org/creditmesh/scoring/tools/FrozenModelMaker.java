package org.creditmesh.scoring.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.scoring.TrainingRun;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;
import org.creditmesh.scoring.scorecard.TribuoLogistic;

/**
 * Trained ONCE to make the frozen model in {@code src/test/resources/frozen/}: the model directory
 * and {@code expected-scores.csv} (row, score, probability of bad by the scorecard and by Tribuo).
 * {@code FrozenModelTest} checks that later builds load it and give the same scores. Do not re-run
 * unless the model format changes on purpose (then say so in the commit).
 *
 * <pre>./mvnw -q -o -pl scoring-service/model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.creditmesh.scoring.tools.FrozenModelMaker -Dexec.args=scoring-service/model/src/test/resources</pre>
 */
public final class FrozenModelMaker {

    public static final String CSV = "synthetic/synthetic-credit.csv";
    public static final List<String> PROTECTED = List.of("gender", "age");

    private FrozenModelMaker() {
    }

    public static ScorecardConfig config() {
        return ScorecardConfig.defaults().withCv(3, 1);
    }

    public static void main(String[] args) throws IOException, CreditMeshException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        Path csv = resources.resolve(CSV);
        Path out = resources.resolve("frozen");
        TrainingRun.Outcome o = TrainingRun.run(new TrainingRun.Request(csv, "outcome", "default", out, PROTECTED, config()),
                (s, d, t) -> { });
        Files.delete(o.reportHtml());
        Files.delete(o.reportJson());
        ModelStore.Loaded loaded = ModelStore.load(o.modelDir());
        CreditData data = CsvLoader.load(csv, CsvOptions.of("outcome", "default"));
        Scorecard card = loaded.scorecard();
        StringBuilder s = new StringBuilder("row,score,p_bad,tribuo_p_bad\n");
        for (int r = 0; r < data.rows(); r += 10) {
            int[] bins = new int[card.attributes().size()];
            for (int j = 0; j < bins.length; j++) {
                var a = card.attributes().get(j);
                bins[j] = a.binning().binOf(data.column(a.name()).orElseThrow(), r);
            }
            var res = card.result(bins);
            double tribuo = TribuoLogistic.probabilityOfBad(loaded.model(), ScorecardFitter.example(card, bins));
            s.append(r).append(',').append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g", res.score(), res.probabilityOfBad(), tribuo)).append('\n');
        }
        Files.writeString(out.resolve("expected-scores.csv"), s.toString(), StandardCharsets.UTF_8);
        System.out.println("frozen model " + o.fingerprint());
    }
}
