package org.creditmesh.core.negative;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.did.CompositeDidResolver;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.DidError;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidUrl;
import org.creditmesh.core.did.EthereumAddress;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Routes a negative case to the public entry point named by its {@code kind}. Each kind calls exactly
 * what a caller of the library would call; a case passes only if that call throws the expected code.
 */
final class NegativeInputs {

    /** did:key, did:jwk and did:web, the last offline: cases are refused before any fetch. */
    private static final CompositeDidResolver DID_RESOLVER = CompositeDidResolver.standard(url -> {
        throw new DidException(DidError.FETCH_FAILED, "the negative corpus does not go online");
    });

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
            // A DID string (DID Core 3.1 syntax).
            case "did" -> Did.parse(input.asText());
            // A DID URL string (DID Core 3.2 syntax).
            case "did-url" -> DidUrl.parse(input.asText());
            // A DID handed to the standard resolver (did:key, did:jwk, did:web).
            case "did-resolve" -> DID_RESOLVER.resolve(input.asText());
            // A DID URL naming a verification method, through the standard resolver.
            case "did-verification-method" -> DID_RESOLVER.resolveVerificationMethod(input.asText());
            // A DID document as JSON.
            case "did-document" -> DidDocument.parse(text(input));
            // An Ethereum address string (EIP-55).
            case "ethereum-address" -> EthereumAddress.parse(input.asText());
            default -> throw new IllegalArgumentException("unknown negative case kind: " + kind);
        }
    }

    /** Text of a case input: strings as they are, JSON values serialized. */
    static String text(JsonNode input) {
        return input.isTextual() ? input.asText() : Json.write(input);
    }
}
