package org.creditmesh.core.jose;

import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Finds the public key a JWS header's {@code kid} names (VC-JOSE-COSE section 4.1), for the issuer of a
 * credential or the holder of a presentation. An implementation resolves DID URLs (did:key, did:jwk,
 * did:web) or issuer metadata, and must return a key only if it is a verification method the given
 * controller controls and that is authorized for assertions (credentials) or authentication
 * (presentations). The verifier already refuses a DID URL {@code kid} whose DID is not the controller.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @param kid the {@code kid} header value (a DID URL or absolute URL)
     * @param controller the credential's issuer, or the presentation's holder
     * @return the key, or empty if the kid is unknown
     */
    Optional<VerificationKey> resolve(String kid, String controller) throws CreditMeshException;
}
