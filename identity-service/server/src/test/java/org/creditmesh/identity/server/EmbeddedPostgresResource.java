package org.creditmesh.identity.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.creditmesh.service.postgres.EmbeddedPostgres;

/**
 * A fresh real PostgreSQL (the same {@link EmbeddedPostgres} the service starts by default) in a temporary folder
 * for a test run, plus a fresh data folder for the issuer keystore; both are removed afterwards. The folder is
 * under {@code java.io.tmpdir} so that, when the tests run as root, PostgreSQL's user {@code nobody} can reach it.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private Path root;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("creditmesh-server-test-");
            root.toFile().setExecutable(true, false);
            postgres = EmbeddedPostgres.start(root.resolve("postgres"), "creditmesh", "creditmesh");
            Map<String, String> config = new java.util.HashMap<>(TestClients.CONFIG);
            config.putAll(Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", postgres.user(),
                    "quarkus.datasource.password", postgres.password(),
                    "creditmesh.data-dir", root.resolve("data").toString(),
                    "creditmesh.keystore.password", "test-only-keystore-password"));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
            if (root != null) {
                try (Stream<Path> all = Files.walk(root)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
