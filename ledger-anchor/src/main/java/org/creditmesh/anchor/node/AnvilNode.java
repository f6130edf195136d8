package org.creditmesh.anchor.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * A local anvil node (a real EVM, from the npm package {@code @foundry-rs/anvil}, whose binary the
 * Maven build installs under {@code ledger-anchor/node_modules}), listening on a free loopback port.
 * Used by the tests and by {@code ./creditmesh up}.
 *
 * <p>The binary is started directly, never through {@code npx}: npx's wrapper processes outlive a
 * kill of the parent. {@link #close()} stops the whole process tree; with a state file anvil writes
 * its state on the way out and loads it on the next start.
 */
public final class AnvilNode implements AutoCloseable {

    /** anvil's default development mnemonic; its accounts are public test accounts, never for real funds. */
    public static final String DEV_MNEMONIC = "test test test test test test test test test test test junk";

    /** System property / environment variable naming the anvil binary. */
    public static final String BINARY_PROPERTY = "creditmesh.anvil.binary";
    public static final String BINARY_ENV = "CREDITMESH_ANVIL_BINARY";

    private final Process process;
    private final URI rpcUrl;
    private final int port;
    private final long chainId;
    private final String mnemonic;
    private final Path log;
    private volatile boolean answered;

    private AnvilNode(Process process, URI rpcUrl, int port, long chainId, String mnemonic, Path log) {
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.port = port;
        this.chainId = chainId;
        this.mnemonic = mnemonic;
        this.log = log;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where anvil is: the {@value #BINARY_PROPERTY} system property, else the {@value #BINARY_ENV}
     * environment variable, else the platform package under {@code node_modules} of the
     * ledger-anchor module (looked up from the working directory and its {@code ledger-anchor/}).
     */
    public static Path defaultBinary() throws AnchorException {
        String configured = System.getProperty(BINARY_PROPERTY, System.getenv(BINARY_ENV));
        if (configured != null && !configured.isBlank()) {
            return requireExecutable(Path.of(configured));
        }
        String relative = "node_modules/@foundry-rs/anvil-" + platform() + "/bin/anvil" + (isWindows() ? ".exe" : "");
        for (Path base : List.of(Path.of(""), Path.of("ledger-anchor"))) {
            Path candidate = base.resolve(relative).toAbsolutePath();
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AnchorException(AnchorError.NODE_NOT_INSTALLED,
                "anvil not found at ledger-anchor/" + relative + "; build the ledger-anchor module (it runs npm ci) or set "
                        + BINARY_PROPERTY);
    }

    /** True when {@link #defaultBinary()} finds an executable. */
    public static boolean isInstalled() {
        try {
            defaultBinary();
            return true;
        } catch (AnchorException e) {
            return false;
        }
    }

    public URI rpcUrl() {
        return rpcUrl;
    }

    public int port() {
        return port;
    }

    public long chainId() {
        return chainId;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Log file of the node's output; deleted by {@link #close()} once the node had started (kept when it failed to). */
    public Path log() {
        return log;
    }

    /**
     * Sends one raw JSON-RPC request ({@code params} is a JSON array) and returns the response body;
     * for anvil's own methods ({@code anvil_mine}, {@code evm_snapshot}, {@code evm_revert}...) in tests.
     */
    public String rpc(String method, String params) throws AnchorException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(rpcUrl)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
                throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + " failed: " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AnchorException(AnchorError.RPC_UNAVAILABLE, method + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnchorException(AnchorError.RPC_UNAVAILABLE, method + ": interrupted", e);
        }
    }

    /** Mines {@code blocks} empty blocks at once ({@code anvil_mine}). */
    public void mine(int blocks) throws AnchorException {
        rpc("anvil_mine", "[\"0x" + Integer.toHexString(blocks) + "\"]");
    }

    /** The {@code index}-th account of the node's mnemonic (BIP-44 {@code m/44'/60'/0'/0/index}), pre-funded by anvil. */
    public Credentials account(int index) {
        return deriveAccount(mnemonic, index);
    }

    static Credentials deriveAccount(String mnemonic, int index) {
        byte[] seed = MnemonicUtils.generateSeed(mnemonic, "");
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT, Bip32ECKeyPair.HARDENED_BIT, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }

    /** Stops the node and every process it started; waits for it to exit (and write its state file). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (answered) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a leftover log file in the temp folder is harmless
            }
        }
    }

    private static Path requireExecutable(Path binary) throws AnchorException {
        if (!Files.isExecutable(binary)) {
            throw new AnchorException(AnchorError.NODE_NOT_INSTALLED, "anvil binary not executable: " + binary);
        }
        return binary.toAbsolutePath();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The suffix of the platform package: {@code linux-amd64}, {@code darwin-arm64}, {@code win32-amd64}... */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : isWindows() ? "win32" : "linux";
        String a = arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : "amd64";
        return o + "-" + a;
    }

    /** Options of a node; {@link #start()} starts it. */
    public static final class Builder {
        private Path binary;
        private long chainId = 31337;
        private Path stateFile;
        private Duration blockTime;
        private String mnemonic = DEV_MNEMONIC;
        private int accounts = 10;
        private Duration startupTimeout = Duration.ofSeconds(30);
        private int port;
        private boolean freeGas;

        private Builder() {
        }

        /** The anvil binary; default {@link AnvilNode#defaultBinary()}. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        public Builder chainId(long chainId) {
            this.chainId = chainId;
            return this;
        }

        /** Load state from this file if it exists and write it there on exit ({@code --state}). */
        public Builder stateFile(Path stateFile) {
            this.stateFile = stateFile;
            return this;
        }

        /** Mine a block every interval instead of one per transaction ({@code --block-time}). */
        public Builder blockTime(Duration blockTime) {
            this.blockTime = blockTime;
            return this;
        }

        public Builder mnemonic(String mnemonic) {
            this.mnemonic = Objects.requireNonNull(mnemonic);
            return this;
        }

        public Builder accounts(int accounts) {
            this.accounts = accounts;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return this;
        }

        /**
         * Zero base fee and gas price, like a Besu free-gas network ({@code min-gas-price=0}, zero base
         * fee): transactions at gas price zero are accepted.
         */
        public Builder freeGas(boolean freeGas) {
            this.freeGas = freeGas;
            return this;
        }

        /** A fixed port; default (0) is a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts anvil and returns once it answers {@code eth_chainId} with the configured chain id. */
        public AnvilNode start() throws AnchorException {
            Path bin = binary != null ? requireExecutable(binary) : defaultBinary();
            // A free port can be taken between probing and binding; try a few times when it was not fixed.
            AnchorException last = null;
            for (int attempt = 0; attempt < (port == 0 ? 3 : 1); attempt++) {
                try {
                    return startOnce(bin, port != 0 ? port : freePort());
                } catch (AnchorException e) {
                    last = e;
                }
            }
            throw last;
        }

        private AnvilNode startOnce(Path bin, int p) throws AnchorException {
            List<String> command = new ArrayList<>(List.of(bin.toString(),
                    "--host", "127.0.0.1",
                    "--port", Integer.toString(p),
                    "--chain-id", Long.toString(chainId),
                    "--accounts", Integer.toString(accounts),
                    "--mnemonic", mnemonic));
            if (stateFile != null) {
                command.addAll(List.of("--state", stateFile.toAbsolutePath().toString()));
            }
            if (freeGas) {
                command.addAll(List.of("--base-fee", "0", "--gas-price", "0", "--disable-min-priority-fee"));
            }
            if (blockTime != null) {
                command.addAll(List.of("--block-time", Long.toString(Math.max(1, blockTime.toSeconds()))));
            }
            Path logFile;
            Process process;
            try {
                logFile = Files.createTempFile("anvil-" + p + "-", ".log");
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .start();
            } catch (IOException e) {
                throw new AnchorException(AnchorError.NODE_START_FAILED, "cannot start anvil: " + e.getMessage(), e);
            }
            URI url = URI.create("http://127.0.0.1:" + p);
            AnvilNode node = new AnvilNode(process, url, p, chainId, mnemonic, logFile);
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                return awaitAnswer(node, http, url, logFile);
            }
        }

        private AnvilNode awaitAnswer(AnvilNode node, HttpClient http, URI url, Path logFile) throws AnchorException {
            Process process = node.process;
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            String expected = "\"0x" + Long.toHexString(chainId) + "\"";
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AnchorException(AnchorError.NODE_START_FAILED,
                            "anvil exited with " + process.exitValue() + " before answering; log: " + logFile);
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(2))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() == 200 && response.body().contains(expected)) {
                        node.answered = true;
                        return node;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    node.close();
                    Thread.currentThread().interrupt();
                    throw new AnchorException(AnchorError.NODE_START_FAILED, "interrupted while starting anvil", e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    node.close();
                    Thread.currentThread().interrupt();
                    throw new AnchorException(AnchorError.NODE_START_FAILED, "interrupted while starting anvil", e);
                }
            }
            node.close();
            throw new AnchorException(AnchorError.NODE_START_FAILED,
                    "anvil did not answer eth_chainId within " + startupTimeout + "; log: " + logFile);
        }

        private static java.io.File nullDevice() {
            return new java.io.File(isWindows() ? "NUL" : "/dev/null");
        }

        private static int freePort() throws AnchorException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new AnchorException(AnchorError.NODE_START_FAILED, "no free loopback port: " + e.getMessage(), e);
            }
        }
    }
}
