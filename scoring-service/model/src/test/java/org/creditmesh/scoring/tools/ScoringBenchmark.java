package org.creditmesh.scoring.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.data.NumericColumn;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * Hand-run measurement (not a timed test): training time on 10,000 rows and in-process scores per
 * second. The rows are resampled from {@code ../shared/data/credit_data.csv} (or the committed synthetic
 * table when the shared folder is absent) with ±5% noise on numeric values.
 *
 * <pre>./mvnw -q -o -pl scoring-service/model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.creditmesh.scoring.tools.ScoringBenchmark [-Dexec.args="ROWS"]</pre>
 */
public final class ScoringBenchmark {

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path shared = Path.of(System.getProperty("creditmesh.shared.dir", "../shared"), "data", "credit_data.csv");
        CreditData source;
        String target;
        if (Files.isReadable(shared)) {
            source = CsvLoader.load(shared, CsvOptions.of("Status", "bad"));
            target = "Status";
        } else {
            source = CsvLoader.parse(SyntheticCredit.generate(600, 20261123L).getBytes(StandardCharsets.UTF_8), CsvOptions.of("outcome", "default"));
            target = "outcome";
        }
        Path csv = Files.createTempFile("scoring-bench", ".csv");
        Files.writeString(csv, resample(source, target, rows, new Random(7)), StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        CreditData data = CsvLoader.load(csv, CsvOptions.of(target, source.badValue()));
        long t1 = System.nanoTime();
        int[] all = IntStream.range(0, data.rows()).toArray();
        ScorecardFitter fitter = new ScorecardFitter(ScorecardConfig.defaults());
        Scorecard card = fitter.fit(data, all, Set.of()).scorecard();
        long t2 = System.nanoTime();
        card = fitter.fit(data, all, Set.of()).scorecard();
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d rows (%s): load %.2f s, train (first, cold JVM) %.2f s, train (warm) %.2f s, %d attributes%n",
                data.rows(), shared.getFileName(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, card.attributes().size());

        List<Map<String, String>> applicants = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            Map<String, String> a = new HashMap<>();
            for (Column c : data.columns()) {
                a.put(c.name(), c.text(r));
            }
            applicants.add(a);
        }
        double sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += card.score(applicants.get(i % applicants.size())).score();
        }
        int n = 500_000;
        long s0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += card.score(applicants.get(i % applicants.size())).score();
        }
        long s1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "scoring (one thread, with band, decision and up to %d reason codes): %.0f scores/s (checksum %.1f)%n",
                card.maxReasons(), n / ((s1 - s0) / 1e9), sink);
        Files.delete(csv);
    }

    static String resample(CreditData d, String target, int rows, Random rnd) {
        StringBuilder s = new StringBuilder();
        for (Column c : d.columns()) {
            s.append(c.name()).append(',');
        }
        s.append(target).append('\n');
        for (int i = 0; i < rows; i++) {
            int r = rnd.nextInt(d.rows());
            for (Column c : d.columns()) {
                switch (c) {
                    case NumericColumn n -> {
                        if (!n.isMissing(r)) {
                            double v = n.value(r) * (1 + 0.05 * rnd.nextGaussian());
                            s.append(String.format(Locale.ROOT, "%.2f", v));
                        }
                    }
                    case CategoricalColumn k -> s.append(k.isMissing(r) ? "" : k.level(r));
                }
                s.append(',');
            }
            s.append(d.bad(r) == 1 ? d.badValue() : d.goodValue()).append('\n');
        }
        return s.toString();
    }
}
