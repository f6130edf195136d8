package org.creditmesh.core.wallet;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.dcql.DcqlQuery;

/**
 * A request object whose signature, type and claims the wallet has checked: what the verifier asks for and
 * where to answer.
 *
 * @param clientId    the verifier's Client Identifier, prefix included (the KB-JWT's {@code aud})
 * @param verifierDid the DID the request was signed under (the identifier after the prefix)
 * @param responseUri where the {@code direct_post} response goes
 * @param nonce       the value the KB-JWT's {@code nonce} must carry
 * @param state       echoed back in the response, when given
 * @param dcqlQuery   the credentials and claims asked for
 * @param jwt         the signed request object as received
 */
public record Oid4vpRequestObject(String clientId, String verifierDid, URI responseUri, String nonce,
                                  Optional<String> state, DcqlQuery dcqlQuery, String jwt) {

    public Oid4vpRequestObject {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(verifierDid, "verifierDid");
        Objects.requireNonNull(responseUri, "responseUri");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dcqlQuery, "dcqlQuery");
        Objects.requireNonNull(jwt, "jwt");
    }
}
