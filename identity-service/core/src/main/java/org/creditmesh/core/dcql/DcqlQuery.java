package org.creditmesh.core.dcql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.json.Json;

/**
 * A Digital Credentials Query Language query (OpenID4VP 1.0 section 6): the credentials a verifier asks for.
 * Without {@code credential_sets} every Credential Query must be answered (section 6.4.2); credential sets and
 * claim sets are refused as {@link DcqlError#UNSUPPORTED_FEATURE} rather than half-evaluated.
 */
public record DcqlQuery(List<DcqlCredentialQuery> credentials) {

    public DcqlQuery {
        credentials = List.copyOf(credentials);
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("a DCQL query has at least one credential query");
        }
        Set<String> ids = new HashSet<>();
        for (DcqlCredentialQuery c : credentials) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("credential query ids are unique: " + c.id());
            }
        }
    }

    public static DcqlQuery parse(JsonNode node) throws DcqlException {
        if (node == null || !node.isObject()) {
            throw new DcqlException(DcqlError.MALFORMED_QUERY, "a DCQL query is a JSON object");
        }
        if (node.has(DcqlSpecs.CREDENTIAL_SETS)) {
            throw new DcqlException(DcqlError.UNSUPPORTED_FEATURE, "credential_sets is not supported: every credential query is required");
        }
        JsonNode list = node.get(DcqlSpecs.CREDENTIALS);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new DcqlException(DcqlError.MALFORMED_QUERY, "credentials is a non-empty array (section 6)");
        }
        List<DcqlCredentialQuery> queries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            DcqlCredentialQuery q = DcqlCredentialQuery.parse(list.get(i), "credentials[" + i + "]");
            if (!ids.add(q.id())) {
                throw new DcqlException(DcqlError.MALFORMED_QUERY, "credential query id '" + q.id() + "' is used twice (section 6.1)");
            }
            queries.add(q);
        }
        return new DcqlQuery(queries);
    }

    public static DcqlQuery parse(String json) throws DcqlException {
        try {
            return parse(Json.parse(json));
        } catch (org.creditmesh.core.json.MalformedJsonException e) {
            throw new DcqlException(DcqlError.MALFORMED_QUERY, "not JSON: " + e.getMessage());
        }
    }

    public ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode list = out.putArray(DcqlSpecs.CREDENTIALS);
        credentials.forEach(c -> list.add(c.toJson()));
        return out;
    }

    public Optional<DcqlCredentialQuery> credential(String id) {
        return credentials.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
