package org.creditmesh.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** {@code kubectl kustomize} of a folder, as the YAML documents it prints. */
final class Kustomize {

    private Kustomize() {
    }

    /** The checkout's {@code k8s/} folder. */
    static Path manifests() {
        String repo = System.getProperty("creditmesh.repo.dir");
        Path root = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent().getParent();
        return root.resolve("k8s");
    }

    /**
     * The rendered documents. Without kubectl the test is skipped with a message outside CI and fails in CI, which
     * installs it ({@code .ci/run}): a check that silently did not run there would prove nothing.
     */
    static List<JsonNode> render(Path folder) throws IOException, InterruptedException {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isEmpty()) {
            String message = "kubectl is not on PATH (Debian: apt-get install kubernetes-client); k8s/ was not rendered";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", folder.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + folder + " failed: " + err);
        }
        return documents(new String(out, StandardCharsets.UTF_8));
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
