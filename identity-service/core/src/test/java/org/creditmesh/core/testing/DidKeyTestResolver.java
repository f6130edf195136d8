package org.creditmesh.core.testing;

import java.util.Optional;
import org.creditmesh.core.jose.KeyResolver;
import org.creditmesh.core.jose.VerificationRelationship;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A test stand-in for DID resolution: resolves {@code did:key:<mb>#<mb>} key ids of the controller's
 * own did:key by decoding the Multikey (did:key method specification, section "Read"). Any other DID
 * method is unknown. The real resolver lives in the {@code did} package.
 */
public final class DidKeyTestResolver implements KeyResolver {

    @Override
    public Optional<VerificationKey> resolve(String kid, String controller, VerificationRelationship relationship)
            throws KeyException {
        // did:key puts its one key under every verification relationship (did:key specification, "Read").
        if (!kid.startsWith("did:key:")) {
            return Optional.empty();
        }
        int hash = kid.indexOf('#');
        String did = hash < 0 ? kid : kid.substring(0, hash);
        String multikey = did.substring("did:key:".length());
        if (!did.equals(controller) || (hash >= 0 && !kid.substring(hash + 1).equals(multikey))) {
            return Optional.empty();
        }
        return Optional.of(VerificationKey.fromMultikey(multikey));
    }

    /** The did:key and its key id for a public key. */
    public static String didKey(VerificationKey key) {
        return "did:key:" + key.toMultikey();
    }

    public static String kid(VerificationKey key) {
        return didKey(key) + "#" + key.toMultikey();
    }
}
