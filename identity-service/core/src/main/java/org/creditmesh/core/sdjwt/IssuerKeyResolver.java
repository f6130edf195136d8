package org.creditmesh.core.sdjwt;

import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Finds the key that must have signed an issuer-signed JWT, from its {@code iss} claim and its header's
 * {@code kid}. DID resolution, JWT VC issuer metadata or X.509 plug in here.
 */
@FunctionalInterface
public interface IssuerKeyResolver {

    /** The key, or {@link SdJwtError#UNKNOWN_ISSUER_KEY} when none is known. */
    VerificationKey resolve(Optional<String> iss, Optional<String> kid) throws SdJwtException;

    /** Always the same key, whatever the issuer and kid. */
    static IssuerKeyResolver fixed(VerificationKey key) {
        return (iss, kid) -> key;
    }

    /** Keys by {@code kid}; a JWT without a known kid is refused. */
    static IssuerKeyResolver byKid(Map<String, VerificationKey> keys) {
        Map<String, VerificationKey> copy = Map.copyOf(keys);
        return (iss, kid) -> {
            VerificationKey key = kid.map(copy::get).orElse(null);
            if (key == null) {
                throw new SdJwtException(SdJwtError.UNKNOWN_ISSUER_KEY, "no issuer key for this kid");
            }
            return key;
        };
    }
}
