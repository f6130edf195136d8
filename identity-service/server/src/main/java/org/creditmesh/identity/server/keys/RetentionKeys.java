package org.creditmesh.identity.server.keys;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The AES-256 keys that encrypt retained claim values. The current key is {@code creditmesh.retention.key} (base64 of
 * 32 bytes; required in production, where it comes from {@code CREDITMESH_RETENTION_KEY}); without it (dev and test
 * only) a random key is generated once in {@code <data-dir>/retention-key}, owner-only. Keys named in
 * {@code creditmesh.retention.previous-keys} still decrypt the rows they encrypted, so a key can be rotated without
 * re-encrypting at once. A key's id is derived from the key (HMAC-SHA-256 of a fixed label, 8 bytes hex), so it cannot
 * be configured wrongly and reveals nothing about the key.
 */
@ApplicationScoped
@Startup
public class RetentionKeys {

    private static final Logger LOG = Logger.getLogger(RetentionKeys.class);
    private static final int KEY_BYTES = 32;

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.retention.key")
    Optional<String> configuredKey;

    @ConfigProperty(name = "creditmesh.retention.previous-keys")
    Optional<List<String>> previousKeys;

    private String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    @PostConstruct
    void open() {
        byte[] current;
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            current = decode(configuredKey.get(), "creditmesh.retention.key");
        } else if (io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.NORMAL) {
            // A key next to the database it protects would protect nothing in production.
            throw new IllegalStateException("creditmesh.retention.key (CREDITMESH_RETENTION_KEY) is required in production: "
                    + "base64 of 32 random bytes, e.g. from `openssl rand -base64 32`");
        } else {
            Path file = Path.of(dataDir).toAbsolutePath().resolve("retention-key");
            try {
                current = IssuerKeys.loadOrCreateSecret(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the retention key file " + file + " is not usable", e);
            }
            LOG.infof("Retention key: the generated one in %s (set creditmesh.retention.key in production)", file);
        }
        currentId = add(current);
        for (String previous : previousKeys.orElse(List.of())) {
            add(decode(previous, "creditmesh.retention.previous-keys"));
        }
    }

    /** The id of the key new rows are encrypted with. */
    public String currentId() {
        return currentId;
    }

    /** The key new rows are encrypted with. */
    public SecretKey current() {
        return byId.get(currentId);
    }

    /** The key with id {@code id}, if it is the current or a configured previous one. */
    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private String add(byte[] key) {
        String id = idOf(key);
        byId.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    static String idOf(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("creditmesh retention key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is a required JDK algorithm", e);
        }
    }

    private static byte[] decode(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes (AES-256), base64; it has " + key.length);
        }
        return key;
    }
}
