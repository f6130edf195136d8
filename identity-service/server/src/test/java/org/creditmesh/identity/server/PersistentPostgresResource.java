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
 * Like {@link EmbeddedPostgresResource}, but the PostgreSQL cluster and the data folder outlive the application:
 * the restart tests start the service, stop it (this resource stops PostgreSQL with it), and start it again on the
 * same folders. The folder is shared through a system property; it is deleted once {@link #DONE} is set.
 */
public class PersistentPostgresResource implements QuarkusTestResourceLifecycleManager {

    static final String DIR = "creditmesh.restart-test.dir";
    static final String DONE = "creditmesh.restart-test.done";

    private EmbeddedPostgres postgres;

    static synchronized Path root() {
        String dir = System.getProperty(DIR);
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("creditmesh-restart-test-");
                created.toFile().setExecutable(true, false);
                dir = created.toString();
                System.setProperty(DIR, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Path.of(dir);
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.start(root().resolve("postgres"), "creditmesh", "creditmesh");
            Map<String, String> config = new java.util.HashMap<>(TestClients.CONFIG);
            config.putAll(Map.of(
                    "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                    "quarkus.datasource.username", postgres.user(),
                    "quarkus.datasource.password", postgres.password(),
                    "creditmesh.data-dir", root().resolve("data").toString(),
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
            if (Boolean.getBoolean(DONE)) {
                try (Stream<Path> all = Files.walk(root())) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
