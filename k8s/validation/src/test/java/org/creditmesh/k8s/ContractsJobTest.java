package org.creditmesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contracts job's deploy script, exactly as rendered from k8s/, run against a real EVM: anvil (from
 * ledger-anchor's npm install) with the job's chain id and free gas, and the CLI jar this build packaged. No cluster
 * runs here (k8s/README.md), so this is the part of the job that can be run for real: that the script deploys, reads
 * the addresses out of the CLI's output, and writes exactly the keys of ConfigMap creditmesh-contracts that the
 * services read.
 */
class ContractsJobTest {

    private static Process anvil;
    private static URI rpc;
    private static List<String> accounts;
    private static List<String> keys;
    private static List<HasMetadata> objects;

    @BeforeAll
    static void startAnvil() throws IOException, InterruptedException {
        Path repo = Kustomize.manifests().getParent();
        Path binary = repo.resolve("ledger-anchor/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
        Path jar = repo.resolve("cli/target/creditmesh-cli.jar");
        if (!Files.isExecutable(binary) || !Files.isRegularFile(jar)) {
            String message = "needs " + binary + " and " + jar + " (built by ledger-anchor and cli earlier in the build)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        objects = new ArrayList<>();
        for (JsonNode document : Kustomize.render(Kustomize.manifests())) {
            objects.add(StrictKubernetes.parse(document));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // Zero base fee and gas price: the Besu network's free gas, which the job's --free-gas relies on.
        anvil = new ProcessBuilder(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", chainConfig().get("CREDITMESH_ANCHOR_CHAIN_ID"), "--base-fee", "0", "--gas-price", "0",
                "--block-time", "1").redirectErrorStream(true).start();
        accounts = new ArrayList<>();
        keys = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(anvil.getInputStream(), StandardCharsets.UTF_8));
        Pattern indexed = Pattern.compile("^\\((\\d+)\\) (0x[0-9a-fA-F]+)");
        boolean inKeys = false;
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("Private Keys")) {
                inKeys = true;
            }
            Matcher m = indexed.matcher(line.strip());
            if (m.find()) {
                (inKeys ? keys : accounts).add(m.group(2));
            }
            if (line.startsWith("Listening on")) {
                break;
            }
        }
        assertThat(keys).as("anvil's development keys").hasSizeGreaterThanOrEqualTo(6);
        rpc = URI.create("http://127.0.0.1:" + port);
        // Its output must keep flowing, or anvil blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // anvil stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stopAnvil() throws InterruptedException {
        if (anvil != null) {
            anvil.destroy();
            anvil.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDeployScriptPublishesTheAddressesTheServicesRead(@TempDir Path dir) throws Exception {
        Map<String, String> env = jobEnvironment();
        env.put("CREDITMESH_ANCHORERS", accounts.get(1) + "," + accounts.get(2));
        env.put("CREDITMESH_REGISTRY_ADMINS", accounts.get(3) + "," + accounts.get(4) + "," + accounts.get(5));
        Run run = runDeployScript(dir, env);
        assertThat(run.exitCode()).as(run.output()).isZero();

        Path published = dir.resolve("out/contracts");
        Set<String> files = new TreeSet<>();
        try (var list = Files.list(published)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        assertThat(files).containsAll(keysTheServicesRead());
        assertThat(Files.readString(published.resolve("deployer"))).isEqualToIgnoringCase(accounts.get(0));
        for (String contract : List.of("anchor-registry", "issuer-registry")) {
            String address = Files.readString(published.resolve(contract));
            assertThat(address).matches("0x[0-9a-fA-F]{40}");
            assertThat(code(address)).as(contract + " has code on chain").hasSizeGreaterThan(2);
        }
        Container publish = contractsJob().getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(publish.getArgs()).containsExactly("create", "configmap", "creditmesh-contracts", "--from-file=/out/contracts");
    }

    @Test
    void withTheDefaultsItRefusesToDeployBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        Run run = runDeployScript(dir, jobEnvironment());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("set CREDITMESH_ANCHORERS and CREDITMESH_REGISTRY_ADMINS");
        assertThat(dir.resolve("out/deployed.json")).doesNotExist();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run runDeployScript(Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path key = dir.resolve("signer-key");
        Files.writeString(key, keys.getFirst());
        Files.createDirectories(dir.resolve("out"));
        Path repo = Kustomize.manifests().getParent();
        String script = contractsJob().getSpec().getTemplate().getSpec().getInitContainers().getFirst().getArgs().getFirst()
                .replace("/opt/creditmesh/creditmesh-cli.jar", repo.resolve("cli/target/creditmesh-cli.jar").toString())
                .replace("/signer/key", key.toString())
                .replace("/out/", dir.resolve("out") + "/");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("CREDITMESH_HOME", dir.resolve("home").toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** The environment the deploy container gets from its ConfigMaps, with anvil in place of besu-rpc. */
    private static Map<String, String> jobEnvironment() {
        Container deploy = contractsJob().getSpec().getTemplate().getSpec().getInitContainers().getFirst();
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : deploy.getEnvFrom()) {
            env.putAll(configMap(from.getConfigMapRef().getName()).getData());
        }
        assertThat(env.get("CREDITMESH_ANCHOR_RPC_URL")).isEqualTo("http://besu-rpc:8545");
        env.put("CREDITMESH_ANCHOR_RPC_URL", rpc.toString());
        return env;
    }

    private static Map<String, String> chainConfig() {
        return configMap("creditmesh-chain").getData();
    }

    private static Set<String> keysTheServicesRead() {
        Set<String> read = new TreeSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof StatefulSet set) {
                for (Container c : set.getSpec().getTemplate().getSpec().getContainers()) {
                    for (EnvVar env : c.getEnv()) {
                        if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null
                                && env.getValueFrom().getConfigMapKeyRef().getName().equals("creditmesh-contracts")) {
                            read.add(env.getValueFrom().getConfigMapKeyRef().getKey());
                        }
                    }
                }
            }
        }
        assertThat(read).contains("anchor-registry", "issuer-registry");
        return read;
    }

    private static Job contractsJob() {
        return (Job) objects.stream().filter(o -> o instanceof Job && o.getMetadata().getName().equals("creditmesh-contracts"))
                .findFirst().orElseThrow();
    }

    private static ConfigMap configMap(String name) {
        return (ConfigMap) objects.stream().filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
    }

    private static String code(String address) throws IOException, InterruptedException {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getCode\",\"params\":[\"" + address + "\",\"latest\"]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(rpc)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("result").asText();
        }
    }
}
