package org.creditmesh.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl kustomize k8s/} renders, every object is valid against the Kubernetes model, and the objects fit
 * together: every ConfigMap and Secret a pod names exists (rendered, published by a job, or documented in
 * k8s/README.md for the operator to create), every selector selects a pod, every container is bounded and hardened,
 * every long-running container is probed.
 */
class K8sManifestsTest {

    /** Objects that exist only at run time: created by the jobs in k8s/, or by Kubernetes in every namespace. */
    private static final Map<String, Set<String>> RUNTIME_CONFIG_MAPS = Map.of(
            "besu-network", Set.of("genesis.json", "static-nodes.json", "permissions_config.toml"),
            "creditmesh-contracts", Set.of("anchor-registry", "issuer-registry", "deployer"),
            "kube-root-ca.crt", Set.of("ca.crt"));
    private static final Map<String, Set<String>> RUNTIME_SECRETS = Map.of(
            "besu-validator-keys", Set.of("key-0", "key-1", "key-2", "key-3"));

    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        List<JsonNode> documents = Kustomize.render(Kustomize.manifests());
        List<HasMetadata> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            try {
                parsed.add(StrictKubernetes.parse(document));
            } catch (StrictKubernetes.InvalidManifestException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(problems).as("objects the API server would refuse").isEmpty();
        objects = parsed;
    }

