package org.creditmesh.core.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyError;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.MulticodecValue;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.testing.SharedVectors;

/** Keys for the Data Integrity tests: the EdDSA vectors' key pair and an offline did:key resolver. */
final class TestKeys {

    /** Multicodec ed25519-priv, the prefix of a Multikey {@code secretKeyMultibase}. */
    private static final int ED25519_PRIV = 0x1300;

    private TestKeys() {
    }

    /** The key pair of {@code ../shared/vectors/vc-di-eddsa/keyPair.json} (EdDSA Cryptosuites v1.0, Appendix B). */
    static SigningKey vectorKey() throws Exception {
        JsonNode pair = Json.parse(SharedVectors.vectorText("vc-di-eddsa/keyPair.json"));
        MulticodecValue secret = MulticodecValue.decodeMultibase(pair.get("privateKeyMultibase").asText());
        if (secret.codec() != ED25519_PRIV) {
            throw new IllegalStateException("keyPair.json: not an ed25519-priv Multikey");
        }
        SigningKey key = SigningKey.fromPrivateBytes(KeyType.ED25519, secret.bytes());
        if (!key.publicKey().toMultikey().equals(pair.get("publicKeyMultibase").asText())) {
            throw new IllegalStateException("keyPair.json: the private key does not give the published public key");
        }
        return key;
    }

    /**
     * Resolves {@code did:key:z...#z...} by decoding its multibase fragment (did:key method, section
     * 3.1.2); the real DID resolver lives in the {@code did} package.
     */
    static VerificationMethodResolver didKey() {
        return (method, purpose) -> {
            int hash = method.indexOf('#');
            if (!method.startsWith("did:key:") || hash < 0
                    || !method.substring(8, hash).equals(method.substring(hash + 1))) {
                throw new KeyException(KeyError.KEY_NOT_FOUND, "not a did:key verification method");
            }
            return VerificationKey.fromMultikey(method.substring(hash + 1));
        };
    }

    /** The did:key verification method URL of {@code key}. */
    static String didKeyMethod(VerificationKey key) {
        String multikey = key.toMultikey();
        return "did:key:" + multikey + "#" + multikey;
    }
}
