package org.creditmesh.anchor.chain;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import org.web3j.crypto.Credentials;

/**
 * Flat configuration keys below one prefix ({@code creditmesh.anchor.}, {@code creditmesh.registry.}) as the hosts
 * pass them, with the keys every chain writer shares: {@code rpc-url}, {@code chain-id}, {@code signer-key},
 * {@code fee-mode} (AUTO, EIP1559, LEGACY; default AUTO), {@code gas-price} (wei; {@code 0} on a Besu free-gas
 * network; default: ask the node) and {@code priority-fee} (wei). A missing or malformed value is an
 * {@link IllegalArgumentException} naming the full key.
 *
 * @param prefix the keys' common prefix, ending in a dot
 * @param values all configuration values by full key
 */
public record ChainProperties(String prefix, Map<String, String> values) {

    public ChainProperties {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(values, "values");
    }

    /** The chain's JSON-RPC endpoint ({@code rpc-url}). */
    public URI rpcUrl() {
        return URI.create(required("rpc-url"));
    }

    /** The sending key ({@code signer-key}, hex private key): a secret, never logged. */
    public Credentials signer() {
        return Credentials.create(required("signer-key"));
    }

    /** Chain id and fees; receipts are awaited up to two minutes. */
    public ChainSettings chainSettings() {
        long chainId = Long.parseLong(required("chain-id"));
        FeeMode mode = FeeMode.valueOf(text("fee-mode", "AUTO"));
        return ChainSettings.anvil(chainId).withFees(mode, optionalBig("gas-price"), optionalBig("priority-fee"))
                .withReceiptTimeout(Duration.ofMinutes(2));
    }

    public String required(String key) {
        String v = values.get(prefix + key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing configuration " + prefix + key);
        }
        return v.strip();
    }

    public String text(String key, String fallback) {
        String v = values.get(prefix + key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    public int integer(String key, int fallback) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + key + " is not an integer", e);
        }
    }

    public BigInteger optionalBig(String key) {
        String v = text(key, null);
        if (v == null) {
            return null;
        }
        try {
            return new BigInteger(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + key + " is not an integer", e);
        }
    }

    /** An ISO-8601 duration ({@code PT30S}). */
    public Duration duration(String key, Duration fallback) {
        String v = text(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(prefix + key + " is not an ISO-8601 duration such as PT30S", e);
        }
    }
}
