package org.creditmesh.core.did;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A service entry (DID Core 1.0 section 5.4).
 *
 * @param id              a URI (kept as written; relative {@code #fragment} ids are resolved on parse)
 * @param type            one or more types
 * @param serviceEndpoint a string, a map or a set, as JSON (copied in and out)
 */
public record Service(String id, List<String> type, JsonNode serviceEndpoint) {

    public Service {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("a service has at least one type");
        }
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        serviceEndpoint = serviceEndpoint.deepCopy();
    }

    @Override
    public JsonNode serviceEndpoint() {
        return serviceEndpoint.deepCopy();
    }
}
