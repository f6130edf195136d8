package org.creditmesh.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/**
 * A Nimbus {@link JWSSigner} over a {@link SigningKey}, so that JWS, VC-JWT and SD-JWT all sign through
 * the same fast key code (Nimbus' own Ed25519 signer goes through Tink, about half as fast).
 */
public final class KeyJwsSigner implements JWSSigner {

    private final SigningKey key;
    private final JCAContext jcaContext = new JCAContext();

    public KeyJwsSigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        KeyType required = KeyType.fromJwsAlgorithm(header.getAlgorithm())
                .orElseThrow(() -> new JOSEException("unsupported JWS algorithm " + header.getAlgorithm()));
        if (required != key.type()) {
            throw new JOSEException("JWS algorithm " + header.getAlgorithm() + " does not match a " + key.type().curveName() + " key");
        }
        return Base64URL.encode(key.sign(signingInput));
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
