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
 */
public record VerifiedSdJwt(ObjectNode header, ObjectNode claims, List<ClaimPath> disclosedPaths,
                            Optional<ObjectNode> keyBindingClaims) {

    public VerifiedSdJwt {
        header = Objects.requireNonNull(header, "header").deepCopy();
        claims = Objects.requireNonNull(claims, "claims").deepCopy();
        disclosedPaths = List.copyOf(disclosedPaths);
        keyBindingClaims = keyBindingClaims.map(ObjectNode::deepCopy);
    }

    @Override
    public ObjectNode header() {
        return header.deepCopy();
    }

    @Override
    public ObjectNode claims() {
        return claims.deepCopy();
    }

    /** A copy of one top-level processed claim, without copying all of {@link #claims()}. */
    public Optional<JsonNode> claim(String name) {
        return Optional.ofNullable(claims.get(name)).map(JsonNode::deepCopy);
    }

    @Override
    public Optional<ObjectNode> keyBindingClaims() {
        return keyBindingClaims.map(ObjectNode::deepCopy);
    }
}
