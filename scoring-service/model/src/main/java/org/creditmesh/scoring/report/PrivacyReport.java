package org.creditmesh.scoring.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.creditmesh.scoring.federated.FederatedScorecard;

/**
 * The federated and differentially private training report: test AUC against ε for each data set (pooled,
 * federated without DP, and each ε as mean ± sd over noise draws), the two targets of issue 6, and the
 * privacy accounting of each ε (zCDP ρ per phase, the summed noise σ, the rules the noise chose).
 */
public final class PrivacyReport {

    /** Federated within this AUC of pooled. */
    public static final double FEDERATED_TARGET = 0.005;

    /** DP at ε = 1 within this AUC of ε = ∞. */
    public static final double DP_TARGET = 0.02;

    /** How the ρ are accounted and converted, stated once in every report. */
    public static final String ACCOUNTING = "zCDP: each release is the sum of the lenders' discrete Gaussian shares "
            + "(Canonne-Kamath-Steinke 2020 sampler, SecureRandom), charged by Kairouz-Liu-Steinke 2021 Prop. 14 for the fewest "
            + "admissible shares; rho adds up over the releases; the total converts to (epsilon, delta) by Canonne-Kamath-Steinke "
            + "2020 Prop. 12 minimized over Renyi orders";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PrivacyReport() {
    }

    /** One ε: the mean and sample sd over draws of the fold-mean test AUC, and one model's accounting. */
    public record Cell(double epsilon, double mean, double sd, int draws, FederatedScorecard.Privacy privacy) {
    }

