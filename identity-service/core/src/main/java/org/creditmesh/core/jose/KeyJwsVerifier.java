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
    /** Made when Nimbus asks for it: our own verifiers make a KeyJwsVerifier per JWS and never do. */
    private JCAContext jcaContext;

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
        return verify(alg, signingInput, 0, signingInput.length, signature);
    }

    /** The same over {@code text[offset, offset + length)}, for a signing input that is part of the received bytes. */
    public boolean verify(JWSAlgorithm alg, byte[] text, int offset, int length, byte[] signature) {
        Optional<KeyType> required = KeyType.fromJwsAlgorithm(alg);
        if (required.isEmpty() || required.get() != key.type()) {
            return false;
        }
        return key.verify(text, offset, length, signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return JwsAlgorithms.forKeyType(key.type());
    }

    @Override
    public JCAContext getJCAContext() {
        if (jcaContext == null) {
            jcaContext = new JCAContext();
        }
        return jcaContext;
    }
}
