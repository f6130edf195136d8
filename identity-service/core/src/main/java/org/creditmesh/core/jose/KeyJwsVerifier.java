package org.creditmesh.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A Nimbus {@link JWSVerifier} over a {@link VerificationKey}. It accepts only the one algorithm that
 * belongs to the key's type, which rules out algorithm confusion (an HMAC {@code alg} with a public
 * key as secret, RFC 8725 section 2.1) by construction.
 */
public final class KeyJwsVerifier implements JWSVerifier {

    private final VerificationKey key;
    private final JCAContext jcaContext = new JCAContext();

    public KeyJwsVerifier(VerificationKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        return verify(header.getAlgorithm(), signingInput, signature.decode());
    }

    /**
     * The same check for a signature the caller has already decoded (our own JWS parsers decode it
     * strictly), without building a {@link JWSHeader} or re-encoding the signature for Nimbus to decode again.
     */
    public boolean verify(JWSAlgorithm alg, byte[] signingInput, byte[] signature) {
        Optional<KeyType> required = KeyType.fromJwsAlgorithm(alg);
        if (required.isEmpty() || required.get() != key.type()) {
            return false;
        }
        return key.verify(signingInput, signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return JwsAlgorithms.forKeyType(key.type());
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
