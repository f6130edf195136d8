package org.creditmesh.service.keys;

import java.nio.file.Path;
import org.creditmesh.core.keys.FileKeyStore;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.jboss.logging.Logger;

/**
 * A service's own signing key in the core's PKCS#12 {@link FileKeyStore}: loaded under its alias, or generated and
 * stored on first start. Shared by every service that signs (the identity service's issuer key, the scoring
 * service's score-credential key).
 */
public final class ServiceKeys {

    private static final Logger LOG = Logger.getLogger(ServiceKeys.class);

    private ServiceKeys() {
    }

    /** The key stored under {@code alias} in {@code file}, created (of {@code type}) when the store has none. */
    public static SigningKey loadOrCreate(Path file, char[] password, String alias, KeyType type) throws KeyException {
        FileKeyStore store = FileKeyStore.open(file, password);
        if (store.list().contains(alias)) {
            return store.load(alias);
        }
        SigningKey key = SigningKey.generate(type);
        store.store(alias, key);
        LOG.infof("Created the %s key in %s", alias, store.file());
        return key;
    }
}
