package org.creditmesh.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the scripts of the JavaScript interoperability harness ({@code interop/*.mjs}, see
 * {@code interop/README.md}) as child processes and reads their one-JSON-object answer.
 *
 * <p>The harness is optional at build time: without {@code node} on the PATH or without
 * {@code interop/node_modules} ({@code npm ci --prefix interop}) the calling tests are skipped with a
 * message saying which, never passed.
 */
final class JsHarness {

    /** Exit codes of the CLI contract in {@code interop/README.md}. */
    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;
    static final int NOT_INSTALLED = 3;

    /** Set by the surefire configuration to the Maven multi-module root. */
    static final String REPO_DIR_PROPERTY = "creditmesh.repo.dir";

    /** {@code true}: a missing harness fails the tests instead of skipping them. */
    static final String REQUIRED_PROPERTY = "creditmesh.interop.required";

    private static final long TIMEOUT_SECONDS = 30;

    /** One script run: exit code, stdout parsed as JSON, stderr for failure messages. */
    record Result(String script, int exitCode, ObjectNode json, String stderr) {
        @Override
        public String toString() {
            return script + " exited " + exitCode + "\nstdout: " + Json.writePretty(json) + "\nstderr: " + stderr;
        }
    }

    private final Path root;

    private JsHarness(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The harness of this checkout, or why it cannot run here. */
    sealed interface Availability permits Available, Unavailable {
    }

    record Available(JsHarness harness) implements Availability {
    }

    record Unavailable(String reason) implements Availability {
    }

    /**
     * Looks for the repository root, {@code node} and {@code interop/node_modules}. Tests call
     * {@link #require(Availability)} per test (not once in {@code @BeforeAll}: surefire does not report
     * a class aborted there as skipped, so the skip would be invisible).
     */
    static Availability locate() {
        Optional<Path> root = repoRoot();
        if (root.isEmpty()) {
            return new Unavailable("JS interop tests skipped: the repository root (with interop/package.json) was not found from -D"
                    + REPO_DIR_PROPERTY + " or the working directory");
        }
        if (nodeVersion() == null) {
            return new Unavailable("JS interop tests skipped: `node` is not on the PATH (Node >= 20 needed)");
        }
        Path modules = root.get().resolve("interop/node_modules");
        if (!Files.isDirectory(modules)) {
            return new Unavailable("JS interop tests skipped: " + modules + " is absent; run `npm ci --prefix interop` first");
        }
        return new Available(new JsHarness(root.get()));
    }

    /**
     * The harness, or the test is aborted (reported as skipped) with the reason — or fails, when
     * {@code -Dcreditmesh.interop.required=true} or the environment variable {@code CI=true} says the
     * harness must be there ({@code .ci/run} installs it with {@code npm ci --prefix interop}), so that a
     * broken install cannot pass as a skip.
     */
    static JsHarness require(Availability availability) {
        if (availability instanceof Unavailable(String reason)) {
            if (Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason.replace("skipped", "cannot run") + " (-D" + REQUIRED_PROPERTY + "=true)");
            }
            Assumptions.abort(reason);
        }
        return ((Available) availability).harness();
    }

    private static Optional<Path> repoRoot() {
        String configured = System.getProperty(REPO_DIR_PROPERTY);
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        // Run outside Maven (an IDE): the module directory is two levels below the root.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p);
        }
        return candidates.stream().map(Path::toAbsolutePath).map(Path::normalize)
                .filter(p -> Files.isRegularFile(p.resolve("interop/package.json"))).findFirst();
    }

    private static String nodeVersion() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Runs {@code node interop/<script>.mjs args...} from the repository root. Fails the test (rather
     * than returning) when the script hangs, prints no JSON, or reports the harness not installed.
     */
    Result run(String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", root.resolve("interop").resolve(script + ".mjs").toString()));
        command.addAll(args);
        Path out = Files.createTempFile("interop-" + script, ".out");
        Path err = Files.createTempFile("interop-" + script, ".err");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(script + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            ObjectNode json;
            try {
                json = Json.parseObject(stdout);
            } catch (Exception e) {
                throw new AssertionError(script + " exited " + process.exitValue() + " without one JSON object on stdout: "
                        + stdout + "\nstderr: " + stderr, e);
            }
            Result result = new Result(script, process.exitValue(), json, stderr);
            assertThat(result.exitCode()).as("the harness is installed and was called correctly: %s", result)
                    .isNotIn(USAGE, NOT_INSTALLED);
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