    @Test
    void theWholeNetworkIsDescribed() {
        assertThat(objects).extracting(o -> o.getKind() + "/" + o.getMetadata().getName()).contains(
                "Namespace/creditmesh", "StatefulSet/besu", "Job/besu-genesis", "StatefulSet/postgres",
                "Job/creditmesh-contracts", "StatefulSet/identity-service", "StatefulSet/scoring-service",
                "Service/besu-rpc", "Service/identity-service", "Service/scoring-service", "Service/postgres",
                "NetworkPolicy/default-deny", "PodDisruptionBudget/besu");
        assertThat(objects).filteredOn(o -> !(o.getKind().equals("Namespace") || o.getKind().equals("ClusterRole")))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("creditmesh"));
    }

    @Test
    void noSecretValueIsInTheRepository() {
        assertThat(objects).noneMatch(o -> o instanceof Secret);
    }

    @Test
    void everyConfigMapAndSecretAPodNamesExistsWithTheKeysItReads() throws IOException {
        Map<String, Set<String>> configMaps = new LinkedHashMap<>(RUNTIME_CONFIG_MAPS);
        for (HasMetadata o : objects) {
            if (o instanceof ConfigMap cm) {
                Set<String> keys = new TreeSet<>();
                if (cm.getData() != null) {
                    keys.addAll(cm.getData().keySet());
                }
                configMaps.put(cm.getMetadata().getName(), keys);
            }
        }
        Map<String, Set<String>> secrets = new LinkedHashMap<>(RUNTIME_SECRETS);
        secrets.putAll(documentedSecrets());
        List<String> missing = new ArrayList<>();
        forEachPod((owner, pod) -> {
            for (Container c : containers(pod)) {
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cmRef = env.getValueFrom().getConfigMapKeyRef();
                    if (cmRef != null) {
                        check(configMaps, "ConfigMap", cmRef.getName(), cmRef.getKey(), owner, missing);
                    }
                    var secretRef = env.getValueFrom().getSecretKeyRef();
                    if (secretRef != null) {
                        check(secrets, "Secret", secretRef.getName(), secretRef.getKey(), owner, missing);
                    }
                }
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        check(configMaps, "ConfigMap", from.getConfigMapRef().getName(), null, owner, missing);
                    }
                    if (from.getSecretRef() != null) {
                        check(secrets, "Secret", from.getSecretRef().getName(), null, owner, missing);
                    }
                }
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null) {
                    check(configMaps, "ConfigMap", v.getConfigMap().getName(), null, owner, missing);
                }
                if (v.getSecret() != null) {
                    check(secrets, "Secret", v.getSecret().getSecretName(), null, owner, missing);
                }
                if (v.getProjected() != null) {
                    for (VolumeProjection p : v.getProjected().getSources()) {
                        if (p.getConfigMap() != null) {
                            check(configMaps, "ConfigMap", p.getConfigMap().getName(), null, owner, missing);
                        }
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everySelectorSelectsAPod() {
        List<Map<String, String>> podLabels = new ArrayList<>();
        forEachPod((owner, pod) -> { });
        for (HasMetadata o : objects) {
            PodTemplateSpec template = template(o);
            if (template != null) {
                podLabels.add(template.getMetadata().getLabels());
            }
        }
        List<String> empty = new ArrayList<>();
        for (HasMetadata o : objects) {
            String name = o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof Service s && !selects(s.getSpec().getSelector(), podLabels)) {
                empty.add(name);
            }
            if (o instanceof PodDisruptionBudget pdb && !selects(pdb.getSpec().getSelector(), podLabels)) {
                empty.add(name);
            }
            if (o instanceof NetworkPolicy np) {
                if (!selects(np.getSpec().getPodSelector(), podLabels)) {
                    empty.add(name + " podSelector");
                }
                Stream.concat(np.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()),
                                np.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream()))
                        .filter(peer -> peer.getPodSelector() != null && peer.getNamespaceSelector() == null)
                        .map(NetworkPolicyPeer::getPodSelector)
                        .filter(selector -> !selects(selector, podLabels))
                        .forEach(selector -> empty.add(name + " peer " + selector.getMatchLabels()));
            }
        }
        assertThat(empty).as("selectors that select no pod").isEmpty();
    }

    @Test
    void everyContainerHasBoundedResourcesAndTheRestrictedSecurityProfile() {
        List<String> problems = new ArrayList<>();
        forEachPod((owner, pod) -> {
            var podSecurity = pod.getSecurityContext();
            if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                    || podSecurity.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
                problems.add(owner + ": pod must run as non-root with the RuntimeDefault seccomp profile");
            }
            for (Container c : containers(pod)) {
                String where = owner + " container " + c.getName();
                var r = c.getResources();
                if (r == null || r.getRequests() == null || r.getLimits() == null
                        || !r.getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                        || !r.getLimits().keySet().containsAll(Set.of("cpu", "memory"))) {
                    problems.add(where + ": needs cpu and memory requests and limits");
                }
                var s = c.getSecurityContext();
                if (s == null || !Boolean.FALSE.equals(s.getAllowPrivilegeEscalation())
                        || !Boolean.TRUE.equals(s.getReadOnlyRootFilesystem())
                        || s.getCapabilities() == null || !s.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ": needs allowPrivilegeEscalation false, a read-only root and no capabilities");
                }
                if (c.getImage().endsWith(":latest") && !c.getImage().startsWith("creditmesh/")) {
                    problems.add(where + ": third-party image without a pinned version");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLongRunningContainerIsProbedAndTheServicesOnTheirHealthEndpoints() {
        List<String> problems = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (!(o instanceof StatefulSet set)) {
                continue;
            }
            for (Container c : set.getSpec().getTemplate().getSpec().getContainers()) {
                String where = set.getMetadata().getName() + "/" + c.getName();
                if (c.getReadinessProbe() == null || c.getLivenessProbe() == null) {
                    problems.add(where + ": needs readiness and liveness probes");
                }
                if (c.getImage().startsWith("creditmesh/")) {
                    expectPath(c.getStartupProbe(), "/q/health/started", where, problems);
                    expectPath(c.getReadinessProbe(), "/q/health/ready", where, problems);
                    expectPath(c.getLivenessProbe(), "/q/health/live", where, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theScoringServiceReadsItsTrustRegistryAndTokensFromTheNetwork() {
        StatefulSet scoring = (StatefulSet) objects.stream()
                .filter(o -> o instanceof StatefulSet && o.getMetadata().getName().equals("scoring-service"))
                .findFirst().orElseThrow();
        Container c = scoring.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(c.getEnv()).extracting(EnvVar::getName).contains(
                "CREDITMESH_SCORING_TRUST_REGISTRY", "CREDITMESH_SCORING_TRUST_RPC_URL", "CREDITMESH_SCORING_TRUST_CHAIN_ID",
                "CREDITMESH_AUTH_ISSUER", "CREDITMESH_AUTH_AUDIENCE", "CREDITMESH_AUTH_JWKS_URL",
                "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD", "CREDITMESH_KEYSTORE_PASSWORD",
                "CREDITMESH_ANCHOR_REGISTRY", "CREDITMESH_ANCHOR_SIGNER_KEY");
        ConfigMap chain = (ConfigMap) objects.stream()
                .filter(o -> o instanceof ConfigMap && o.getMetadata().getName().equals("creditmesh-chain"))
                .findFirst().orElseThrow();
        assertThat(chain.getData()).containsEntry("CREDITMESH_ANCHOR_RPC_URL", "http://besu-rpc:8545")
                .containsEntry("CREDITMESH_ANCHOR_GAS_PRICE", "0");
    }

    @Test
    void everyVariableReferenceNamesAVariableDefinedBeforeIt() {
        // Kubernetes leaves an unresolved $(NAME) as literal text: the service would get "$(NAME)" as its value.
        Pattern reference = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
        Map<String, Set<String>> envFromKeys = new LinkedHashMap<>();
        for (HasMetadata o : objects) {
            if (o instanceof ConfigMap cm && cm.getData() != null) {
                envFromKeys.put(cm.getMetadata().getName(), cm.getData().keySet());
            }
        }
        List<String> unresolved = new ArrayList<>();
        forEachPod((owner, pod) -> {
            for (Container c : containers(pod)) {
                Set<String> defined = new TreeSet<>();
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        defined.addAll(envFromKeys.getOrDefault(from.getConfigMapRef().getName(), Set.of()));
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValue() != null) {
                        Matcher m = reference.matcher(env.getValue());
                        while (m.find()) {
                            if (!defined.contains(m.group(1))) {
                                unresolved.add(owner + " " + c.getName() + " " + env.getName() + " -> " + m.group(1));
                            }
                        }
                    }
                    defined.add(env.getName());
                }
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @Test
    void everyValidatorRunsFreeGasOnTheGeneratedGenesisWithItsOwnKey() {
        StatefulSet besu = (StatefulSet) objects.stream()
                .filter(o -> o instanceof StatefulSet && o.getMetadata().getName().equals("besu"))
                .findFirst().orElseThrow();
        assertThat(besu.getSpec().getReplicas()).isEqualTo(4);
        Container node = besu.getSpec().getTemplate().getSpec().getContainers().getFirst();
        // Besu's free-gas page: --min-gas-price=0 on every node, or it silently drops zero-price transactions.
        assertThat(node.getArgs()).contains("--min-gas-price=0", "--genesis-file=/network/genesis.json",
                "--node-private-key-file=/data/key", "--permissions-nodes-config-file=/network/permissions_config.toml",
                "--static-nodes-file=/network/static-nodes.json");
        assertThat(node.getArgs()).filteredOn(a -> a.startsWith("--rpc-http-api=")).singleElement()
                .satisfies(api -> assertThat(api).doesNotContain("QBFT", "ADMIN", "PERM", "DEBUG", "MINER"));
        assertThat(besu.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getConfigMap() != null && v.getConfigMap().getName().equals("besu-network")).isTrue());
    }

    private static void expectPath(Probe probe, String path, String where, List<String> problems) {
        if (probe == null || probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": expected a probe on " + path);
        }
    }

    /** Secret names and keys the README tells the operator to create ({@code kubectl create secret ...}). */
    private static Map<String, Set<String>> documentedSecrets() throws IOException {
        String readme = Files.readString(Kustomize.manifests().resolve("README.md"), StandardCharsets.UTF_8)
                .replace("\\\n", " ");
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Matcher command = Pattern.compile("create secret (generic|tls) ([a-z0-9-]+)([^\\n]*)").matcher(readme);
        while (command.find()) {
            Set<String> keys = new TreeSet<>();
            if (command.group(1).equals("tls")) {
                keys.addAll(Set.of("tls.crt", "tls.key"));
            }
            Matcher key = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=").matcher(command.group(3));
            while (key.find()) {
                keys.add(key.group(1));
            }
            Matcher bareFile = Pattern.compile("--from-file=([A-Za-z0-9._/-]+)(?:\\s|$)").matcher(command.group(3));
            while (bareFile.find()) {
                String file = bareFile.group(1);
                keys.add(file.substring(file.lastIndexOf('/') + 1));
            }
            secrets.put(command.group(2), keys);
        }
        return secrets;
    }

    private static void check(Map<String, Set<String>> known, String kind, String name, String key, String owner,
            List<String> missing) {
        Set<String> keys = known.get(name);
        if (keys == null) {
            missing.add(owner + " names " + kind + " " + name + ", which nothing creates");
        } else if (key != null && !keys.contains(key)) {
            missing.add(owner + " reads key " + key + " of " + kind + " " + name + ", which has " + keys);
        }
    }

    private static boolean selects(Map<String, String> selector, List<Map<String, String>> podLabels) {
        return selector != null && !selector.isEmpty()
                && podLabels.stream().anyMatch(labels -> labels != null && labels.entrySet().containsAll(selector.entrySet()));
    }

    private static boolean selects(LabelSelector selector, List<Map<String, String>> podLabels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty()) {
            return true;
        }
        return podLabels.stream().anyMatch(labels -> labels != null
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet())
                && selector.getMatchExpressions().stream().allMatch(e -> switch (e.getOperator()) {
                    case "In" -> e.getValues().contains(labels.get(e.getKey()));
                    case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
                    case "Exists" -> labels.containsKey(e.getKey());
                    case "DoesNotExist" -> !labels.containsKey(e.getKey());
                    default -> false;
                }));
    }

    private static PodTemplateSpec template(HasMetadata o) {
        if (o instanceof StatefulSet s) {
            return s.getSpec().getTemplate();
        }
        if (o instanceof Job j) {
            return j.getSpec().getTemplate();
        }
        return null;
    }

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getInitContainers());
        all.addAll(pod.getContainers());
        return all;
    }

    private interface PodVisitor {
        void visit(String owner, PodSpec pod);
    }

    private static void forEachPod(PodVisitor visitor) {
        for (HasMetadata o : objects) {
            PodTemplateSpec template = template(o);
            if (template != null) {
                visitor.visit(o.getKind() + "/" + o.getMetadata().getName(), template.getSpec());
            }
        }
    }
}
