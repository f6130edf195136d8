package org.creditmesh.scoring.server.keys;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.service.keys.ServiceKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key that signs score credentials: Ed25519 in a PKCS#12 keystore ({@code <data-dir>/scoring.p12}), created on
 * first start; the service issues as the key's {@code did:key}.
 */
@ApplicationScoped
@Startup
public class ScoringKeys {

    private static final Logger LOG = Logger.getLogger(ScoringKeys.class);
    static final String ALIAS = "score-issuer";

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @ConfigProperty(name = "creditmesh.keystore.password")
    String keystorePassword;

    private CredentialIssuer issuer;

    @PostConstruct
    void open() {
        try {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            SigningKey key = ServiceKeys.loadOrCreate(dir.resolve("scoring.p12"), keystorePassword.toCharArray(), ALIAS, KeyType.ED25519);
            issuer = new CredentialIssuer(key);
            LOG.infof("Issuing score credentials as %s", issuer.issuer());
        } catch (KeyException e) {
            throw new IllegalStateException("the scoring keystore could not be opened: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + dataDir + " is not usable", e);
        }
    }

    /** The issuer of score credentials. */
    public CredentialIssuer issuer() {
        return issuer;
    }
}
