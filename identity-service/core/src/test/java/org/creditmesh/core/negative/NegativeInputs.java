package org.creditmesh.core.negative;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Routes a negative case to the public entry point named by its {@code kind}. Each kind calls exactly
 * what a caller of the library would call; a case passes only if that call throws the expected code.
 */
final class NegativeInputs {

    private NegativeInputs() {
    }

    static void process(String kind, JsonNode input, JsonNode context) throws CreditMeshException {
        switch (kind) {
            // Raw text handed to the strict JSON parser.
            case "json" -> Json.parse(input.asText());
            // A public JWK as JSON text.
            case "jwk" -> VerificationKey.parseJwk(input.isTextual() ? input.asText() : Json.write(input));
            // A publicKeyMultibase value.
            case "multikey" -> VerificationKey.fromMultikey(input.asText());
            default -> throw new IllegalArgumentException("unknown negative case kind: " + kind);
        }
    }

    /** Text of a case input: strings as they are, JSON values serialized. */
    static String text(JsonNode input) {
        return input.isTextual() ? input.asText() : Json.write(input);
    }
}
