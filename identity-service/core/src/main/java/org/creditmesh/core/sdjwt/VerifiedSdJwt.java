package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified SD-JWT: the issuer-signed JWT's protected header, the processed claims (digests replaced by the
 * disclosed claims, {@code _sd}, {@code _sd_alg} and {@code ...} gone), the paths that came from disclosures
 * (array indexes as in the processed claims), and the KB-JWT claims when key binding was checked.
 *
 * <p>A class with a package-private constructor rather than a record: only {@link SdJwtVerifier} makes one,
 * from trees it has just built and hands over, so they need no defensive copy on the way in (copying the
 * processed claims was about 1.5 % of verifying an SD-JWT VC). What goes out is still a copy.
 */
public final class VerifiedSdJwt {

    private final ObjectNode header;
    private final ObjectNode claims;
    private final List<ClaimPath> disclosedPaths;
    private final Optional<ObjectNode> keyBindingClaims;

    /** Takes the trees over: the caller must not keep or change them. */
    VerifiedSdJwt(ObjectNode header, ObjectNode claims, List<ClaimPath> disclosedPaths,
                  Optional<ObjectNode> keyBindingClaims) {
        this.header = Objects.requireNonNull(header, "header");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.disclosedPaths = List.copyOf(disclosedPaths);
        this.keyBindingClaims = Objects.requireNonNull(keyBindingClaims, "keyBindingClaims");
    }

    /** The issuer-signed JWT's protected header (a copy). */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /** The processed claims (a copy). */
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    /** The paths of the disclosed claims in {@link #claims()}. */
    public List<ClaimPath> disclosedPaths() {
        return disclosedPaths;
    }

    /** A copy of one top-level processed claim, without copying all of {@link #claims()}. */
    public Optional<JsonNode> claim(String name) {
        return Optional.ofNullable(claims.get(name)).map(JsonNode::deepCopy);
    }

    /** The KB-JWT's claims (a copy), when key binding was checked. */
    public Optional<ObjectNode> keyBindingClaims() {
        return keyBindingClaims.map(ObjectNode::deepCopy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerifiedSdJwt other && header.equals(other.header) && claims.equals(other.claims)
                && disclosedPaths.equals(other.disclosedPaths) && keyBindingClaims.equals(other.keyBindingClaims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, claims, disclosedPaths, keyBindingClaims);
    }

    @Override
    public String toString() {
        return "VerifiedSdJwt[header=" + header + ", claims=" + claims + ", disclosedPaths=" + disclosedPaths
                + ", keyBindingClaims=" + keyBindingClaims + "]";
    }
}
