package org.creditmesh.core.jose;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Set;
import org.creditmesh.core.keys.KeyType;

/** Which JWS {@code alg} values go with which key type. */
public final class JwsAlgorithms {

    /** RFC 9864 registers {@code Ed25519} as the fully specified name for EdDSA with Ed25519. */
    public static final JWSAlgorithm ED25519 = new JWSAlgorithm("Ed25519");

    private JwsAlgorithms() {
    }

    /** The algorithms a key of this type may sign or verify. */
    public static Set<JWSAlgorithm> forKeyType(KeyType type) {
        return switch (type) {
            case ED25519 -> Set.of(JWSAlgorithm.EdDSA, ED25519);
            case P256 -> Set.of(JWSAlgorithm.ES256);
            case SECP256K1 -> Set.of(JWSAlgorithm.ES256K);
        };
    }
}
