package org.creditmesh.core.dataintegrity;

import java.time.Instant;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A proof that verified.
 *
 * @param suite the cryptosuite that verified it
 * @param verificationMethod the proof's verification method URL
 * @param proofPurpose the proof's purpose
 * @param created the proof's creation time, or null if it states none
 * @param key the key the signature verified with
 */
public record VerifiedProof(Cryptosuite suite, String verificationMethod, String proofPurpose, Instant created,
                            VerificationKey key) {
}
