package org.creditmesh.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditmesh.scoring.TrainingProgress;
import org.creditmesh.scoring.TrainingRun;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "model", mixinStandardHelpOptions = true, description = "Train and evaluate credit scorecards.",
        subcommands = {ModelCommand.Train.class})
final class ModelCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train a scorecard on any CSV with a binary target: binning, WoE, Tribuo logistic regression,"
                    + " PDO points, reason codes; cross-validated against a one-hot baseline.",
                "Writes DIR/model/, DIR/report.json and DIR/report.html."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "FILE.csv")
        Path data;

        @Option(names = "--target", required = true, paramLabel = "COLUMN")
        String target;

        @Option(names = "--bad", required = true, paramLabel = "VALUE", description = "the target value of the bad class")
        String bad;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--protected", split = ",", paramLabel = "COLUMN",
                description = "excluded from the model, reported on for fairness only")
        List<String> protectedAttributes = List.of();

        @Option(names = "--config", paramLabel = "FILE.json", description = "scorecard configuration (defaults otherwise)")
        Path config;

        @Override
        public Integer call() throws Exception {
            ScorecardConfig settings = config == null ? ScorecardConfig.defaults() : ScorecardConfig.load(config);
            TrainingRun.Outcome outcome = TrainingRun.run(
                    new TrainingRun.Request(data, target, bad, out, protectedAttributes, settings), new ProgressBar());
            System.err.println();
            System.out.printf(Locale.ROOT, "model %s%n  cross-validated AUC: scorecard %.4f, one-hot baseline %.4f%n  %s%n  %s%n",
                    outcome.fingerprint(),
                    outcome.report().at("/cv/scorecard/auc").asDouble(),
                    outcome.report().at("/cv/baseline/auc").asDouble(),
                    outcome.reportJson(), outcome.reportHtml());
            return 0;
        }
    }

    /** One line on stderr, redrawn in place: the stage and how far it is. */
    static final class ProgressBar implements TrainingProgress {
        private static final int WIDTH = 30;
        private String lastStage = "";

        @Override
        public synchronized void update(String stage, int done, int total) {
            int filled = total <= 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
            if (!stage.equals(lastStage) && !lastStage.isEmpty()) {
                System.err.println();
            }
            lastStage = stage;
            System.err.printf(Locale.ROOT, "\r[%s%s] %-28s %d/%d", "#".repeat(filled), ".".repeat(WIDTH - filled), stage, done, total);
            System.err.flush();
        }
    }
}
