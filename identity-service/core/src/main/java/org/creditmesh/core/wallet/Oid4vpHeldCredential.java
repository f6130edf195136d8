package org.creditmesh.core.wallet;

import java.util.Objects;
import org.creditmesh.core.keys.SigningKey;

/**
 * A credential the wallet holds for OpenID4VP: an issued SD-JWT VC (all its disclosures) and the holder key its
 * {@code cnf} names, which signs the KB-JWT.
 */
public record Oid4vpHeldCredential(String sdJwt, SigningKey holderKey) {

    public Oid4vpHeldCredential {
        Objects.requireNonNull(sdJwt, "sdJwt");
        Objects.requireNonNull(holderKey, "holderKey");
    }

    @Override
    public String toString() {
        return "Oid4vpHeldCredential[SD-JWT of " + sdJwt.length() + " chars, " + holderKey + "]";
    }
}
