package org.creditmesh.identity.server.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.trust.TrustDecision;

/** The registry's answer to "was this DID accredited for these types at that instant", with its reason. */
public record TrustAnswer(TrustReason reason, String detail) {

    public TrustAnswer {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean trusted() {
        return reason.trusted();
    }

    /** As the core verifier's decision: the detail starts with the stable reason code. */
    public TrustDecision toDecision() {
        String text = reason.code() + ": " + detail;
        return trusted() ? new TrustDecision.Trusted(text) : new TrustDecision.Untrusted(text);
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("accredited", trusted());
        out.put("reason", reason.code());
        out.put("detail", detail);
        return out;
    }
}
