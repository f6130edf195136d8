package org.creditmesh.anchor.mirror;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.ChainProperties;
import org.web3j.crypto.Credentials;

/**
 * Configuration of a {@link RegistryMirror}.
 *
 * @param rpcUrl the chain's JSON-RPC endpoint
 * @param chain chain id and fees
 * @param signer this host's governance admin key (one of the IssuerRegistry's admins); a secret the host keeps
 * @param registry the IssuerRegistry address
 * @param pollInterval pause between ticks when there was nothing to do
 * @param maxBackoff longest pause after repeated failures
 * @param scanWindow how many of the newest proposals are searched for one identical to a change before proposing it
 *                   (another admin may have proposed it already; then this admin approves that one)
 */
public record MirrorConfig(URI rpcUrl, ChainSettings chain, Credentials signer, String registry, Duration pollInterval,
        Duration maxBackoff, int scanWindow) {

    /** Prefix of the configuration keys read by {@link #fromProperties}. */
    public static final String PREFIX = "creditmesh.registry.";

    public MirrorConfig {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (pollInterval.isNegative() || pollInterval.isZero() || maxBackoff.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("0 < poll-interval <= max-backoff");
        }
        if (scanWindow < 1) {
            throw new IllegalArgumentException("scan-window must be at least 1");
        }
    }

    /**
     * Reads the keys below (prefix {@value #PREFIX}); durations are ISO-8601. Required: {@code rpc-url},
     * {@code chain-id}, {@code address} (the IssuerRegistry), {@code signer-key} (hex private key of an admin).
     * Optional: {@code fee-mode} (AUTO), {@code gas-price} (wei; {@code 0} on a Besu free-gas network),
     * {@code priority-fee}, {@code confirmations} (1), {@code poll-interval} (PT2S), {@code max-backoff} (PT1M),
     * {@code scan-window} (64).
     */
    public static MirrorConfig fromProperties(Map<String, String> p) {
        ChainProperties c = new ChainProperties(PREFIX, p);
        ChainSettings chain = c.chainSettings().withConfirmations(c.integer("confirmations", 1));
        return new MirrorConfig(c.rpcUrl(), chain, c.signer(), c.required("address"),
                c.duration("poll-interval", Duration.ofSeconds(2)), c.duration("max-backoff", Duration.ofMinutes(1)),
                c.integer("scan-window", 64));
    }

    public MirrorConfig withPolling(Duration poll, Duration backoff) {
        return new MirrorConfig(rpcUrl, chain, signer, registry, poll, backoff, scanWindow);
    }

    @Override
    public String toString() {
        // never the signer key
        return "MirrorConfig[" + rpcUrl + ", chain " + chain.chainId() + ", registry " + registry + ", admin " + signer.getAddress() + "]";
    }
}
