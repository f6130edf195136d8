package org.creditmesh.core.negative;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.did.CompositeDidResolver;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.DidError;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidUrl;
import org.creditmesh.core.did.EthereumAddress;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.VcJwtVerifier;
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
import org.creditmesh.core.status.BitstringStatusChecker;
import org.creditmesh.core.testing.DidKeyTestResolver;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.SdJwtVerifier;
import org.creditmesh.core.sdjwt.vc.SdJwtVcVerifier;
import org.creditmesh.core.status.token.StatusListKeyResolver;
import org.creditmesh.core.status.token.StatusListTokenVerifier;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusChecker;
import org.creditmesh.core.status.token.TokenStatusList;

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
            // A vc+jwt compact JWS; did:key issuers; context.now is the verifier's clock.
            case "vc-jwt" -> new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(), clock(context))
                    .verify(input.asText());
            // A vp+jwt compact JWS; context.nonce and context.aud are the verifier's challenge.
            case "vp-jwt" -> new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(), clock(context))
                    .verifyPresentation(input.asText(), context.path("nonce").asText(), context.path("aud").asText());
            // A credential as JSON: data model rules, and the validity period if context.now is given.
            case "credential" -> {
                Credential credential = Credential.parse(text(input));
                if (context.has("now")) {
                    DataModelValidator.checkValidityPeriod(credential, clock(context).instant());
                }
            }
            // A presentation as JSON: data model rules.
            case "presentation" -> Presentation.parse(text(input));
            // {entry, statusListCredential}: the status check on an already proof-checked status list.
            case "status-check" -> new BitstringStatusChecker(
                    url -> Json.write(input.get("statusListCredential")),
                    (url, fetched) -> Json.parse(fetched),
                    new DataModelValidator(), clock(context)).check(input.get("entry"));
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
            // A serialized SD-JWT (compact string or JSON serialization), key binding not required.
            case "sd-jwt" -> SdJwtVerifier.builder(issuerKeys(context)).clock(clock(context)).build().verify(text(input));
            // A serialized SD-JWT+KB; key binding required with the context's aud and nonce.
            case "sd-jwt-kb" -> SdJwtVerifier.builder(issuerKeys(context)).clock(clock(context)).build()
                    .verify(text(input), KeyBindingChallenge.of(context.get("aud").asText(), context.get("nonce").asText()));
            // A serialized SD-JWT VC (typ dc+sd-jwt), key binding not required.
            case "sd-jwt-vc" -> SdJwtVcVerifier.of(issuerKeys(context), clock(context)).verify(text(input));
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
            // A Referenced Token's status claim: its status_list reference (Token Status List section 6.2).
            case "tsl-reference" -> StatusReference.parse(input);
            // A JSON Status List ({bits, lst}), decoded with the default decompression bound.
            case "tsl-list" -> TokenStatusList.parse(input);
            // A Status List Token; context.issuerJwk is the Status Issuer's key, context.uri the referenced uri.
            case "tsl-token" -> new StatusListTokenVerifier(StatusListKeyResolver.fixed(VerificationKey.parseJwk(
                    Json.write(context.get("issuerJwk")))), clock(context)).verify(input.asText(), context.path("uri").asText());
            // {status, token}: the full status check, the token served for whatever uri the status claim names.
            case "tsl-check" -> new TokenStatusChecker(uri -> input.path("token").asText(), StatusListKeyResolver.fixed(
                    VerificationKey.parseJwk(Json.write(context.get("issuerJwk")))), clock(context)).check(input.get("status"));
            default -> throw new IllegalArgumentException("unknown negative case kind: " + kind);
        }
    }

    /** The issuer's public JWK from {@code context.issuerJwk}. */
    private static IssuerKeyResolver issuerKeys(JsonNode context) throws CreditMeshException {
        return IssuerKeyResolver.fixed(VerificationKey.parseJwk(Json.write(context.get("issuerJwk"))));
    }

    /**
     * "Now" fixed at {@code context.now} — epoch seconds or an ISO instant — so time-dependent cases
     * stay stable; 2026-06-01T00:00:00Z when absent.
     */
    static Clock clock(JsonNode context) {
        JsonNode now = context.path("now");
        Instant instant = now.isNumber() ? Instant.ofEpochSecond(now.asLong())
                : Instant.parse(now.asText("2026-06-01T00:00:00Z"));
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Text of a case input: strings as they are, JSON values serialized. */
    static String text(JsonNode input) {
        return input.isTextual() ? input.asText() : Json.write(input);
    }
}
