package org.creditmesh.scoring.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.federated.FederatedEvaluation;
import org.creditmesh.scoring.federated.FederatedScorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;

/**
 * Hand-run: pooled against federated (3 lenders) and DP-federated AUC at ε = ∞, 8, 4, 2, 1 on the
 * shared data sets, 10-fold CV (every fold held out once), DP noise from a fresh SecureRandom.
 * Every DP column is the mean over {@code repeats} independent noise draws per fold.
 * Arguments: [folds to run (default 10)] [DP repeats (default 5)] [shared dir (default ../shared)];
 * {@code -Dtolerated=t}: each lender adds σ²/(3 − t) so that t missing noise shares are tolerated.
 */
public final class FederatedBenchmark {

    private FederatedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int foldsRun = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path shared = Path.of(args.length > 2 ? args[2] : "../shared");
        String[][] sets = {
            {"credit-g.csv", "class", "bad", "personal_status,foreign_worker,age"},
            {"credit_data.csv", "Status", "bad", ""},
        };
        double[] eps = {8, 4, 2, 1};
        int tolerated = Integer.getInteger("tolerated", 0);
        List<FederatedScorecard.Options> options = new ArrayList<>();
        options.add(FederatedScorecard.Options.plain());
        for (double e : eps) {
            for (int k = 0; k < repeats; k++) {
                options.add(FederatedScorecard.Options.dp(e).withTolerated(tolerated));
            }
        }
        System.out.println("| data set | pooled | federated ε=∞ | ε=8 | ε=4 | ε=2 | ε=1 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String[] s : sets) {
            Path csv = shared.resolve("data").resolve(s[0]);
            if (!Files.isReadable(csv)) {
                System.out.println("skipped: " + csv + " is not here");
                continue;
            }
            CreditData data = CsvLoader.load(csv, CsvOptions.of(s[1], s[2]));
            Set<String> prot = s[3].isEmpty() ? Set.of() : Set.of(s[3].split(","));
            long t0 = System.nanoTime();
            var r = FederatedEvaluation.run(data, prot, ScorecardConfig.defaults(), 3, 10, foldsRun, options, null);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %.4f", s[0], r.pooled()));
            line.append(String.format(Locale.ROOT, " | %.4f", r.federated()[0]));
            for (int e = 0; e < eps.length; e++) {
                double sum = 0;
                double sq = 0;
                for (int k = 0; k < repeats; k++) {
                    double a = r.federated()[1 + e * repeats + k];
                    sum += a;
                    sq += a * a;
                }
                double mean = sum / repeats;
                double sd = repeats > 1 ? Math.sqrt(Math.max(0, (sq - repeats * mean * mean) / (repeats - 1))) : 0;
                line.append(String.format(Locale.ROOT, " | %.4f ± %.4f", mean, sd));
            }
            System.out.println(line + " |");
            for (int e = 0; e < eps.length; e++) {
                var m = r.lastModels().get(1 + e * repeats);
                if (m.privacy() != null) {
                    var p = m.privacy();
                    System.err.printf(Locale.ROOT, "  %s ε=%s: ε spent %.3f (δ %.0e), ρ edges %.5f counts %.5f gradients %.5f scores %.5f;"
                            + " summed σ edges %.1f counts %.1f (share %.1f) gradient %.2f scores %.1f; min bin %.3f, fine %d, WoE pseudo-count %.1f, %d attributes%n",
                            s[0], eps[e], p.epsilon(), p.delta(), p.rhoEdges(), p.rhoCounts(), p.rhoGradients(), p.rhoScores(), p.sigmaEdges(),
                            p.sigmaCounts(), p.shareSigmaCounts(), p.sigmaGradients(), p.sigmaScores(), p.minBinShare(), p.fineBins(),
                            p.woeSmoothing(), m.attributes().size());
                }
            }
            System.err.printf(Locale.ROOT, "  %s: %d folds in %.1f s%n", s[0], foldsRun, (System.nanoTime() - t0) / 1e9);
        }
    }
}
