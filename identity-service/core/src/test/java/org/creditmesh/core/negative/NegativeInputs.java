package org.creditmesh.core.negative;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.creditmesh.core.dataintegrity.DataIntegritySpecs;
import org.creditmesh.core.dataintegrity.DataIntegrityVerifier;
import org.creditmesh.core.dataintegrity.VerificationMethodResolver;
import org.creditmesh.core.dataintegrity.VerificationOptions;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jsonld.RdfCanonicalizer;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
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
            // A secured JSON-LD document; context: publicKeyMultibase (the key any verificationMethod
            // resolves to), now, optional expectedProofPurpose (default assertionMethod), challenge, domain.
            case "di" -> new DataIntegrityVerifier(VerificationMethodResolver.fixed(
                    VerificationKey.fromMultikey(context.path("publicKeyMultibase").asText())))
                    .verify(input, new VerificationOptions(
                            context.path("expectedProofPurpose").asText(DataIntegritySpecs.ASSERTION_METHOD),
                            Instant.parse(context.path("now").asText("2026-01-01T00:00:00Z")),
                            context.path("challenge").asText(null), context.path("domain").asText(null),
                            TermPolicy.REJECT_UNDEFINED));
            // A JSON-LD document canonicalized in safe mode.
            case "jsonld" -> RdfCanonicalizer.canonicalize(input);
            default -> throw new IllegalArgumentException("unknown negative case kind: " + kind);
        }
    }

    /** Text of a case input: strings as they are, JSON values serialized. */
    static String text(JsonNode input) {
        return input.isTextual() ? input.asText() : Json.write(input);
    }
}
