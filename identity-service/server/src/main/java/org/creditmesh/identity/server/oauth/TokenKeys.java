package org.creditmesh.identity.server.oauth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The access-token signing keys: Ed25519 (JWS {@code EdDSA}, signed and verified by the core's fast key code) in the
 * service's PKCS#12 keystore ({@code <data-dir>/issuer.p12}) under aliases {@code oauth-token-<n>}, their life cycle
 * in {@code oauth_token_key}. The newest signs. {@link #rotate} makes a new one; the one it replaces keeps verifying,
 * and stays in the JWKS, for the token lifetime plus the clock skew verifiers allow, so every token it signed works
 * until it expires; then it is withdrawn (no longer verifies, no longer published, its private key deleted). The
 * {@code kid} is the key's RFC 7638 thumbprint. One instance rotates; others see the new key when they start.
 */
@ApplicationScoped
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class);
    static final String ALIAS_PREFIX = "oauth-token-";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    @ConfigProperty(name = "creditmesh.auth.clock-skew", defaultValue = "PT30S")
    Duration skew;

    @Inject
    OAuthConfig config;

    @Inject
    AgroalDataSource dataSource;

    /** A key that verifies until {@code withdrawsAt} (never while it signs). */
    record Published(String alias, String kid, VerificationKey key, Optional<Instant> withdrawsAt) {
        boolean verifiesAt(Instant now) {
            return withdrawsAt.map(now::isBefore).orElse(true);
        }
    }

    /** What a rotation did: the new signing key, and until when the replaced one still verifies. */
    public record Rotation(String kid, String previousKid, Instant previousWithdrawsAt) {
    }

    private FileKeyStore store;
    private volatile SigningKey current;
    private volatile String currentKid;
    private volatile List<Published> published = List.of();

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            store = FileKeyStore.open(dir.resolve("issuer.p12"), keystorePassword.toCharArray());
            if (aliases().isEmpty()) {
                store.store(ALIAS_PREFIX + "1", SigningKey.generate(KeyType.ED25519));
                LOG.infof("Created the access-token signing key in %s", store.file());
            }
            try (Connection c = dataSource.getConnection()) {
                load(c);
            }
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the token keys could not be opened: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        } catch (SQLException e) {
            throw new IllegalStateException("the token keys' life cycle could not be read", e);
        }
    }

    /** A new signing key; the current one keeps verifying until every token it signed has expired. */
    public synchronized Rotation rotate(Connection c) throws SQLException {
        String previousKid = currentKid;
        String alias = ALIAS_PREFIX + (aliases().stream().mapToInt(TokenKeys::number).max().orElse(0) + 1);
        try {
            store.store(alias, SigningKey.generate(KeyType.ED25519));
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the new token key could not be stored: " + e.getMessage(), e);
        }
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE oauth_token_key SET superseded_at = now() WHERE superseded_at IS NULL")) {
            u.executeUpdate();
        }
        load(c);
        Instant withdraws = published.stream().filter(p -> p.kid().equals(previousKid)).findFirst()
                .flatMap(Published::withdrawsAt).orElseThrow();
        LOG.infof("Rotated the access-token signing key: %s replaces %s, which verifies until %s", currentKid, previousKid,
                withdraws);
        return new Rotation(currentKid, previousKid, withdraws);
    }

    /**
     * Reads the keystore's token keys and their rows (adding rows for keys made before rotation existed), makes the
     * newest the signer, and withdraws those whose overlap has ended.
     */
    private void load(Connection c) throws SQLException {
        List<String> aliases = new ArrayList<>(aliases());
        aliases.sort((a, b) -> Integer.compare(number(a), number(b)));
        Map<String, Instant> superseded = new HashMap<>();
        Map<String, Boolean> known = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT alias, superseded_at FROM oauth_token_key");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                known.put(rs.getString(1), true);
                Timestamp at = rs.getTimestamp(2);
                if (at != null) {
                    superseded.put(rs.getString(1), at.toInstant());
                }
            }
        }
        Instant now = Instant.now();
        Duration overlap = config.lifetime().plus(skew);
        List<Published> keys = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            SigningKey key = load(alias);
            String kid = key.publicKey().thumbprint();
            boolean newest = i == aliases.size() - 1;
            if (!known.containsKey(alias)) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO oauth_token_key (alias, kid, superseded_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, alias);
                    insert.setString(2, kid);
                    insert.setTimestamp(3, newest ? null : Timestamp.from(now));
                    insert.executeUpdate();
                }
                if (!newest) {
                    superseded.put(alias, now);
                }
            }
            Optional<Instant> withdrawsAt = newest ? Optional.empty()
                    : Optional.of(superseded.getOrDefault(alias, now).plus(overlap));
            if (withdrawsAt.isPresent() && !now.isBefore(withdrawsAt.get())) {
                withdraw(c, alias);
                continue;
            }
            keys.add(new Published(alias, kid, key.publicKey(), withdrawsAt));
            if (newest) {
                current = key;
                currentKid = kid;
            }
        }
        published = List.copyOf(keys);
    }

    private void withdraw(Connection c, String alias) throws SQLException {
        try {
            store.delete(alias);
        } catch (CreditMeshException e) {
            throw new IllegalStateException("a withdrawn token key could not be deleted: " + e.getMessage(), e);
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE oauth_token_key SET withdrawn_at = now() WHERE alias = ?")) {
            u.setString(1, alias);
            u.executeUpdate();
        }
        LOG.infof("Withdrew the access-token key %s: every token it signed has expired", alias);
    }

    private List<String> aliases() {
        try {
            return store.list().stream().filter(a -> a.startsWith(ALIAS_PREFIX)).toList();
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the keystore could not be listed: " + e.getMessage(), e);
        }
    }

    private SigningKey load(String alias) {
        try {
            return store.load(alias);
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the token key " + alias + " could not be read: " + e.getMessage(), e);
        }
    }

    private static int number(String alias) {
        try {
            return Integer.parseInt(alias.substring(ALIAS_PREFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    SigningKey signingKey() {
        return current;
    }

    String signingKid() {
        return currentKid;
    }

    /** The key with this kid, while it verifies: a replaced key only until its overlap ends. */
    public Optional<VerificationKey> verificationKey(String kid) {
        Instant now = Instant.now();
        return published.stream().filter(p -> p.kid().equals(kid) && p.verifiesAt(now)).map(Published::key).findFirst();
    }

    /** Every key a valid token of this service may be signed with now, by kid. */
    public Map<String, VerificationKey> verificationKeys() {
        Instant now = Instant.now();
        Map<String, VerificationKey> keys = new LinkedHashMap<>();
        published.stream().filter(p -> p.verifiesAt(now)).forEach(p -> keys.put(p.kid(), p.key()));
        return keys;
    }

    /** The public JWK set (RFC 7517 section 5) served at the {@code jwks_uri}: the keys that verify now. */
    public JWKSet jwks() {
        List<JWK> jwks = new ArrayList<>();
        verificationKeys().forEach((kid, key) -> {
            Map<String, Object> json = new LinkedHashMap<>(key.toJwk().toJSONObject());
            json.put("kid", kid);
            json.put("use", KeyUse.SIGNATURE.identifier());
            json.put("alg", key.type().jwsAlgorithm().getName());
            try {
                jwks.add(JWK.parse(json));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("a public JWK did not round-trip", e);
            }
        });
        return new JWKSet(jwks);
    }
}
