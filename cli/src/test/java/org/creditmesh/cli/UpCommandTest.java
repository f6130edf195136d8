package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code up} as a user runs it, with the real identity-service jar and a real anvil: everything answers, and a
 * second {@code up} on the same folder finds the chain and the contracts of the first.
 */
class UpCommandTest {

    private static final Path SCORING_JAR = Path.of("..", "scoring-service", "server", "target", "quarkus-app",
            "quarkus-run.jar");
    private static final Path IDENTITY_JAR = Path.of("..", "identity-service", "server", "target", "quarkus-app",
            "quarkus-run.jar");

    /**
     * Not a {@code @TempDir}: those are closed to other users, and as root (CI) the service's PostgreSQL runs as
     * {@code nobody}, which must reach its cluster folder (a network in a closed folder is tested apart).
     */
    private final Path work = Path.of("target", "up-test").toAbsolutePath();

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @Test
    void startsTheNetworkAndResumesItOnTheNextStart() throws Exception {
        assumeTrue(AnvilNode.isInstalled(), "anvil is not installed: build ledger-anchor first (it runs npm ci)");
        assumeTrue(Files.isRegularFile(IDENTITY_JAR) && Files.isRegularFile(SCORING_JAR),
                "the services are not packaged: run the reactor build (./mvnw verify) rather than the cli module alone");
        System.setProperty("creditmesh.repo", Path.of("..").toAbsolutePath().normalize().toString());
        try {
            deleteRecursively(work);
            Path dir = work.resolve("network");
            String first = runUntilReadyThenStop(dir);
            var contracts = Json.parseObject(Files.readAllBytes(dir.resolve("contracts.json")));
            String anchors = contracts.get("anchorRegistry").asText();
            assertThat(first).contains(anchors);

            String second = runUntilReadyThenStop(dir);
            assertThat(second).as("the second start reuses the deployed contracts").contains(anchors);
            assertThat(Json.parseObject(Files.readAllBytes(dir.resolve("contracts.json"))).get("anchorRegistry").asText())
                    .isEqualTo(anchors);
        } finally {
            System.clearProperty("creditmesh.repo");
        }
    }

    /** Runs {@code up} in the background, checks the running network, stops it, returns what it printed. */
    private String runUntilReadyThenStop(Path dir) throws Exception {
        int chainPort = freePort();
        int identityPort = freePort();
        int before = cli.out().length();
        int identityHttpsPort = freePort();
        int scoringPort = freePort();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.run("up", "--dir", dir.toString(),
                "--chain-port", Integer.toString(chainPort), "--identity-port", Integer.toString(identityPort),
                "--identity-https-port", Integer.toString(identityHttpsPort), "--scoring-port", Integer.toString(scoringPort)));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!cli.out().substring(before).contains(UpCommand.READY)) {
            assertThat(exit).as("up exited early: " + cli.err()).isNotDone();
            assertThat(System.nanoTime()).as("up did not become ready; output: " + cli.out()).isLessThan(deadline);
            Thread.sleep(200);
        }
        String printed = cli.out().substring(before);
        try {
            HttpClient http = HttpClient.newHttpClient();
            var openApi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + identityPort + "/q/openapi"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).contains("/credentials/issue");
            var contracts = Json.parseObject(Files.readAllBytes(dir.resolve("contracts.json")));
            // The service's own issuer, accredited at its start (bootstrap), is mirrored to the IssuerRegistry, where
            // the scoring service looks bureaus up: on a local network it executes at once (one admin).
            var accredited = java.util.regex.Pattern.compile("Accredited the service's own issuer (did:[A-Za-z0-9:._%-]+)")
                    .matcher(Files.readString(dir.resolve("identity-service").resolve("identity-service.log")));
            assertThat(accredited.find()).as("the identity service accredits its own issuer at start").isTrue();
            String issuerDid = accredited.group(1);
            try (ChainClient chain = ChainClient.connect(URI.create("http://127.0.0.1:" + chainPort), null,
                    ChainSettings.anvil(LocalNetwork.CHAIN_ID))) {
                assertThat(chain.hasCode(contracts.get("anchorRegistry").asText())).isTrue();
                assertThat(chain.hasCode(contracts.get("issuerRegistry").asText())).isTrue();
                IssuerRegistryClient registry = IssuerRegistryClient.at(chain, contracts.get("issuerRegistry").asText());
                long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!registry.isAccredited(IssuerRegistryClient.didHash(issuerDid),
                        IssuerRegistryClient.credentialTypeHash("KycCredential"), java.time.Instant.now())) {
                    assertThat(System.nanoTime()).as(issuerDid + " was not accredited on chain").isLessThan(until);
                    Thread.sleep(500);
                }
            }
            // The admin gets a token as the README shows: HTTP Basic with the secret file's content as is.
            String adminSecret = Files.readString(dir.resolve("secrets").resolve("admin-secret")).strip();
            var token = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + identityPort + "/oauth2/token"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("admin:" + adminSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            var scoringApi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + scoringPort + "/q/openapi")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scoringApi.body()).contains("/scores");
            // The service anchors to the network's registry (its log says so; the anchoring itself is tested in
            // identity-server's AnchoringTest).
            assertThat(Files.readString(dir.resolve("identity-service").resolve("identity-service.log")))
                    .contains("Anchoring to registry " + contracts.get("anchorRegistry").asText());
        } finally {
            UpCommand.stop.countDown();
        }
        assertThat(exit.get(2, TimeUnit.MINUTES)).isZero();
        return printed;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
