package org.creditmesh.service.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.VerificationKey;

/** Where the verifier finds the public key a token names by {@code kid}: a fixed set, or a JWKS URL ({@link RemoteJwks}). */
@FunctionalInterface
public interface TokenKeySource {

    /** The key with this {@code kid}, if the token service publishes one. */
    Optional<VerificationKey> key(String kid) throws InvalidTokenException;

    /** A fixed set of keys, e.g. the service's own token keys. */
    static TokenKeySource of(Map<String, VerificationKey> keys) {
        Map<String, VerificationKey> copy = Map.copyOf(keys);
        return kid -> Optional.ofNullable(copy.get(kid));
    }

    /** The signature keys of a JWK set (RFC 7517 section 5) that carry a {@code kid}; others cannot be named by a token. */
    static Map<String, VerificationKey> keysOf(JWKSet set) {
        Map<String, VerificationKey> keys = new LinkedHashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyID() == null || (jwk.getKeyUse() != null && !"sig".equals(jwk.getKeyUse().identifier()))) {
                continue;
            }
            try {
                keys.put(jwk.getKeyID(), VerificationKey.fromJwk(jwk));
            } catch (KeyException e) {
                // A key type we do not verify with (RSA, say) cannot have signed our tokens; skip it.
            }
        }
        return keys;
    }
}
