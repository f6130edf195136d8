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
import org.creditmesh.scoring.report.PrivacyReport;
import org.creditmesh.scoring.scorecard.ScorecardConfig;

/**
 * Hand-run: pooled against federated (3 lenders) and DP-federated AUC at ε = ∞, 8, 4, 2, 1 on the
 * shared data sets, 10-fold CV (every fold held out once), DP noise from a fresh SecureRandom.
 * Every DP column is the mean over {@code repeats} independent noise draws per fold.
 * Arguments: [folds to run (default 10)] [DP repeats (default 5)] [shared dir (default ../shared)];
 * {@code -Dtolerated=t}: each lender adds σ²/(3 − t) so that t missing noise shares are tolerated;
 * {@code -Deps=8,4,2,1} the ε values, {@code -Dsets=credit-g,credit_data} the data sets,
 * {@code -Dbudget=edges,counts,gradients,scores -Drounds=K} another budget split (for side runs);
 * {@code -Dout=target/dp-report}: where {@code dp-report.json} and {@code dp-report.html} (the
 * {@link PrivacyReport}: the table and the privacy accounting of each ε) are written.
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
        double[] eps = java.util.Arrays.stream(System.getProperty("eps", "8,4,2,1").split(",")).mapToDouble(Double::parseDouble).toArray();
        String only = System.getProperty("sets", "");
        int tolerated = Integer.getInteger("tolerated", 0);
        List<FederatedScorecard.Options> options = new ArrayList<>();
        options.add(FederatedScorecard.Options.plain());
        for (double e : eps) {
            for (int k = 0; k < repeats; k++) {
                FederatedScorecard.Options o = FederatedScorecard.Options.dp(e).withTolerated(tolerated);
                if (System.getProperty("budget") != null) {
                    double[] b = java.util.Arrays.stream(System.getProperty("budget").split(",")).mapToDouble(Double::parseDouble).toArray();
                    o = o.withBudget(new FederatedScorecard.Budget(b[0], b[1], b[2], b[3]), Integer.getInteger("rounds", o.rounds()));
                }
                options.add(o);
            }
        }
        StringBuilder head = new StringBuilder("| data set | pooled | federated ε=∞ |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (double e : eps) {
            head.append(String.format(Locale.ROOT, " ε=%s |", e == Math.rint(e) ? Long.toString((long) e) : Double.toString(e)));
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        List<PrivacyReport.Row> rows = new ArrayList<>();
        for (String[] s : sets) {
            if (!only.isEmpty() && !java.util.List.of(only.split(",")).contains(s[0].replace(".csv", ""))) {
                continue;
            }
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
            List<PrivacyReport.Cell> cells = new ArrayList<>();
            for (int e = 0; e < eps.length; e++) {
                double[] draws = new double[repeats];
                for (int k = 0; k < repeats; k++) {
                    draws[k] = r.federated()[1 + e * repeats + k];
                }
                double[] ms = PrivacyReport.meanSd(draws);
                line.append(String.format(Locale.ROOT, " | %.4f ± %.4f", ms[0], ms[1]));
                cells.add(new PrivacyReport.Cell(eps[e], ms[0], ms[1], repeats, r.lastModels().get(1 + e * repeats).privacy()));
            }
            System.out.println(line + " |");
            rows.add(new PrivacyReport.Row(s[0], data.sha256(), data.rows(), 3, tolerated, foldsRun, r.pooled(), r.federated()[0], cells));
            for (int e = 0; e < eps.length; e++) {
                var m = r.lastModels().get(1 + e * repeats);
                if (m.privacy() != null) {
                    var p = m.privacy();
                    System.err.printf(Locale.ROOT, "  %s ε=%s: ε spent %.3f (δ %.0e), ρ edges %.5f counts %.5f gradients %.5f scores %.5f;"
                            + " summed σ edges %.1f counts %.1f (share %.1f) gradient %.2f scores %.1f; min bin %.3f, fine %d,"
                            + " WoE pseudo-count %.1f, predicted coefficient noise %.2f, %d rounds, %d attributes%n",
                            s[0], eps[e], p.epsilon(), p.delta(), p.rhoEdges(), p.rhoCounts(), p.rhoGradients(), p.rhoScores(),
                            p.sigmaEdges(), p.sigmaCounts(), p.shareSigmaCounts(), p.sigmaGradients(), p.sigmaScores(),
                            p.minBinShare(), p.fineBins(), p.woeSmoothing(), p.predictedCoefficientSd(), p.gradientRounds(), m.attributes().size());
                }
            }
            System.err.printf(Locale.ROOT, "  %s: %d folds in %.1f s%n", s[0], foldsRun, (System.nanoTime() - t0) / 1e9);
        }
        Path out = Path.of(System.getProperty("out", "target/dp-report"));
        Files.createDirectories(out);
        String command = "FederatedBenchmark " + String.join(" ", args) + " (tolerated=" + tolerated + ")";
        Files.writeString(out.resolve("dp-report.json"),
                PrivacyReport.json(rows, command).toPrettyString());
        Files.writeString(out.resolve("dp-report.html"), PrivacyReport.html(rows, command));
        System.err.println("  report: " + out.resolve("dp-report.json") + ", " + out.resolve("dp-report.html"));
    }
}
