package org.creditmesh.identity.server.oauth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The access-token signing keys: Ed25519 (JWS {@code EdDSA}, signed and verified by the core's fast key code) in the
 * service's PKCS#12 keystore ({@code <data-dir>/issuer.p12}) under aliases {@code oauth-token-<n>}, created on first
 * start. The newest signs; all verify and are published in the JWKS, so that a rotation (a new alias) does not
 * invalidate the tokens already handed out. The {@code kid} is the key's RFC 7638 thumbprint.
 */
@ApplicationScoped
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class);
    static final String ALIAS_PREFIX = "oauth-token-";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    private SigningKey current;
    private String currentKid;
    private Map<String, VerificationKey> all;

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            FileKeyStore store = FileKeyStore.open(dir.resolve("issuer.p12"), keystorePassword.toCharArray());
            List<String> aliases = new ArrayList<>(store.list().stream().filter(a -> a.startsWith(ALIAS_PREFIX)).toList());
            if (aliases.isEmpty()) {
                store.store(ALIAS_PREFIX + "1", SigningKey.generate(KeyType.ED25519));
                aliases.add(ALIAS_PREFIX + "1");
                LOG.infof("Created the access-token signing key in %s", store.file());
            }
            aliases.sort((a, b) -> Integer.compare(number(a), number(b)));
            Map<String, VerificationKey> keys = new LinkedHashMap<>();
            for (String alias : aliases) {
                SigningKey key = store.load(alias);
                keys.put(key.publicKey().thumbprint(), key.publicKey());
                current = key;
                currentKid = key.publicKey().thumbprint();
            }
            all = Map.copyOf(keys);
        } catch (CreditMeshException e) {
            throw new IllegalStateException("the token keys could not be opened: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the data folder " + dataDir + " is not usable", e);
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

    /** Every key a token of this service may be signed with, by kid. */
    public Map<String, VerificationKey> verificationKeys() {
        return all;
    }

    /** The public JWK set (RFC 7517 section 5) served at the {@code jwks_uri}. */
    public JWKSet jwks() {
        List<JWK> jwks = new ArrayList<>();
        all.forEach((kid, key) -> {
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
