package org.creditmesh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.json.Json;
import org.web3j.crypto.Credentials;

/**
 * A whole CreditMesh network on one machine, as {@code ./creditmesh up} starts it: an anvil chain that keeps its
 * state between runs, the two contracts (deployed once, found again on the next start), and the services as
 * child processes configured to use them. Everything lives under one folder, so {@code rm -r} of it is a reset.
 */
final class LocalNetwork implements AutoCloseable {

    /** anvil's chain id; a real network has its own (k8s uses 2026). */
    static final long CHAIN_ID = 31_337;

    /**
     * Which anvil development account signs each service's anchoring transactions. One account per service: two
     * senders sharing a key race for the same nonces and their transactions replace or reject each other. Account 0
     * is the operator that deploys and administers the contracts.
     */
    static final Map<String, Integer> ANCHOR_ACCOUNTS = Map.of("identity-service", 1, "scoring-service", 2);

    private final Path dir;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private AnvilNode anvil;
    private Contracts contracts;

    /** Addresses of the deployed contracts. */
    record Contracts(String anchorRegistry, String issuerRegistry) {
    }

    LocalNetwork(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Starts (or resumes) the chain and makes sure both contracts are on it. */
    void startChain(int port) throws IOException, AnchorException {
        Files.createDirectories(dir);
        anvil = AnvilNode.builder().chainId(CHAIN_ID).port(port).stateFile(dir.resolve("chain-state.json")).start();
        Credentials operator = operator();
        try (ChainClient chain = ChainClient.connect(anvil.rpcUrl(), operator, ChainSettings.anvil(CHAIN_ID))) {
            contracts = readContracts().filter(c -> hasCode(chain, c.anchorRegistry()) && hasCode(chain, c.issuerRegistry()))
                    .orElse(null);
            if (contracts == null) {
                // A fresh chain (or a state file from another run): deploy and remember the addresses.
                String self = operator.getAddress();
                contracts = new Contracts(
                        AnchorRegistryClient.deploy(chain, self, anchorerAddresses()).address(),
                        IssuerRegistryClient.deploy(chain, List.of(self), 1).address());
                writeContracts(contracts);
            }
            authoriseAnchorers(AnchorRegistryClient.at(chain, contracts.anchorRegistry()));
        }
    }

    /**
     * Makes every service's anchoring account an anchorer of the registry. A registry deployed by an older {@code up}
     * (which anchored from the operator's account) lacks them; the operator is its admin and adds them.
     */
    private void authoriseAnchorers(AnchorRegistryClient registry) throws AnchorException {
        for (String anchorer : anchorerAddresses()) {
            if (!registry.isAnchorer(anchorer)) {
                registry.setAnchorer(anchorer, true);
            }
        }
    }

    private List<String> anchorerAddresses() {
        return ANCHOR_ACCOUNTS.values().stream().sorted().map(i -> anvil.account(i).getAddress()).toList();
    }

    /** anvil's account 0, which deploys the contracts and administers them. */
    Credentials operator() {
        return anvil.account(0);
    }

    /** The address that signs the named service's anchoring transactions. */
    String anchorAddress(String service) {
        return anchorAccount(service).getAddress();
    }

    private Credentials anchorAccount(String service) {
        Integer index = ANCHOR_ACCOUNTS.get(service);
        if (index == null) {
            throw new IllegalArgumentException("no anchoring account for service " + service);
        }
        return anvil.account(index);
    }

    URI rpcUrl() {
        return anvil.rpcUrl();
    }

    Contracts contracts() {
        return contracts;
    }

    /**
     * The environment a service gets: where the chain and the contracts are, and its own anchoring key (an anvil
     * development account authorised as the registry's anchorer: a public test key, never for a real chain).
     */
    Map<String, String> chainEnvironment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CREDITMESH_ANCHOR_RPC_URL", anvil.rpcUrl().toString());
        env.put("CREDITMESH_ANCHOR_CHAIN_ID", Long.toString(CHAIN_ID));
        env.put("CREDITMESH_ANCHOR_REGISTRY", contracts.anchorRegistry());
        env.put("CREDITMESH_ANCHOR_SIGNER_KEY", org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
                anchorAccount(service).getEcKeyPair().getPrivateKey(), 64));
        env.put("CREDITMESH_ANCHOR_BATCH_INTERVAL", "PT5S");
        return env;
    }

    /**
     * The identity service mirrors its accreditations to the IssuerRegistry with the operator's key: the registry's
     * only admin here (threshold 1), so an accreditation executes at once. The operator's account sends nothing else
     * while the services run (the anchoring outboxes have their own accounts), so the mirror does not race for nonces.
     */
    Map<String, String> registryMirrorEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CREDITMESH_REGISTRY_RPC_URL", anvil.rpcUrl().toString());
        env.put("CREDITMESH_REGISTRY_CHAIN_ID", Long.toString(CHAIN_ID));
        env.put("CREDITMESH_REGISTRY_ADDRESS", contracts.issuerRegistry());
        env.put("CREDITMESH_REGISTRY_SIGNER_KEY", org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
                operator().getEcKeyPair().getPrivateKey(), 64));
        return env;
    }

    /** The scoring service trusts the bureaus the IssuerRegistry accredits (read only: no key). */
    Map<String, String> registryTrustEnvironment() {
        return Map.of("CREDITMESH_SCORING_TRUST_REGISTRY", contracts.issuerRegistry(),
                "CREDITMESH_SCORING_TRUST_RPC_URL", anvil.rpcUrl().toString(),
                "CREDITMESH_SCORING_TRUST_CHAIN_ID", Long.toString(CHAIN_ID));
    }

    /** Starts a service jar and waits until it reports ready. */
    ServiceProcess startService(String name, Path jar, int port, Map<String, String> env) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(chainEnvironment(name));
        all.put("CREDITMESH_DATABASE_EMBEDDED_DIR", embeddedDatabaseDir(name).toString());
        all.putAll(env);
        ServiceProcess service = ServiceProcess.spawn(name, jar, port, dir.resolve(name), all);
        // Registered before it is ready, so Ctrl-C during a slow start stops it too.
        services.add(service);
        service.awaitReady();
        return service;
    }

    /**
     * A secret of this local network (a password or client secret), generated on first use and kept in a file only
     * the owner can read, so a restart opens what the previous run created. URL-safe Base64: OAuth2 clients
     * form-encode a client secret before HTTP Basic (RFC 6749 section 2.3.1), so a '+' typed as is would be a space.
     */
    String secret(String name) throws IOException {
        return generated(name, Base64.getUrlEncoder().withoutPadding());
    }

    /** An AES-256 key of this local network (the retention key), as the standard Base64 the service reads. */
    String aesKey(String name) throws IOException {
        return generated(name, Base64.getEncoder());
    }

    private String generated(String name, Base64.Encoder encoding) throws IOException {
        Path file = dir.resolve("secrets").resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = encoding.encodeToString(random);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created owner-only, never readable by others for a moment before a chmod.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, value, StandardCharsets.US_ASCII);
        return value;
    }

    /**
     * Where a service's embedded PostgreSQL cluster lives: beside its other data, except when this runs as root in a
     * folder other users cannot enter (such as {@code /root/.creditmesh}). PostgreSQL refuses root, so the service
     * runs it as {@code nobody}, who must reach the cluster: then it goes under {@code /var/lib/creditmesh}, one
     * folder per network.
     */
    Path embeddedDatabaseDir(String service) throws IOException {
        Path preferred = dir.resolve(service).resolve("postgres").toAbsolutePath();
        if (!"root".equals(System.getProperty("user.name")) || enterableByOthers(dir.toAbsolutePath())) {
            return preferred;
        }
        String id = HexFormat.of().formatHex(sha256(dir.toAbsolutePath().toString())).substring(0, 16);
        Path shared = Path.of("/var/lib/creditmesh");
        Files.createDirectories(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        return shared.resolve("network-" + id).resolve(service + "-postgres");
    }

    private static boolean enterableByOthers(Path path) throws IOException {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    private static boolean hasCode(ChainClient chain, String address) {
        try {
            return chain.hasCode(address);
        } catch (AnchorException e) {
            return false;
        }
    }

    private Optional<Contracts> readContracts() throws IOException {
        Path file = dir.resolve("contracts.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ObjectNode json = Json.parseObject(Files.readAllBytes(file));
            return Optional.of(new Contracts(json.path("anchorRegistry").asText(), json.path("issuerRegistry").asText()));
        } catch (MalformedJsonException e) {
            return Optional.empty();
        }
    }

    private void writeContracts(Contracts deployed) throws IOException {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("chainId", CHAIN_ID);
        json.put("anchorRegistry", deployed.anchorRegistry());
        json.put("issuerRegistry", deployed.issuerRegistry());
        Files.writeString(dir.resolve("contracts.json"), Json.write(json));
    }

    /** Stops the services (newest first), then the chain, which writes its state file on exit. */
    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.remove(i).close();
        }
        if (anvil != null) {
            anvil.close();
            anvil = null;
        }
    }
}
