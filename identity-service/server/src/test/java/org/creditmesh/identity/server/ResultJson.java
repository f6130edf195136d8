package org.creditmesh.identity.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading verification results in tests: the checks as {@code check=outcome}, an object's member names. */
public final class ResultJson {

    private ResultJson() {
    }

    public static List<String> checks(JsonNode credential) {
        List<String> out = new ArrayList<>();
        credential.path("checks").forEach(c -> out.add(c.path("check").asText() + "=" + c.path("outcome").asText()));
        return out;
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
