package org.creditmesh.anchor.chain;

import java.time.Instant;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;

/**
 * An issuer's entry in the IssuerRegistry.
 *
 * @param didHash keccak256 of the issuer's DID
 * @param status accredited, suspended or unknown
 * @param signingKey address of its signing key
 * @param validFrom start of the accreditation
 * @param validUntil end of the accreditation (inclusive)
 * @param credentialTypes keccak256 of each credential type it may issue
 */
public record IssuerRecord(Hash32 didHash, IssuerStatus status, String signingKey, Instant validFrom, Instant validUntil,
        List<Hash32> credentialTypes) {

    public IssuerRecord {
        credentialTypes = List.copyOf(credentialTypes);
    }
}