    /** One data set. */
    public record Row(String dataFile, String sha256, int rows, int lenders, int tolerated, int folds, double pooled,
                      double federated, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** Mean and sample standard deviation. */
    public static double[] meanSd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0};
    }

    public static ObjectNode json(List<Row> rows, String command) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", command);
        root.put("accounting", ACCOUNTING);
        ArrayNode sets = root.putArray("datasets");
        for (Row r : rows) {
            ObjectNode s = sets.addObject();
            s.put("file", r.dataFile()).put("sha256", r.sha256()).put("rows", r.rows()).put("lenders", r.lenders())
                    .put("tolerated", r.tolerated()).put("folds", r.folds());
            s.put("pooled_auc", r.pooled()).put("federated_auc", r.federated());
            s.put("federated_gap", Math.abs(r.federated() - r.pooled()));
            s.put("federated_target_met", Math.abs(r.federated() - r.pooled()) <= FEDERATED_TARGET);
            ArrayNode dp = s.putArray("dp");
            for (Cell c : r.cells()) {
                ObjectNode o = dp.addObject();
                o.put("epsilon", c.epsilon()).put("auc_mean", c.mean()).put("auc_sd", c.sd()).put("draws", c.draws());
                o.put("gap_to_epsilon_inf", r.federated() - c.mean());
                if (c.epsilon() == 1) {
                    o.put("dp_target_met", r.federated() - c.mean() <= DP_TARGET);
                }
                FederatedScorecard.Privacy p = c.privacy();
                if (p != null) {
                    ObjectNode a = o.putObject("accounting");
                    a.put("epsilon_spent", p.epsilon()).put("delta", p.delta());
                    a.putObject("rho").put("cut_points", p.rhoEdges()).put("counts", p.rhoCounts()).put("gradients", p.rhoGradients())
                            .put("scores", p.rhoScores()).put("total", p.rhoEdges() + p.rhoCounts() + p.rhoGradients() + p.rhoScores());
                    a.putObject("summed_sigma").put("cut_points", p.sigmaEdges()).put("counts", p.sigmaCounts())
                            .put("gradients", p.sigmaGradients()).put("scores", p.sigmaScores());
                    a.put("share_sigma_counts", p.shareSigmaCounts());
                    a.putObject("rules").put("min_bin_share", p.minBinShare()).put("fine_bins", p.fineBins())
                            .put("woe_pseudo_count", p.woeSmoothing()).put("predicted_coefficient_sd", p.predictedCoefficientSd())
                            .put("gradient_rounds", p.gradientRounds());
                }
            }
        }
        return root;
    }

    public static String html(List<Row> rows, String command) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Federated and DP scorecard: AUC against epsilon</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}table{border-collapse:collapse}tr{border-bottom:1px solid #ddd}</style>"
                + "</head><body><h1>Federated and differentially private scorecard</h1>\n");
        h.append("<p>Command: <code>").append(ReportHtml.esc(command)).append("</code></p>\n");
        h.append("<h2>Test AUC against &epsilon;</h2>\n<table><tr><th>data set</th><th>pooled</th><th>federated, &epsilon; = &infin;</th>");
        List<Double> eps = rows.isEmpty() ? List.of() : rows.getFirst().cells().stream().map(Cell::epsilon).toList();
        for (double e : eps) {
            h.append("<th>&epsilon; = ").append(num(e)).append("</th>");
        }
        h.append("</tr>\n");
        for (Row r : rows) {
            h.append("<tr><td>").append(ReportHtml.esc(r.dataFile())).append("</td><td>").append(f4(r.pooled())).append("</td><td>")
                    .append(f4(r.federated())).append("</td>");
            for (Cell c : r.cells()) {
                h.append("<td>").append(f4(c.mean())).append(" &plusmn; ").append(f4(c.sd())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<p>Mean test AUC over the folds; each &epsilon; cell is the mean &plusmn; sd over independent noise draws.</p>\n");
        h.append("<h2>Targets</h2>\n<ul>\n");
        for (Row r : rows) {
            double fg = Math.abs(r.federated() - r.pooled());
            h.append("<li>").append(ReportHtml.esc(r.dataFile())).append(": federated vs pooled ").append(f4(fg))
                    .append(fg <= FEDERATED_TARGET ? " (met, &le; 0.005)" : " (<strong>not met</strong>, &gt; 0.005)");
            for (Cell c : r.cells()) {
                if (c.epsilon() == 1) {
                    double g = r.federated() - c.mean();
                    h.append("; &epsilon; = 1 vs &infin; ").append(f4(g))
                            .append(g <= DP_TARGET ? " (met, &le; 0.02)" : " (<strong>not met</strong>, &gt; 0.02)");
                }
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n<h2>Privacy accounting</h2>\n<p>").append(ReportHtml.esc(ACCOUNTING)).append(".</p>\n");
        h.append("<table><tr><th>data set</th><th>&epsilon;</th><th>&epsilon; spent (&delta;)</th><th>&rho; cut points</th>"
                + "<th>&rho; counts</th><th>&rho; gradients</th><th>&rho; scores</th><th>&sigma; counts</th><th>&sigma; gradients</th>"
                + "<th>min bin share</th><th>WoE pseudo-count</th><th>predicted coefficient noise</th><th>gradient rounds</th></tr>\n");
        for (Row r : rows) {
            for (Cell c : r.cells()) {
                FederatedScorecard.Privacy p = c.privacy();
                if (p == null) {
                    continue;
                }
                h.append("<tr><td>").append(ReportHtml.esc(r.dataFile())).append("</td><td>").append(num(c.epsilon())).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.3f (%.0e)", p.epsilon(), p.delta())).append("</td>");
                for (double v : new double[] {p.rhoEdges(), p.rhoCounts(), p.rhoGradients(), p.rhoScores()}) {
                    h.append("<td>").append(String.format(Locale.ROOT, "%.5f", v)).append("</td>");
                }
                h.append(String.format(Locale.ROOT, "<td>%.1f</td><td>%.2f</td><td>%.3f</td><td>%.1f</td><td>%.2f</td><td>%d</td></tr>%n",
                        p.sigmaCounts(), p.sigmaGradients(), p.minBinShare(), p.woeSmoothing(), p.predictedCoefficientSd(),
                        p.gradientRounds()));
            }
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
