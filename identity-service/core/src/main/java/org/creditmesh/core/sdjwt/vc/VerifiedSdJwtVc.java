package org.creditmesh.core.sdjwt.vc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.sdjwt.VerifiedSdJwt;

/** A verified SD-JWT VC: its type, issuer, status reference and the processed claims. */
public record VerifiedSdJwtVc(String vct, Optional<String> issuer, Optional<ObjectNode> status, VerifiedSdJwt sdJwt) {

    public VerifiedSdJwtVc {
        Objects.requireNonNull(vct, "vct");
        Objects.requireNonNull(issuer, "issuer");
        status = Objects.requireNonNull(status, "status").map(ObjectNode::deepCopy);
        Objects.requireNonNull(sdJwt, "sdJwt");
    }

    @Override
    public Optional<ObjectNode> status() {
        return status.map(ObjectNode::deepCopy);
    }

    /** The processed claims (registered and disclosed). */
    public ObjectNode claims() {
        return sdJwt.claims();
    }
}
