package org.creditmesh.scoring.server;

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
 * A fresh real PostgreSQL (the service's own {@link EmbeddedPostgres}) and data folder in a temporary folder for the
 * test run, both removed afterwards; the test bureau ({@link Wallet#BUREAU}) on the trust list; the identity
 * service's token keys ({@link TokenService}) as the trusted access-token issuer. The folder is under
 * {@code java.io.tmpdir} so that, when the tests run as root, PostgreSQL's user {@code nobody} can reach it.
 */
public class ScoringTestResource implements QuarkusTestResourceLifecycleManager {

    private Path root;
    private EmbeddedPostgres postgres;
    private TokenService tokens;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("creditmesh-scoring-test-");
            root.toFile().setExecutable(true, false);
            postgres = EmbeddedPostgres.start(root.resolve("postgres"), "creditmesh", "creditmesh");
            tokens = new TokenService();
            return Map.ofEntries(
                    Map.entry("quarkus.datasource.jdbc.url", postgres.jdbcUrl()),
                    Map.entry("quarkus.datasource.username", postgres.user()),
                    Map.entry("quarkus.datasource.password", postgres.password()),
                    Map.entry("creditmesh.data-dir", root.resolve("data").toString()),
                    Map.entry("creditmesh.keystore.password", "test-only-keystore-password"),
                    Map.entry("creditmesh.scoring.trust.issuers", Wallet.bureauDid()),
                    Map.entry("creditmesh.scoring.status.allow-http-on-loopback", "true"),
                    Map.entry("creditmesh.auth.issuer", TokenService.ISSUER),
                    Map.entry("creditmesh.auth.audience", TokenService.AUDIENCE),
                    Map.entry("creditmesh.auth.jwks-url", tokens.jwksUrl),
                    Map.entry(TokenService.KEY_PROPERTY, tokens.key.toJSONString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (tokens != null) {
            tokens.close();
        }
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
