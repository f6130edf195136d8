package org.creditmesh.service.postgres;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the default datasource at an {@link EmbeddedPostgres} when no one configured a database: when
 * {@code quarkus.datasource.jdbc.url} has no value (production sets it, e.g. through
 * {@code QUARKUS_DATASOURCE_JDBC_URL}) and {@code creditmesh.database.embedded} is not {@code false}.
 *
 * <p>The server is started lazily, the first time the datasource asks for its URL at runtime init, which is
 * before Agroal creates the pool and Flyway migrates. It is never started while the application is being built
 * (augmentation reads configuration too) — then the source answers nothing. The source's ordinal is below
 * {@code application.properties}, so any configured value wins.
 */
public final class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";
    static final String ENABLED = "creditmesh.database.embedded";
    static final String DIR = "creditmesh.database.embedded.dir";
    static final String DATA_DIR = "creditmesh.data-dir";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (hasValue(context.getValue(URL)) || "false".equalsIgnoreCase(valueOf(context.getValue(ENABLED), "true"))) {
            return List.of();
        }
        String dir = valueOf(context.getValue(DIR), null);
        if (dir == null) {
            dir = Path.of(valueOf(context.getValue(DATA_DIR), "data")).resolve("postgres").toString();
        }
        return List.of(new LazySource(Path.of(dir)));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(LazySource.ORDINAL);
    }

    private static boolean hasValue(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOf(ConfigValue value, String fallback) {
        return hasValue(value) ? value.getValue() : fallback;
    }

    private static final class LazySource implements ConfigSource {
        static final int ORDINAL = 150;
        private static final Set<String> NAMES = Set.of(URL, USERNAME, PASSWORD);
        private final Path dir;

        LazySource(Path dir) {
            this.dir = dir;
        }

        @Override
        public Set<String> getPropertyNames() {
            return NAMES;
        }

        @Override
        public Map<String, String> getProperties() {
            // Listing the properties must not start a server; only a lookup of one at runtime does.
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            if (!NAMES.contains(name)) {
                return null;
            }
            ExecutionMode mode = ExecutionMode.current();
            if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
                return null;
            }
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedDatabase.startOrGet(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL could not be started: " + e.getMessage(), e);
            }
            return switch (name) {
                case URL -> pg.jdbcUrl();
                case USERNAME -> pg.user();
                default -> pg.password();
            };
        }

        @Override
        public String getName() {
            return "creditmesh-embedded-postgres";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }
}
