package org.creditmesh.identity.server.oid4vci;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.JwsAlgorithms;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Checks a {@code jwt} key proof (OpenID4VCI 1.0 appendix F.1 and F.4): {@code typ} {@code openid4vci-proof+jwt};
 * an asymmetric {@code alg} this issuer supports; exactly one of {@code jwk} (public only) or {@code kid} (a
 * did:key / did:jwk URL), and no {@code x5c}; the signature under that key; {@code aud} the credential issuer
 * identifier; {@code iat} within the accepted window; and a {@code nonce}, returned for the caller to consume
 * (whether it is a valid unused c_nonce is a database question, see {@link NonceService}).
 */
final class KeyProofVerifier {

    /** The algorithms the core verifies: Ed25519 (both names), P-256 and secp256k1. */
    static final List<String> ALGORITHMS = List.of("EdDSA", "Ed25519", "ES256", "ES256K");

    /** What a valid proof establishes: the key to bind the credential to, as a key and as a DID. */
    record KeyProof(VerificationKey key, String holderDid, String nonce) {
        KeyProof {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(holderDid, "holderDid");
            Objects.requireNonNull(nonce, "nonce");
        }
    }

    private final String audience;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final Clock clock;

    KeyProofVerifier(String audience, Duration maxAge, Duration maxSkew, Clock clock) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.maxAge = maxAge;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    KeyProof verify(String jwt) {
        SignedJWT proof;
        try {
            proof = SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw invalid("the proof is not a signed JWT");
        }
        JWSHeader header = proof.getHeader();
        if (header.getType() == null || !Oid4vciSpecs.PROOF_TYP.equals(header.getType().toString())) {
            throw invalid("the proof's typ must be " + Oid4vciSpecs.PROOF_TYP);
        }
        JWSAlgorithm alg = header.getAlgorithm();
        if (alg == null || !ALGORITHMS.contains(alg.getName())) {
            throw invalid("the proof's alg must be one of " + ALGORITHMS);
        }
        if (header.getX509CertChain() != null) {
            throw invalid("x5c key proofs are not supported; send the key as jwk or a did:key / did:jwk kid");
        }
        JWK jwk = header.getJWK();
        String kid = header.getKeyID();
        if ((jwk == null) == (kid == null)) {
            throw invalid("the proof header must carry exactly one of jwk and kid");
        }
        VerificationKey key;
        String holderDid;
        try {
            if (jwk != null) {
                if (jwk.isPrivate()) {
                    throw invalid("the proof's jwk header contains a private key");
                }
                key = VerificationKey.fromJwk(jwk);
                holderDid = DidJwk.create(key).toString();
            } else {
                holderDid = kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid;
                if (holderDid.startsWith("did:jwk:")) {
                    key = DidJwk.publicKey(holderDid);
                } else if (holderDid.startsWith("did:key:")) {
                    key = DidKey.publicKey(holderDid);
                } else {
                    throw invalid("the proof's kid must be a did:key or did:jwk URL");
                }
            }
        } catch (CreditMeshException e) {
            throw invalid("the proof's key cannot be read: " + e.getMessage());
        }
        Set<JWSAlgorithm> allowed = JwsAlgorithms.forKeyType(key.type());
        if (!allowed.contains(alg)) {
            throw invalid("alg " + alg + " does not belong to the proof's " + key.type() + " key");
        }
        if (!new KeyJwsVerifier(key).verify(alg, proof.getSigningInput(), proof.getSignature().decode())) {
            throw invalid("the proof's signature does not verify with the key in its header");
        }
        JWTClaimsSet claims;
        try {
            claims = proof.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the proof's payload is not a JWT claims set");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.size() != 1 || !audience.equals(aud.get(0))) {
            throw invalid("the proof's aud must be the credential issuer identifier " + audience);
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw invalid("the proof has no iat");
        }
        Instant now = clock.instant();
        if (iat.toInstant().isBefore(now.minus(maxAge))) {
            throw invalid("the proof is too old (iat more than " + maxAge.toSeconds() + " s ago)");
        }
        if (iat.toInstant().isAfter(now.plus(maxSkew))) {
            throw invalid("the proof's iat is in the future");
        }
        Object nonce = claims.getClaim("nonce");
        if (nonce == null) {
            throw invalid("the proof has no nonce; get a c_nonce from the nonce endpoint");
        }
        if (!(nonce instanceof String text) || text.isEmpty()) {
            throw invalid("the proof's nonce must be a string");
        }
        return new KeyProof(key, holderDid, text);
    }

    private static OAuthError invalid(String description) {
        return new OAuthError(OAuthError.Code.INVALID_PROOF, description);
    }
}
