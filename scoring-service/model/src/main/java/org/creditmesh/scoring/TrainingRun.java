package org.creditmesh.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.data.DataError;
import org.creditmesh.scoring.data.DataException;
import org.creditmesh.scoring.evaluation.CrossValidation;
import org.creditmesh.scoring.evaluation.Fairness;
import org.creditmesh.scoring.report.ReportHtml;
import org.creditmesh.scoring.report.ReportJson;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * One training run, what {@code creditmesh model train} does: load the CSV, cross-validate the
 * scorecard against the one-hot baseline, fit the final scorecard on all rows, and write
 * {@code OUT/model/} (see {@link ModelStore}), {@code OUT/report.json} and {@code OUT/report.html}.
 *
 * <pre>{@code
 * TrainingRun.Outcome o = TrainingRun.run(new TrainingRun.Request(csv, "class", "bad", out,
 *         List.of("personal_status", "foreign_worker", "age"), ScorecardConfig.defaults()), progress);
 * }</pre>
 */
public final class TrainingRun {

    public static final String MODEL_DIR = "model";
    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private TrainingRun() {
    }

    /**
     * What to train.
     *
     * @param csv the CSV file, header row first
     * @param target target column
     * @param badValue target value of the bad class
     * @param outDir output directory (created)
     * @param protectedAttributes columns kept out of the model and reported on for fairness
     * @param config configuration ({@link ScorecardConfig#defaults()} or {@link ScorecardConfig#load})
     */
    public record Request(Path csv, String target, String badValue, Path outDir, List<String> protectedAttributes,
                          ScorecardConfig config) {

        public Request {
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(badValue, "badValue");
            Objects.requireNonNull(outDir, "outDir");
            protectedAttributes = List.copyOf(protectedAttributes == null ? List.of() : protectedAttributes);
            config = config == null ? ScorecardConfig.defaults() : config;
        }
    }

    /** What a run produced. */
    public record Outcome(Path modelDir, Path reportJson, Path reportHtml, Scorecard scorecard, CrossValidation.Result cv,
                          ObjectNode report) {

        public String fingerprint() {
            return scorecard.fingerprint();
        }
    }

    public static Outcome run(Request request, TrainingProgress progress) throws CreditMeshException {
        ScorecardConfig config = request.config().validate();
        try {
            Files.createDirectories(request.outDir());
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNWRITABLE_OUTPUT, "cannot create " + request.outDir() + ": " + e.getMessage(), e);
        }
        progress.update("loading", 0, 1);
        CreditData data = CsvLoader.load(request.csv(), CsvOptions.of(request.target(), request.badValue())
                .withTypes(config.numericColumns(), config.categoricalColumns()));
        progress.update("loading", 1, 1);
        for (String ignored : config.ignoreColumns()) {
            if (ignored.equals(data.target()) || data.column(ignored).isEmpty()) {
                throw new DataException(DataError.UNKNOWN_COLUMN, "ignored column '" + ignored + "' is not an attribute column of the table");
            }
        }
        if (!config.ignoreColumns().isEmpty()) {
            data = new CreditData(data.columns().stream().filter(c -> !config.ignoreColumns().contains(c.name())).toList(),
                    data.badFlags(), data.target(), data.badValue(), data.goodValue(), data.sha256());
        }
        Set<String> prot = new LinkedHashSet<>();
        for (String p : request.protectedAttributes()) {
            String name = p.trim();
            if (name.equals(data.target())) {
                throw new DataException(DataError.UNKNOWN_COLUMN, "the target '" + name + "' cannot be a protected attribute");
            }
            if (data.column(name).isEmpty()) {
                throw new DataException(DataError.UNKNOWN_COLUMN, "protected attribute '" + name + "' is not a column of the table");
            }
            prot.add(name);
        }
        if (data.columns().stream().allMatch(c -> prot.contains(c.name()))) {
            throw new DataException(DataError.NO_ATTRIBUTES, "no attribute is left once the protected ones are set aside");
        }

        long t0 = System.nanoTime();
        CrossValidation.Result cv = CrossValidation.run(data, prot, config, progress);
        long t1 = System.nanoTime();
        progress.update("final model", 0, 1);
        int[] all = IntStream.range(0, data.rows()).toArray();
        ScorecardFitter.Fit fit = new ScorecardFitter(config).fit(data, all, prot);
        long t2 = System.nanoTime();
        progress.update("final model", 1, 1);

        Path modelDir = request.outDir().resolve(MODEL_DIR);
        ModelStore.save(modelDir, fit, config, data.sha256());

        List<Fairness.Report> fairness = new ArrayList<>();
        for (String p : prot) {
            Column c = data.column(p).orElseThrow();
            fairness.add(Fairness.of(data, c, cv.oofScore(), fit.scorecard().cutoff(), config.protectedBands().get(p), config.fourFifths()));
        }
        ReportJson.Content content = new ReportJson.Content(request.csv().getFileName().toString(), data, List.copyOf(prot), config, cv,
                fit.scorecard(), fit.candidates(), fairness, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        ObjectNode report = ReportJson.build(content);
        Path json = request.outDir().resolve(REPORT_JSON);
        Path html = request.outDir().resolve(REPORT_HTML);
        try {
            Files.writeString(json, new ObjectMapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
            Files.writeString(html, ReportHtml.render(content), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNWRITABLE_OUTPUT, "cannot write the report to " + request.outDir() + ": " + e.getMessage(), e);
        }
        progress.update("done", 1, 1);
        return new Outcome(modelDir, json, html, fit.scorecard(), cv, report);
    }
}
