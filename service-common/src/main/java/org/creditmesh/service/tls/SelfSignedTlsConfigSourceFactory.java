package org.creditmesh.service.tls;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Serves HTTPS with a {@link SelfSignedCertificate} when {@code creditmesh.tls.self-signed} is {@code true} and no
 * one configured a certificate ({@code quarkus.http.ssl.certificate.files} or {@code .key-store-file}): the
 * certificate lives in {@code <creditmesh.data-dir>/tls} (or {@code creditmesh.tls.self-signed.dir}) and names
 * localhost plus {@code creditmesh.tls.self-signed.names}. Like the embedded database, it is made lazily when the
 * HTTP server asks at runtime init, never while the application is built; a configured value always wins (the
 * source's ordinal is below application.properties).
 */
public final class SelfSignedTlsConfigSourceFactory implements ConfigSourceFactory {

    static final String ENABLED = "creditmesh.tls.self-signed";
    static final String DIR = "creditmesh.tls.self-signed.dir";
    static final String NAMES = "creditmesh.tls.self-signed.names";
    static final String DATA_DIR = "creditmesh.data-dir";
    static final String CERT_FILES = "quarkus.http.ssl.certificate.files";
    static final String KEY_FILES = "quarkus.http.ssl.certificate.key-files";
    static final String KEY_STORE = "quarkus.http.ssl.certificate.key-store-file";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(valueOf(context.getValue(ENABLED), "false"))
                || valueOf(context.getValue(CERT_FILES), null) != null || valueOf(context.getValue(KEY_STORE), null) != null) {
            return List.of();
        }
        String dir = valueOf(context.getValue(DIR), null);
        if (dir == null) {
            dir = Path.of(valueOf(context.getValue(DATA_DIR), "data")).resolve("tls").toString();
        }
        List<String> names = Arrays.stream(valueOf(context.getValue(NAMES), "").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return List.of(new LazySource(Path.of(dir), names));
    }

    @Override
    public java.util.OptionalInt getPriority() {
        return java.util.OptionalInt.of(LazySource.ORDINAL);
    }

    private static String valueOf(ConfigValue value, String fallback) {
        return value != null && value.getValue() != null && !value.getValue().isBlank() ? value.getValue() : fallback;
    }

    private static final class LazySource implements ConfigSource {
        static final int ORDINAL = 150;
        private static final Set<String> PROPERTY_NAMES = Set.of(CERT_FILES, KEY_FILES);
        private final Path dir;
        private final List<String> names;

        LazySource(Path dir, List<String> names) {
            this.dir = dir;
            this.names = names;
        }

        @Override
        public Set<String> getPropertyNames() {
            return PROPERTY_NAMES;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            if (!PROPERTY_NAMES.contains(name)) {
                return null;
            }
            ExecutionMode mode = ExecutionMode.current();
            if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
                return null;
            }
            try {
                Path[] files = SelfSignedCertificate.createOrReuse(dir.toAbsolutePath(), names);
                return (name.equals(CERT_FILES) ? files[0] : files[1]).toString();
            } catch (IOException e) {
                throw new UncheckedIOException("the self-signed TLS certificate could not be made: " + e.getMessage(), e);
            }
        }

        @Override
        public String getName() {
            return "creditmesh-self-signed-tls";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }
}
