package org.creditmesh.anchor.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.creditmesh.anchor.batch.BatcherConfig;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.ChainProperties;
import org.web3j.crypto.Credentials;

/**
 * Configuration of an {@link AnchoringService}.
 *
 * @param rpcUrl the chain's JSON-RPC endpoint (anvil locally, a Besu node in production)
 * @param chain chain id and fee mode ({@link ChainSettings#anvil}, {@link ChainSettings#besuFreeGas}...)
 * @param signer the anchorer key (must be an anchorer of the registry); a secret the host keeps
 * @param registry the AnchorRegistry address
 * @param batching batch size, interval, confirmations, stuck-transaction replacement
 * @param pollInterval pause between ticks when there was nothing to do
 * @param maxBackoff longest pause after repeated failures (chain or database down)
 */
public record AnchoringConfig(URI rpcUrl, ChainSettings chain, Credentials signer, String registry, BatcherConfig batching,
        Duration pollInterval, Duration maxBackoff) {

    /** Prefix of the configuration keys read by {@link #fromProperties}. */
    public static final String PREFIX = "creditmesh.anchor.";

    public AnchoringConfig {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(batching, "batching");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (pollInterval.isNegative() || pollInterval.isZero() || maxBackoff.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("0 < pollInterval <= maxBackoff");
        }
    }

    /** Defaults: {@link BatcherConfig#defaults()}, polling every second, backing off up to a minute. */
    public static AnchoringConfig of(URI rpcUrl, ChainSettings chain, Credentials signer, String registry) {
        return new AnchoringConfig(rpcUrl, chain, signer, registry, BatcherConfig.defaults(), Duration.ofSeconds(1),
                Duration.ofMinutes(1));
    }

    public AnchoringConfig withBatching(BatcherConfig b) {
        return new AnchoringConfig(rpcUrl, chain, signer, registry, b, pollInterval, maxBackoff);
    }

    public AnchoringConfig withPolling(Duration poll, Duration backoff) {
        return new AnchoringConfig(rpcUrl, chain, signer, registry, batching, poll, backoff);
    }

    /**
     * Reads the keys below (prefix {@value #PREFIX}); durations are ISO-8601 ({@code PT30S}).
     * Required: {@code rpc-url}, {@code chain-id}, {@code registry}, {@code signer-key} (hex private key).
     * Optional: {@code fee-mode} (AUTO, EIP1559, LEGACY; default AUTO), {@code gas-price} (wei, legacy;
     * {@code 0} for a Besu free-gas network; default: ask the node), {@code priority-fee} (wei),
     * {@code confirmations} (default 1), {@code batch.max-size} (10000), {@code batch.interval} (PT30S),
     * {@code stuck-after} (PT3M), {@code fee-bump-percent} (12), {@code poll-interval} (PT1S),
     * {@code max-backoff} (PT1M). The database is chosen by {@link #databaseFrom}.
     */
    public static AnchoringConfig fromProperties(Map<String, String> p) {
        ChainProperties c = new ChainProperties(PREFIX, p);
        BatcherConfig d = BatcherConfig.defaults();
        BatcherConfig batching = d
                .withMaxBatchSize(c.integer("batch.max-size", d.maxBatchSize()))
                .withInterval(c.duration("batch.interval", d.interval()))
                .withConfirmations(c.integer("confirmations", d.confirmations()))
                .withStuckAfter(c.duration("stuck-after", d.stuckAfter()))
                .withFeeBumpPercent(c.integer("fee-bump-percent", d.feeBumpPercent()));
        return new AnchoringConfig(c.rpcUrl(), c.chainSettings(), c.signer(), c.required("registry"), batching,
                c.duration("poll-interval", Duration.ofSeconds(1)), c.duration("max-backoff", Duration.ofMinutes(1)));
    }

    /**
     * The outbox database from the keys {@code database.jdbc-url}, {@code database.user},
     * {@code database.password} (production), else {@code database.embedded-dir} (the embedded
     * PostgreSQL's cluster folder).
     */
    public static DatabaseChoice databaseFrom(Map<String, String> p) {
        String url = p.get(PREFIX + "database.jdbc-url");
        if (url != null && !url.isBlank()) {
            return new DatabaseChoice(url, p.get(PREFIX + "database.user"), p.get(PREFIX + "database.password"), null);
        }
        return new DatabaseChoice(null, null, null, Path.of(new ChainProperties(PREFIX, p).required("database.embedded-dir")));
    }

    /**
     * Where the outbox lives: a JDBC URL with user and password, or an embedded cluster folder.
     *
     * @param jdbcUrl JDBC URL, or {@code null} for the embedded database
     * @param user database user
     * @param password database password
     * @param embeddedDir the embedded cluster folder when {@code jdbcUrl} is {@code null}
     */
    public record DatabaseChoice(String jdbcUrl, String user, String password, Path embeddedDir) {

        @Override
        public String toString() {
            return jdbcUrl != null ? "DatabaseChoice[" + jdbcUrl + ", user " + user + "]" : "DatabaseChoice[embedded " + embeddedDir + "]";
        }
    }

    @Override
    public String toString() {
        // never the signer key
        return "AnchoringConfig[" + rpcUrl + ", chain " + chain.chainId() + ", registry " + registry + ", signer "
                + signer.getAddress() + ", " + batching + "]";
    }
}
