package org.creditmesh.core.verifier;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.dataintegrity.VerificationMethodResolver;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.DidError;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.DidSpecs;
import org.creditmesh.core.did.DidUrl;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.jose.KeyResolver;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.SdJwtError;
import org.creditmesh.core.sdjwt.SdJwtException;

/**
 * One DID-based key lookup behind the three securing formats' resolver interfaces, so that every format
 * applies the same rule: the key must be a verification method of the issuer's (or holder's) DID and
 * be listed under the relationship the signature is made for (DID Core 1.0 section 5.3).
 */
public final class DidKeys {

    /** Methods whose document is a pure function of the DID, so a key found once stays right forever. */
    private static final Set<String> DETERMINISTIC_METHODS = Set.of(DidSpecs.METHOD_KEY, DidSpecs.METHOD_JWK);

    /** Bounds the cache; past it, further keys are resolved each time (still correct, only slower). */
    static final int MAX_CACHED_KEYS = 4096;

    private record Lookup(String didUrl, VerificationRelationship relationship) {
    }

    /** A cached lookup's outcome: the DID the URL belongs to, and the key. */
    private record Found(String did, VerificationKey key) {
    }

    private final DidResolver resolver;

    /**
     * Keys of did:key and did:jwk verification methods already found. Resolving one decodes the DID
     * (a regular-expression parse, base58 and, for Ed25519, a point decompression), which costs more
     * than half of an Ed25519 signature verification; a verifier sees the same few issuers over and over.
     * Failures are not cached.
     */
    private final Map<Lookup, Found> deterministicKeys = new ConcurrentHashMap<>();

    public DidKeys(DidResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The key named by {@code didUrl} if its DID document authorizes it for {@code relationship}. */
    public VerificationKey resolve(String didUrl, VerificationRelationship relationship) throws DidException {
        Lookup lookup = new Lookup(didUrl, relationship);
        Found cached = deterministicKeys.get(lookup);
        if (cached != null) {
            return cached.key();
        }
        DidUrl url = DidUrl.parse(didUrl);
        DidDocument document = resolver.resolve(url.did().toString());
        VerificationKey key = document.authorizedMethod(relationship, didUrl)
                .orElseThrow(() -> new DidException(DidError.VERIFICATION_METHOD_NOT_FOUND,
                        "the DID document does not list this verification method under " + relationship.member()))
                .key();
        if (DETERMINISTIC_METHODS.contains(url.did().method()) && deterministicKeys.size() < MAX_CACHED_KEYS) {
            deterministicKeys.putIfAbsent(lookup, new Found(url.did().toString(), key));
        }
        return key;
    }

    /** VC-JOSE-COSE: the {@code kid} is a DID URL of the controller (the verifier checks the controller). */
    public KeyResolver forJose() {
        return (kid, controller, relationship) -> Optional.of(resolve(kid, switch (relationship) {
            case ASSERTION_METHOD -> VerificationRelationship.ASSERTION_METHOD;
            case AUTHENTICATION -> VerificationRelationship.AUTHENTICATION;
        }));
    }

    /**
     * SD-JWT VC: the issuer-signed JWT's {@code kid} is a DID URL of {@code iss}; without a {@code kid},
     * an {@code iss} DID with exactly one assertion method names it.
     */
    public IssuerKeyResolver forSdJwt() {
        return (iss, kid) -> {
            try {
                if (kid.isPresent() && kid.get().startsWith("did:")) {
                    Found cached = deterministicKeys.get(new Lookup(kid.get(), VerificationRelationship.ASSERTION_METHOD));
                    String did = cached != null ? cached.did() : DidUrl.parse(kid.get()).did().toString();
                    if (iss.isPresent() && iss.get().startsWith("did:") && !did.equals(iss.get())) {
                        throw new SdJwtException(SdJwtError.UNKNOWN_ISSUER_KEY, "the kid is not a key of the issuer's DID");
                    }
                    return cached != null ? cached.key() : resolve(kid.get(), VerificationRelationship.ASSERTION_METHOD);
                }
                if (iss.isPresent() && iss.get().startsWith("did:")) {
                    Did did = Did.parse(iss.get());
                    var methods = resolver.resolve(did.toString()).verificationMethods(VerificationRelationship.ASSERTION_METHOD);
                    if (methods.size() == 1) {
                        return methods.get(0).key();
                    }
                    throw new SdJwtException(SdJwtError.UNKNOWN_ISSUER_KEY,
                            "the issuer DID has " + methods.size() + " assertion methods and the JWT names none with kid");
                }
                throw new SdJwtException(SdJwtError.UNKNOWN_ISSUER_KEY, "the issuer is not a DID and no other key source is configured");
            } catch (DidException e) {
                throw new SdJwtException(SdJwtError.UNKNOWN_ISSUER_KEY, "issuer key not resolved: " + e.getMessage(), e);
            }
        };
    }

    /** Data Integrity: the proof's verification method, for the relationship its purpose names. */
    public VerificationMethodResolver forDataIntegrity() {
        return (verificationMethod, proofPurpose) -> resolve(verificationMethod, relationshipFor(proofPurpose));
    }

    static VerificationRelationship relationshipFor(String proofPurpose) throws DidException {
        for (VerificationRelationship relationship : VerificationRelationship.values()) {
            if (relationship.member().equals(proofPurpose)) {
                return relationship;
            }
        }
        throw new DidException(DidError.VERIFICATION_METHOD_NOT_FOUND, "unknown proof purpose " + proofPurpose);
    }
}
