package org.creditmesh.anchor.trust;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.creditmesh.anchor.merkle.Keccak;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;
import org.web3j.utils.Numeric;

/**
 * The IssuerRegistry's {@code signingKey} slot for an issuer whose key is not an Ethereum account (Ed25519, P-256): the
 * last 20 bytes of keccak256 over the key's multibase form, a key hash in an address-sized slot that anyone can
 * recompute from the key. One definition, used by the command line and the services alike.
 */
public final class SigningKeyAddress {

    private SigningKeyAddress() {
    }

    /** The key hash of a public key, as a {@code 0x} address. */
    public static String of(VerificationKey key) {
        byte[] hash = Keccak.keccak256(key.toMultikey().getBytes(StandardCharsets.UTF_8));
        return Numeric.toHexString(Arrays.copyOfRange(hash, 12, 32));
    }

    /** The key hash of the key a {@code did:key} or {@code did:jwk} is made of. */
    public static String ofDid(String did) throws CreditMeshException {
        return of(did.startsWith("did:key:") ? DidKey.publicKey(did) : DidJwk.publicKey(did));
    }

    /** Whether {@link #ofDid} can derive the key from the DID alone. */
    public static boolean derivable(String did) {
        return did.startsWith("did:key:") || did.startsWith("did:jwk:");
    }
}
