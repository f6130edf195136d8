package org.creditmesh.core.jose;

import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Finds the public key a JWS header's {@code kid} names (VC-JOSE-COSE section 4.1), for the issuer of a
 * credential or the holder of a presentation. An implementation resolves DID URLs (did:key, did:jwk,
 * did:web) or issuer metadata, and must return a key only if it is a verification method that the given
 * controller controls and that is listed under the given verification relationship. The verifier itself
 * already refuses a DID URL {@code kid} whose DID is not the controller.
 */
@FunctionalInterface
public interface KeyResolver {

    /**
     * @param kid the {@code kid} header value (a DID URL or absolute URL)
     * @param controller the credential's issuer, or the presentation's holder
     * @param relationship {@code assertionMethod} for credentials, {@code authentication} for presentations
     * @return the key, or empty if the kid is unknown or not authorized for that relationship
     */
    Optional<VerificationKey> resolve(String kid, String controller, VerificationRelationship relationship)
            throws CreditMeshException;
}
