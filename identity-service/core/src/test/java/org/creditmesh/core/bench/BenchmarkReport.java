package org.creditmesh.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH's JSON result file ({@code -rf json}) into the Markdown tables of BENCHMARKS.md: every
 * benchmark's throughput with its error, the ratios against the targets of the benchmark issue, computed
 * against the raw primitives measured in the same run, and the Data Integrity step breakdown.
 *
 * <p>Usage: {@code java -cp <test class path> org.creditmesh.core.bench.BenchmarkReport jmh-result.json}
 */
public final class BenchmarkReport {

    /** The JavaScript reference implementation's eddsa-rdfc-2022 verifications per second on one core. */
    static final double JS_DATA_INTEGRITY_VERIFY_PER_SECOND = 490;

    private static final String PRIMITIVES = "SignaturePrimitivesBenchmark.";
    private static final String FORMATS = "CredentialFormatsBenchmark.";
    private static final String STEPS = "DataIntegrityStepsBenchmark.";

    /**
     * JMH's mean with its 99.9 % error, and the fastest measurement iteration: on a shared machine other
     * processes only ever slow an iteration down, so the best one is the least disturbed.
     */
    record Score(double opsPerSecond, double error, double best) {
        double microsPerOp() {
            return 1e6 / opsPerSecond;
        }
    }

    /** One line of the targets table: {@code measured / baseline} against {@code target}, if there is one. */
    record Ratio(String what, String measured, String baseline, double factor, double bestFactor, Optional<Double> target) {
    }

    private final Map<String, Score> scores;

