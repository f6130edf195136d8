package org.creditmesh.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./creditmesh up}: the whole network on this machine until Ctrl-C — chain, contracts, identity and scoring services.
 * State (chain, databases, keys) survives a restart; delete the folder to start from scratch.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run the whole CreditMesh network on this machine until Ctrl-C: an anvil chain with the contracts,"
                + " the identity service and the scoring service, each on its embedded PostgreSQL, configured to use them.",
            "State is kept in --dir (default: the network folder of your CreditMesh home); delete it to start afresh."})
final class UpCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "where the network keeps its state")
    Path dir;

    @Option(names = "--chain-port", defaultValue = "8545", paramLabel = "PORT",
            description = "the chain's JSON-RPC port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int chainPort;

    @Option(names = "--identity-port", defaultValue = "8080", paramLabel = "PORT",
            description = "the identity service's HTTP port (default: ${DEFAULT-VALUE})")
    int identityPort;

    @Option(names = "--identity-https-port", defaultValue = "8443", paramLabel = "PORT",
            description = "the identity service's HTTPS port, self-signed certificate (default: ${DEFAULT-VALUE})")
    int identityHttpsPort;

    @Option(names = "--scoring-port", defaultValue = "8081", paramLabel = "PORT",
            description = "the scoring service's HTTP port (default: ${DEFAULT-VALUE})")
    int scoringPort;

    /** Counted down by tests to stop a running network; Ctrl-C stops it through the shutdown hook. */
    static volatile CountDownLatch stop;

    static final String READY = "CreditMesh is up. Ctrl-C stops it.";

    @Override
    public Integer call() throws Exception {
        Path home = dir != null ? dir : UserHome.dir().resolve("network");
        Path repo = RepositoryLayout.root();
        CountDownLatch stopped = new CountDownLatch(1);
        stop = stopped;
        // Closed by whichever comes first: Ctrl-C (the shutdown hook) or the end of this method.
        LocalNetwork network = new LocalNetwork(home);
        Thread hook = new Thread(network::close, "creditmesh-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.out.println("starting the chain (anvil, state in " + home + ")...");
            network.startChain(chainPort);
            System.out.println("  chain         " + network.rpcUrl() + "  (chain id " + LocalNetwork.CHAIN_ID + ")");
            System.out.println("  anchors       " + network.contracts().anchorRegistry());
            System.out.println("  issuers       " + network.contracts().issuerRegistry());
            String identityUrl = "https://localhost:" + identityHttpsPort;
            String scoringUrl = "http://localhost:" + scoringPort;
            System.out.println("starting the identity service...");
            ServiceProcess identity = network.startService("identity-service",
                    repo.resolve("identity-service/server/target/quarkus-app/quarkus-run.jar"), identityPort,
                    with(network.registryMirrorEnvironment(),
                    Map.of("CREDITMESH_KEYSTORE_PASSWORD", network.secret("identity-keystore-password"),
                            "CREDITMESH_RETENTION_KEY", network.aesKey("identity-retention-key"),
                            "CREDITMESH_BOOTSTRAP_ADMIN_SECRET", network.secret("admin-secret"),
                            // A local network accredits its own issuer, as dev and test do; a real one is governed.
                            "CREDITMESH_TRUST_BOOTSTRAP_ENABLED", "true",
                            "QUARKUS_HTTP_SSL_PORT", Integer.toString(identityHttpsPort),
                            "CREDITMESH_PUBLIC_URL", identityUrl,
                            // Its access tokens may name the scoring service as their audience too.
                            "CREDITMESH_OAUTH_AUDIENCES", identityUrl + "," + scoringUrl)));
            System.out.println("  identity      " + identity.baseUrl() + " and https://localhost:" + identityHttpsPort
                    + "  (API: " + identity.baseUrl() + "/q/swagger-ui, log: " + identity.log() + ")");
            System.out.println("  admin         client id 'admin', secret in " + network.dir().resolve("secrets").resolve("admin-secret")
                    + " (POST /oauth2/token, then register bureaus and lenders at /admin/organisations)");
            System.out.println("starting the scoring service...");
            ServiceProcess scoring = network.startService("scoring-service",
                    repo.resolve("scoring-service/server/target/quarkus-app/quarkus-run.jar"), scoringPort,
                    with(network.registryTrustEnvironment(),
                    Map.of("CREDITMESH_KEYSTORE_PASSWORD", network.secret("scoring-keystore-password"),
                            // Lenders authenticate with the identity service's access tokens.
                            "CREDITMESH_AUTH_ISSUER", identityUrl,
                            "CREDITMESH_AUTH_AUDIENCE", scoringUrl,
                            "CREDITMESH_AUTH_JWKS_URL", identity.baseUrl() + "/oauth2/jwks",
                            "CREDITMESH_SCORING_STATUS_ALLOW_HTTP_ON_LOOPBACK", "true")));
            System.out.println("  scoring       " + scoring.baseUrl() + "  (API: " + scoring.baseUrl() + "/q/swagger-ui, log: "
                    + scoring.log() + ")");
            System.out.println(READY);
            System.out.flush();
            stopped.await();
        } finally {
            stop = null;
            network.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and closes the network itself
            }
        }
        return 0;
    }

    private static Map<String, String> with(Map<String, String> first, Map<String, String> more) {
        Map<String, String> all = new java.util.LinkedHashMap<>(first);
        all.putAll(more);
        return all;
    }
}
