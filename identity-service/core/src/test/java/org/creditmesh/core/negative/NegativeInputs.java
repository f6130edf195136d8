package org.creditmesh.core.negative;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.SdJwtVerifier;
import org.creditmesh.core.sdjwt.vc.SdJwtVcVerifier;

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
            // A serialized SD-JWT (compact string or JSON serialization), key binding not required.
            case "sd-jwt" -> SdJwtVerifier.builder(issuerKeys(context)).clock(clock(context)).build().verify(text(input));
            // A serialized SD-JWT+KB; key binding required with the context's aud and nonce.
            case "sd-jwt-kb" -> SdJwtVerifier.builder(issuerKeys(context)).clock(clock(context)).build()
                    .verify(text(input), KeyBindingChallenge.of(context.get("aud").asText(), context.get("nonce").asText()));
            // A serialized SD-JWT VC (typ dc+sd-jwt), key binding not required.
            case "sd-jwt-vc" -> SdJwtVcVerifier.of(issuerKeys(context), clock(context)).verify(text(input));
            default -> throw new IllegalArgumentException("unknown negative case kind: " + kind);
        }
    }

    /** The issuer's public JWK from {@code context.issuerJwk}. */
    private static IssuerKeyResolver issuerKeys(JsonNode context) throws CreditMeshException {
        return IssuerKeyResolver.fixed(VerificationKey.parseJwk(Json.write(context.get("issuerJwk"))));
    }

    /** "Now" fixed at {@code context.now} (epoch seconds), so time-dependent cases stay stable. */
    private static Clock clock(JsonNode context) {
        return Clock.fixed(Instant.ofEpochSecond(context.get("now").asLong()), ZoneOffset.UTC);
    }

    /** Text of a case input: strings as they are, JSON values serialized. */
    static String text(JsonNode input) {
        return input.isTextual() ? input.asText() : Json.write(input);
    }
}
