package org.creditmesh.scoring.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.ModelFiles;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.scoring.ScoreRequest;
import org.creditmesh.scoring.server.scoring.ScoringService;
import org.creditmesh.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /scores} throughput and latency over HTTP, verification included, against the same work done
 * in-process ({@link ScoringService#score} on the same bodies, no HTTP) measured in the same run — the ratio is
 * what HTTP, JSON and the security layer cost. Not a test: surefire's default includes do not match the name, so
 * it runs only when asked for (hand-run, on a quiet machine):
 * <pre>./mvnw -q -B -o verify -pl scoring-service/server -am -Dtest=ScoresHttpBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dbench.requests=2000 -Dbench.concurrency=4</pre>
 * Prints one line per measurement and writes {@code scoring-service/server/target/bench/scores-http.json}.
 * Every presentation is a fresh KB-JWT over its own nonce, made before the clock starts (within the core's
 * KB-JWT freshness window); each body is sent once per phase.
 */
@QuarkusTest
@QuarkusTestResource(ScoringTestResource.class)
class ScoresHttpBenchmark {

    @Inject
    ModelRegistry registry;

    @Inject
    ScoringService scoring;

    @TestHTTPResource("/scores")
    URI scores;

    @Test
    @TestSecurity(user = "bench-lender", roles = "lender")
    void postScoresThroughputAndLatency() throws Exception {
        int requests = Integer.getInteger("bench.requests", 1000);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        int warmup = Integer.getInteger("bench.warmup", Math.max(100, requests / 5));
        Models.Files3 f = Models.first();
        try {
            registry.register(new ModelRegistry.Registration(ScoresApiTest.DEFAULT_MODEL, "credit-g",
                    new ModelFiles(f.scorecard(), f.provenance(), f.tribuo())), "bench");
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ScoringProblem.MODEL_EXISTS);
        }
        registry.activate(ScoresApiTest.DEFAULT_MODEL, Optional.empty(), "bench");
        JsonNode dcql = registry.get(ScoresApiTest.DEFAULT_MODEL).dcql();

        // A few borrowers, each with its two credentials issued once; a fresh presentation per request.
        List<Wallet> wallets = new ArrayList<>();
        List<String[]> credentials = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            Wallet wallet = new Wallet();
            wallets.add(wallet);
            credentials.add(new String[] {wallet.issue(wallet.example(Wallet.KYC)), wallet.issue(wallet.example(Wallet.REPAYMENT))});
        }
        List<String> warm = bodies(warmup, wallets, credentials, dcql);
        List<String> inProcess = bodies(requests, wallets, credentials, dcql);
        List<String> http = bodies(requests, wallets, credentials, dcql);

        run(warm, concurrency, this::inProcess);
        Result local = run(inProcess, concurrency, this::inProcess);
        run(warm, concurrency, this::overHttp);
        Result remote = run(http, concurrency, this::overHttp);

        String report = String.format(Locale.ROOT, "{\"requests\":%d,\"concurrency\":%d,\"inProcess\":%s,\"http\":%s,"
                + "\"httpToInProcessThroughput\":%.3f}", requests, concurrency, local.json(), remote.json(), remote.perSecond() / local.perSecond());
        System.out.println("in-process  " + local);
        System.out.println("HTTP        " + remote);
        System.out.printf(Locale.ROOT, "HTTP / in-process throughput: %.3f%n", remote.perSecond() / local.perSecond());
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("scores-http.json"), report + "\n");
        assertThat(remote.failures()).as("failed HTTP requests").isZero();
        assertThat(local.failures()).as("failed in-process scorings").isZero();
    }

    private List<String> bodies(int n, List<Wallet> wallets, List<String[]> credentials, JsonNode dcql) throws Exception {
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Wallet wallet = wallets.get(i % wallets.size());
            String[] cred = credentials.get(i % wallets.size());
            Challenge challenge = ScoresApiTest.challenge();
            ObjectNode token = Json.mapper().createObjectNode();
            token.putArray(org.creditmesh.scoring.claims.Dcql.credentialId(Wallet.KYC))
                    .add(wallet.present(cred[0], Wallet.KYC, dcql, challenge, null));
            token.putArray(org.creditmesh.scoring.claims.Dcql.credentialId(Wallet.REPAYMENT))
                    .add(wallet.present(cred[1], Wallet.REPAYMENT, dcql, challenge, null));
            bodies.add(ScoresApiTest.body(token, challenge.nonce(), false));
        }
        return bodies;
    }

    @FunctionalInterface
    private interface Call {
        boolean send(String body) throws Exception;
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private boolean overHttp(String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(scores).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private boolean inProcess(String body) {
        scoring.score(ScoreRequest.parse(body.getBytes(StandardCharsets.UTF_8)), "bench-lender");
        return true;
    }

    record Result(int n, double seconds, long[] nanos, int failures) {
        double perSecond() {
            return n / seconds;
        }

        double millis(double q) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"perSecond\":%.1f,\"p50ms\":%.2f,\"p99ms\":%.2f,\"failures\":%d}",
                    perSecond(), millis(0.50), millis(0.99), failures);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d requests: %.1f/s, p50 %.2f ms, p99 %.2f ms, %d failed",
                    n, perSecond(), millis(0.50), millis(0.99), failures);
        }
    }

    private static Result run(List<String> bodies, int concurrency, Call call) throws Exception {
        long[] nanos = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.send(bodies.get(i));
                    } catch (Exception e) {
                        ok = false;
                    }
                    nanos[i] = System.nanoTime() - t0;
                    if (!ok) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(bodies.size(), seconds, nanos, failures.get());
    }
}
