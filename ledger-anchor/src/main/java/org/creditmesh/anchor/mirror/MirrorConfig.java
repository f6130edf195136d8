package org.creditmesh.anchor.mirror;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.FeeMode;
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
        long chainId = Long.parseLong(required(p, "chain-id"));
        FeeMode mode = FeeMode.valueOf(p.getOrDefault(PREFIX + "fee-mode", "AUTO"));
        ChainSettings chain = ChainSettings.anvil(chainId).withFees(mode, optionalBig(p, "gas-price"), optionalBig(p, "priority-fee"))
                .withConfirmations(Integer.parseInt(p.getOrDefault(PREFIX + "confirmations", "1")))
                .withReceiptTimeout(Duration.ofMinutes(2));
        return new MirrorConfig(URI.create(required(p, "rpc-url")), chain, Credentials.create(required(p, "signer-key")),
                required(p, "address"), duration(p, "poll-interval", Duration.ofSeconds(2)),
                duration(p, "max-backoff", Duration.ofMinutes(1)), Integer.parseInt(p.getOrDefault(PREFIX + "scan-window", "64")));
    }

    public MirrorConfig withPolling(Duration poll, Duration backoff) {
        return new MirrorConfig(rpcUrl, chain, signer, registry, poll, backoff, scanWindow);
    }

    private static String required(Map<String, String> p, String key) {
        String v = p.get(PREFIX + key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing configuration " + PREFIX + key);
        }
        return v.strip();
    }

    private static BigInteger optionalBig(Map<String, String> p, String key) {
        String v = p.get(PREFIX + key);
        return v == null || v.isBlank() ? null : new BigInteger(v.strip());
    }

    private static Duration duration(Map<String, String> p, String key, Duration fallback) {
        String v = p.get(PREFIX + key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not an ISO-8601 duration such as PT2S", e);
        }
    }

    @Override
    public String toString() {
        // never the signer key
        return "MirrorConfig[" + rpcUrl + ", chain " + chain.chainId() + ", registry " + registry + ", admin " + signer.getAddress() + "]";
    }
}
