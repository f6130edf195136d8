package org.creditmesh.scoring.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.creditmesh.scoring.data.CategoricalColumn;
import org.creditmesh.scoring.data.Column;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.evaluation.CrossValidation;
import org.creditmesh.scoring.evaluation.Fairness;
import org.creditmesh.scoring.evaluation.Metrics;
import org.creditmesh.scoring.scorecard.AttributeBinning;
import org.creditmesh.scoring.scorecard.Bin;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardAttribute;
import org.creditmesh.scoring.scorecard.ScorecardConfig;

/**
 * The model report as JSON. {@code cv.scorecard.auc} and {@code cv.baseline.auc} are the means over
 * all folds of all repetitions; everything measured on data is measured out of fold.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    /** Everything a report shows. */
    public record Content(String dataFile, CreditData data, List<String> protectedAttributes, ScorecardConfig config,
                          CrossValidation.Result cv, Scorecard scorecard, List<AttributeBinning> candidates,
                          List<Fairness.Report> fairness, double cvSeconds, double trainSeconds) {
    }

    public static ObjectNode build(Content c) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode ds = root.putObject("dataset");
        ds.put("file", c.dataFile());
        ds.put("sha256", c.data().sha256());
        ds.put("rows", c.data().rows());
        ds.put("bads", c.data().badCount());
        ds.put("goods", c.data().rows() - c.data().badCount());
        ds.put("target", c.data().target());
        ds.put("bad_value", c.data().badValue());
        ArrayNode cols = ds.putArray("columns");
        for (Column col : c.data().columns()) {
            int missing = 0;
            for (int r = 0; r < col.size(); r++) {
                missing += col.isMissing(r) ? 1 : 0;
            }
            cols.addObject().put("name", col.name()).put("type", col instanceof CategoricalColumn ? "categorical" : "numeric")
                    .put("missing", missing).put("protected", c.protectedAttributes().contains(col.name()));
        }
        root.set("config", c.config().toJson());

        ObjectNode cv = root.putObject("cv");
        cv.put("folds", c.cv().folds());
        cv.put("repeats", c.cv().repeats());
        cv.put("stratified", true);
        cv.set("scorecard", summary(c.cv().scorecard()));
        cv.set("baseline", summary(c.cv().baseline()));
        cv.put("baseline_description", "Tribuo logistic regression (same trainer) on one-hot categoricals and standardized numerics");
        int[] bad = c.data().badFlags();
        ObjectNode oof = root.putObject("out_of_fold");
        oof.put("note", "first repetition: every row predicted by the model of the fold that left it out");
        oof.put("scorecard_auc", Metrics.auc(c.cv().oofScorecard(), bad));
        oof.put("baseline_auc", Metrics.auc(c.cv().oofBaseline(), bad));
        oof.set("calibration_scorecard", MAPPER.valueToTree(Metrics.calibration(c.cv().oofScorecard(), bad, 10)));
        oof.set("calibration_baseline", MAPPER.valueToTree(Metrics.calibration(c.cv().oofBaseline(), bad, 10)));

        Scorecard s = c.scorecard();
        ObjectNode model = root.putObject("model");
        model.put("fingerprint", s.fingerprint());
        model.put("base_score", s.scaling().baseScore());
        model.put("base_odds", s.scaling().baseOdds());
        model.put("pdo", s.scaling().pdo());
        model.put("intercept", s.intercept());
        model.put("base_points", s.basePoints());
        model.put("cutoff", s.cutoff());
        model.set("bands", MAPPER.valueToTree(s.bands()));
        ArrayNode attrs = model.putArray("attributes");
        for (ScorecardAttribute a : s.attributes()) {
            ObjectNode o = attrs.addObject();
            o.put("code", a.code()).put("name", a.name()).put("iv", a.binning().iv()).put("coefficient", a.coefficient())
                    .put("trend", a.binning().trend());
            ArrayNode bins = o.putArray("bins");
            for (int i = 0; i < a.binning().bins().size(); i++) {
                Bin b = a.binning().bins().get(i);
                bins.addObject().put("label", b.label()).put("count", b.count()).put("bad_rate", b.badRate())
                        .put("woe", b.woe()).put("points", a.points().get(i));
            }
        }
        ArrayNode iv = root.putArray("information_values");
        for (AttributeBinning b : c.candidates()) {
            iv.addObject().put("name", b.name()).put("iv", b.iv()).put("bins", b.bins().size())
                    .put("selected", s.requiredAttributes().contains(b.name()));
        }
        ObjectNode fair = root.putObject("fairness");
        fair.put("cutoff", s.cutoff());
        fair.put("four_fifths_threshold", c.config().fourFifths());
        fair.put("note", "protected attributes are not model inputs; approval rates use out-of-fold scores");
        fair.set("attributes", MAPPER.valueToTree(c.fairness()));
        root.putObject("timing").put("cross_validation_seconds", c.cvSeconds()).put("final_fit_seconds", c.trainSeconds());
        return root;
    }

    private static JsonNode summary(CrossValidation.Summary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("auc", s.auc());
        o.put("auc_sd", s.aucSd());
        o.put("ks", s.ks());
        o.put("gini", s.gini());
        o.put("brier", s.brier());
        o.set("per_fold", MAPPER.valueToTree(s.folds()));
        return o;
    }
}
