package org.creditmesh.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;

/** Reading JSON request bodies: always through the core's strict parser (duplicate members, depth, size). */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; a {@link HttpProblem#MALFORMED_JSON} problem otherwise. */
    public static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(HttpProblem.MALFORMED_JSON, "the request body is empty");
        }
        if (body.length > RequestLimits.MAX_BYTES) {
            throw new ProblemException(HttpProblem.PAYLOAD_TOO_LARGE, "request bodies are limited to " + RequestLimits.MAX_BYTES / 1024 + " KiB");
        }
        try {
            return Json.parseObject(body);
        } catch (MalformedJsonException e) {
            throw new ProblemException(HttpProblem.MALFORMED_JSON, e.getMessage() + " [" + e.code().code() + "]");
        }
    }

    /** Member {@code name} of {@code body}, which must be a JSON object. */
    public static ObjectNode requiredObject(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isObject()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + name + "' must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Member {@code name} of {@code body}, a JSON object or absent (then empty). */
    public static ObjectNode optionalObject(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (!node.isObject()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + name + "' must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
