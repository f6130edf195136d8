package org.creditmesh.scoring.report;

import java.util.List;
import java.util.Locale;
import org.creditmesh.scoring.evaluation.Fairness;
import org.creditmesh.scoring.evaluation.Metrics;
import org.creditmesh.scoring.scorecard.Bin;
import org.creditmesh.scoring.scorecard.ScorecardAttribute;

/** The model report as one self-contained HTML page: tables and inline SVG plots, no script, no external resource. */
public final class ReportHtml {

    private static final int W = 360;
    private static final int H = 300;
    private static final int PAD = 46;

    private ReportHtml() {
    }

    public static String render(ReportJson.Content c) {
        int[] bad = c.data().badFlags();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scorecard report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}th{background:#eee}td.l,th.l{text-align:left}")
                .append(".flag{color:#b00;font-weight:bold}svg{border:1px solid #ddd;margin:4px}</style></head><body>\n");
        h.append("<h1>Scorecard report</h1>\n<p>Data <code>").append(esc(c.dataFile())).append("</code> (SHA-256 <code>")
                .append(c.data().sha256()).append("</code>), ").append(c.data().rows()).append(" rows, ")
                .append(c.data().badCount()).append(" bad (").append(esc(c.data().target())).append(" = ")
                .append(esc(c.data().badValue())).append(").<br>Model fingerprint <code>").append(c.scorecard().fingerprint())
                .append("</code>.<br>Protected attributes (not model inputs): ")
                .append(c.protectedAttributes().isEmpty() ? "none" : esc(String.join(", ", c.protectedAttributes()))).append(".</p>\n");

        h.append("<h2>Cross-validation</h2><p>").append(c.cv().repeats()).append(" × ").append(c.cv().folds())
                .append("-fold stratified; binning fitted inside each training fold. Means over folds.</p>\n<table><tr><th class=l>model</th><th>AUC</th><th>AUC sd</th><th>KS</th><th>Gini</th><th>Brier</th></tr>\n");
        row(h, "scorecard (WoE + Tribuo logistic regression)", c.cv().scorecard());
        row(h, "baseline (one-hot + Tribuo logistic regression)", c.cv().baseline());
        h.append("</table>\n");

        h.append("<h2>Plots (out of fold, first repetition)</h2>\n");
        h.append(roc(Metrics.roc(c.cv().oofScorecard(), bad, 200), Metrics.roc(c.cv().oofBaseline(), bad, 200)));
        h.append(calibration(Metrics.calibration(c.cv().oofScorecard(), bad, 10), Metrics.calibration(c.cv().oofBaseline(), bad, 10)));
        h.append(distribution(c.cv().oofScore(), bad, c.scorecard().cutoff()));

        h.append("\n<h2>Scorecard</h2><p>Base points ").append(f1(c.scorecard().basePoints())).append("; ")
                .append(f1(c.scorecard().scaling().baseScore())).append(" points at ").append(f1(c.scorecard().scaling().baseOdds()))
                .append(":1 odds, ").append(f1(c.scorecard().scaling().pdo())).append(" points to double the odds; cut-off ")
                .append(f1(c.scorecard().cutoff())).append(".</p>\n<table><tr><th class=l>code</th><th class=l>attribute</th><th class=l>bin</th><th>rows</th><th>bad rate</th><th>WoE</th><th>points</th></tr>\n");
        for (ScorecardAttribute a : c.scorecard().attributes()) {
            List<Bin> bins = a.binning().bins();
            for (int i = 0; i < bins.size(); i++) {
                Bin b = bins.get(i);
                h.append("<tr><td class=l>").append(i == 0 ? a.code() : "").append("</td><td class=l>")
                        .append(i == 0 ? esc(a.name()) + " (IV " + f3(a.binning().iv()) + ")" : "").append("</td><td class=l>")
                        .append(esc(b.label())).append("</td><td>").append(b.count()).append("</td><td>").append(f3(b.badRate()))
                        .append("</td><td>").append(f3(b.woe())).append("</td><td>").append(f1(a.points().get(i))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<h3>Information values</h3><table><tr><th class=l>attribute</th><th>IV</th><th>bins</th><th class=l>in model</th></tr>\n");
        for (var b : c.candidates()) {
            h.append("<tr><td class=l>").append(esc(b.name())).append("</td><td>").append(f3(b.iv())).append("</td><td>")
                    .append(b.bins().size()).append("</td><td class=l>")
                    .append(c.scorecard().requiredAttributes().contains(b.name()) ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</table>\n<h3>Bands</h3><table><tr><th class=l>band</th><th>from score</th></tr>\n");
        for (var b : c.scorecard().bands()) {
            h.append("<tr><td class=l>").append(esc(b.name())).append("</td><td>").append(b.minScore() == null ? "—" : f1(b.minScore())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Fairness</h2><p>Approval at the cut-off, out-of-fold scores; groups whose approval rate is under ")
                .append(f3(c.config().fourFifths())).append(" of the best group's are flagged (four-fifths rule).</p>\n");
        if (c.fairness().isEmpty()) {
            h.append("<p>No protected attribute configured.</p>\n");
        }
        for (Fairness.Report r : c.fairness()) {
            h.append("<h3>").append(esc(r.attribute())).append(r.flagged() ? " <span class=flag>flagged</span>" : "")
                    .append("</h3><table><tr><th class=l>group</th><th>rows</th><th>bads</th><th>approval</th><th>ratio</th><th>AUC</th></tr>\n");
            for (Fairness.Group g : r.groups()) {
                h.append("<tr><td class=l>").append(esc(g.group())).append("</td><td>").append(g.rows()).append("</td><td>").append(g.bads())
                        .append("</td><td>").append(f3(g.approvalRate())).append("</td><td").append(g.flagged() ? " class=flag>" : ">")
                        .append(f3(g.ratioToBest())).append("</td><td>").append(g.auc() == null ? "—" : f3(g.auc())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, org.creditmesh.scoring.evaluation.CrossValidation.Summary s) {
        h.append("<tr><td class=l>").append(esc(name)).append("</td><td>").append(f3(s.auc())).append("</td><td>").append(f3(s.aucSd()))
                .append("</td><td>").append(f3(s.ks())).append("</td><td>").append(f3(s.gini())).append("</td><td>").append(f3(s.brier())).append("</td></tr>\n");
    }

    private static String frame(String title, String xLabel, String yLabel) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W + "\" height=\"" + H + "\" role=\"img\"><title>" + esc(title) + "</title>"
                + "<text x=\"" + W / 2 + "\" y=\"16\" text-anchor=\"middle\" font-size=\"13\">" + esc(title) + "</text>"
                + "<line x1=\"" + PAD + "\" y1=\"" + (H - PAD) + "\" x2=\"" + (W - 10) + "\" y2=\"" + (H - PAD) + "\" stroke=\"#000\"/>"
                + "<line x1=\"" + PAD + "\" y1=\"" + (H - PAD) + "\" x2=\"" + PAD + "\" y2=\"24\" stroke=\"#000\"/>"
                + "<text x=\"" + W / 2 + "\" y=\"" + (H - 8) + "\" text-anchor=\"middle\" font-size=\"11\">" + esc(xLabel) + "</text>"
                + "<text x=\"12\" y=\"" + H / 2 + "\" font-size=\"11\" transform=\"rotate(-90 12 " + H / 2 + ")\" text-anchor=\"middle\">" + esc(yLabel) + "</text>";
    }

    /** Tick labels at both ends and the middle of each axis, in data units. */
    private static String ticks(double x0, double x1, double y0, double y1, String fmt) {
        StringBuilder s = new StringBuilder();
        for (double t : new double[] {0, 0.5, 1}) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>", px(t), py(0), px(t), py(0) + 4));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">" + fmt + "</text>",
                    px(t), py(0) + 14, x0 + t * (x1 - x0)));
            if (y1 > y0) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>", px(0) - 4, py(t), px(0), py(t)));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>",
                        px(0) - 6, py(t) + 3, y0 + t * (y1 - y0)));
            }
        }
        return s.toString();
    }

    private static double px(double x) {
        return PAD + x * (W - 10 - PAD);
    }

    private static double py(double y) {
        return (H - PAD) - y * (H - PAD - 24);
    }

    private static String polyline(List<double[]> pts, String color) {
        StringBuilder s = new StringBuilder("<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"1.5\" points=\"");
        for (double[] p : pts) {
            s.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(p[0]), py(p[1])));
        }
        return s.append("\"/>").toString();
    }

    private static String legend() {
        return "<text x=\"" + (W - 150) + "\" y=\"" + (H - 60) + "\" font-size=\"11\" fill=\"#1f5fbf\">— scorecard</text>"
                + "<text x=\"" + (W - 150) + "\" y=\"" + (H - 47) + "\" font-size=\"11\" fill=\"#d2691e\">— baseline</text>";
    }

    static String roc(List<double[]> sc, List<double[]> bl) {
        return frame("ROC", "false-positive rate (goods refused)", "true-positive rate (bads caught)")
                + "<line x1=\"" + px(0) + "\" y1=\"" + py(0) + "\" x2=\"" + px(1) + "\" y2=\"" + py(1) + "\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>"
                + polyline(bl, "#d2691e") + polyline(sc, "#1f5fbf") + ticks(0, 1, 0, 1, "%.1f") + legend() + "</svg>\n";
    }

    static String calibration(List<Metrics.CalibrationRow> sc, List<Metrics.CalibrationRow> bl) {
        double max = 0;
        for (var r : sc) {
            max = Math.max(max, Math.max(r.predicted(), r.observed()));
        }
        for (var r : bl) {
            max = Math.max(max, Math.max(r.predicted(), r.observed()));
        }
        double scale = max <= 0 ? 1 : Math.min(1, Math.ceil(max * 10) / 10);
        StringBuilder s = new StringBuilder(frame("Calibration (deciles of predicted bad rate)", "predicted bad rate", "observed bad rate"));
        s.append("<line x1=\"").append(px(0)).append("\" y1=\"").append(py(0)).append("\" x2=\"").append(px(1)).append("\" y2=\"").append(py(1))
                .append("\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>");
        for (var pair : List.of(List.of(sc, "#1f5fbf"), List.of(bl, "#d2691e"))) {
            @SuppressWarnings("unchecked")
            List<Metrics.CalibrationRow> rows = (List<Metrics.CalibrationRow>) pair.get(0);
            String color = (String) pair.get(1);
            List<double[]> pts = rows.stream().map(r -> new double[] {r.predicted() / scale, r.observed() / scale}).toList();
            s.append(polyline(pts, color));
            for (double[] p : pts) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px(p[0]), py(p[1]), color));
            }
        }
        return s.append(ticks(0, scale, 0, scale, "%.2f")).append(legend()).append("</svg>\n").toString();
    }

    static String distribution(double[] scores, int[] bad, double cutoff) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int bins = 30;
        double[][] counts = new double[2][bins];
        double[] totals = new double[2];
        for (int i = 0; i < scores.length; i++) {
            int b = (int) Math.min(bins - 1, Math.floor((scores[i] - lo) / (hi - lo) * bins));
            counts[bad[i]][b]++;
            totals[bad[i]]++;
        }
        double max = 0;
        for (int c = 0; c < 2; c++) {
            for (int b = 0; b < bins; b++) {
                counts[c][b] = totals[c] == 0 ? 0 : counts[c][b] / totals[c];
                max = Math.max(max, counts[c][b]);
            }
        }
        StringBuilder s = new StringBuilder(frame("Score distribution (out of fold)", "score", "share of class"));
        double bw = 1.0 / bins;
        for (int b = 0; b < bins; b++) {
            for (int c = 0; c < 2; c++) {
                double y = max == 0 ? 0 : counts[c][b] / max;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" fill-opacity=\"0.5\"/>",
                        px(b * bw), py(y), px(bw) - px(0), py(0) - py(y), c == 1 ? "#c0392b" : "#27ae60"));
            }
        }
        double xc = (cutoff - lo) / (hi - lo);
        if (xc >= 0 && xc <= 1) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-dasharray=\"3\"/>", px(xc), py(0), px(xc), py(1)));
        }
        s.append(ticks(lo, hi, 0, 0, "%.0f"));
        s.append("<text x=\"").append(PAD + 6).append("\" y=\"36\" font-size=\"11\" fill=\"#27ae60\">goods</text>")
                .append("<text x=\"").append(PAD + 6).append("\" y=\"49\" font-size=\"11\" fill=\"#c0392b\">bads</text>")
                .append("<text x=\"").append(PAD + 6).append("\" y=\"62\" font-size=\"11\">dashed: cut-off</text>");
        return s.append("</svg>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3f", v);
    }
}