    BenchmarkReport(Map<String, Score> scores) {
        this.scores = scores;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkReport <jmh-result.json>");
            System.exit(2);
        }
        read(Path.of(args[0])).print(System.out);
    }

    static BenchmarkReport read(Path jmhJson) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Files.readString(jmhJson));
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String name = result.path("benchmark").asText();
            JsonNode metric = result.path("primaryMetric");
            if (!"ops/s".equals(metric.path("scoreUnit").asText())) {
                throw new IllegalArgumentException(name + " is not in ops/s; run JMH in throughput mode with -tu s");
            }
            double error = metric.path("scoreError").asDouble(Double.NaN);
            double score = metric.path("score").asDouble();
            double best = score;
            for (JsonNode fork : metric.path("rawData")) {
                for (JsonNode iteration : fork) {
                    best = Math.max(best, iteration.asDouble());
                }
            }
            scores.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    new Score(score, Double.isNaN(error) ? 0 : error, best));
        }
        return new BenchmarkReport(scores);
    }

    void print(PrintStream out) {
        out.println("| Benchmark | ops/s (mean) | ± error (99.9 %) | µs/op | best iteration ops/s |");
        out.println("|---|---:|---:|---:|---:|");
        scores.forEach((name, s) -> out.printf(Locale.ROOT, "| `%s` | %,.0f | %,.0f | %.1f | %,.0f |%n",
                name, s.opsPerSecond(), s.error(), s.microsPerOp(), s.best()));
        out.println();
        out.println("| Ratio | Means | Best iterations | Target | Met (means) |");
        out.println("|---|---:|---:|---:|:---:|");
        for (Ratio r : ratios()) {
            out.printf(Locale.ROOT, "| %s (`%s` / %s) | %s | %s | %s | %s |%n", r.what(), r.measured(), r.baseline(),
                    percentOrTimes(r.factor()), percentOrTimes(r.bestFactor()),
                    r.target().map(BenchmarkReport::percentOrTimes).orElse("—"),
                    r.target().map(t -> r.factor() >= t ? "yes" : "**no**").orElse("—"));
        }
        List<String> steps = List.of("parse", "resolveKey", "transform", "proofConfiguration", "hashData", "verifyProof");
        Optional<Score> verify = score(FORMATS + "dataIntegrityVerify");
        if (verify.isPresent() && steps.stream().allMatch(s -> scores.containsKey(STEPS + s))) {
            out.println();
            out.println("| Data Integrity verify step | µs/op | share of `dataIntegrityVerify` |");
            out.println("|---|---:|---:|");
            double total = verify.get().microsPerOp();
            double sum = 0;
            for (String step : steps) {
                double micros = scores.get(STEPS + step).microsPerOp();
                sum += micros;
                out.printf(Locale.ROOT, "| `%s` | %.1f | %.0f %% |%n", step, micros, 100 * micros / total);
            }
            out.printf(Locale.ROOT, "| rest (structural checks, copies) | %.1f | %.0f %% |%n", total - sum, 100 * (total - sum) / total);
            out.printf(Locale.ROOT, "| **`dataIntegrityVerify`** | **%.1f** | 100 %% |%n", total);
        }
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        Optional<Map.Entry<String, Score>> ed25519 = fastest("ed25519VerifyBouncyCastle", "ed25519VerifyJdk");
        Optional<Map.Entry<String, Score>> p256 = fastest("p256VerifyBouncyCastle", "p256VerifyJdk");
        ed25519.ifPresent(base -> {
            ratio(ratios, "VC-JWT verify vs raw Ed25519 verify", "vcJwtVerify", base, Optional.of(0.80));
            ratio(ratios, "VC-JWT verify, unified verifier", "vcJwtVerifyUnified", base, Optional.of(0.80));
            ratio(ratios, "SD-JWT VC verify (20 disclosures + KB-JWT) vs raw Ed25519 verify", "sdJwtVerify", base, Optional.of(0.40));
            ratio(ratios, "SD-JWT VC verify, unified verifier", "sdJwtVerifyUnified", base, Optional.of(0.40));
            ratio(ratios, "Data Integrity verify vs raw Ed25519 verify", "dataIntegrityVerify", base, Optional.empty());
        });
        Optional.ofNullable(scores.get(PRIMITIVES + "ed25519VerifyBouncyCastleVcJwtInput")).ifPresent(s -> ratio(ratios,
                "VC-JWT verify vs Ed25519 verify of the same signing input", "vcJwtVerify",
                Map.entry("ed25519VerifyBouncyCastleVcJwtInput", s), Optional.empty()));
        p256.ifPresent(base -> {
            ratio(ratios, "VC-JWT ES256 verify vs raw P-256 verify", "vcJwtEs256Verify", base, Optional.empty());
            ratio(ratios, "SD-JWT VC ES256 verify (two P-256 signatures) vs raw P-256 verify", "sdJwtEs256Verify", base, Optional.empty());
        });
        for (String name : List.of("dataIntegrityVerify", "dataIntegrityVerifyUnified")) {
            score(FORMATS + name).ifPresent(s -> ratios.add(new Ratio("Data Integrity verify vs JS reference", name,
                    "490 ops/s", s.opsPerSecond() / JS_DATA_INTEGRITY_VERIFY_PER_SECOND,
                    s.best() / JS_DATA_INTEGRITY_VERIFY_PER_SECOND, Optional.of(5.0))));
        }
        return ratios;
    }

    private void ratio(List<Ratio> ratios, String what, String benchmark, Map.Entry<String, Score> base, Optional<Double> target) {
        score(FORMATS + benchmark).ifPresent(s -> ratios.add(new Ratio(what, benchmark, "`" + base.getKey() + "`",
                s.opsPerSecond() / base.getValue().opsPerSecond(), s.best() / base.getValue().best(), target)));
    }

    private Optional<Map.Entry<String, Score>> fastest(String... primitives) {
        Map.Entry<String, Score> best = null;
        for (String primitive : primitives) {
            Score s = scores.get(PRIMITIVES + primitive);
            if (s != null && (best == null || s.opsPerSecond() > best.getValue().opsPerSecond())) {
                best = Map.entry(primitive, s);
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<Score> score(String name) {
        return Optional.ofNullable(scores.get(name));
    }

    private static String percentOrTimes(double factor) {
        return factor >= 2 ? String.format(Locale.ROOT, "%.1f×", factor) : String.format(Locale.ROOT, "%.0f %%", 100 * factor);
    }
}
