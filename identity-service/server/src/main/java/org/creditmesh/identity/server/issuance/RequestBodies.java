package org.creditmesh.identity.server.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.problem.ProblemException;
import org.creditmesh.identity.server.problem.ProblemType;

/** Reading request bodies: always through the core's strict parser (duplicate members, depth, size). */
public final class RequestBodies {

    /** The largest request body accepted: a credential with room to spare, far below the core's 1 MiB JSON limit. */
    public static final int MAX_BYTES = 256 * 1024;

    private RequestBodies() {
    }

    /** The body as a JSON object; a {@link ProblemType#MALFORMED_JSON} problem otherwise. */
    public static ObjectNode object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is empty");
        }
        if (body.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "request bodies are limited to " + MAX_BYTES / 1024 + " KiB");
        }
        try {
            return Json.parseObject(body);
        } catch (MalformedJsonException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, e.getMessage() + " [" + e.code().code() + "]");
        }
    }

    /** Member {@code name} of {@code body}, which must be a JSON object. */
    public static ObjectNode requiredObject(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isObject()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "'" + name + "' must be a JSON object");
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
            throw new ProblemException(ProblemType.INVALID_REQUEST, "'" + name + "' must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A securing format by any of the names the VC-API, OpenID4VCI and the CLI use. */
    public static SecuringFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "di", "eddsa-rdfc-2022", "dataintegrityproof", "ldp_vc", "ldp" -> SecuringFormat.DATA_INTEGRITY;
            case "jwt", "vc+jwt", "application/vc+jwt", "jwt_vc_json" -> SecuringFormat.JOSE;
            case "sd-jwt", "dc+sd-jwt", "application/dc+sd-jwt", "vc+sd-jwt" -> SecuringFormat.SD_JWT;
            default -> throw new ProblemException(ProblemType.UNSUPPORTED_FORMAT,
                    "format '" + name + "' is not one of di (eddsa-rdfc-2022), vc+jwt, dc+sd-jwt");
        };
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
