package org.creditmesh.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.creditmesh.core.dcql.DcqlCredentialQuery;
import org.creditmesh.core.dcql.DcqlQuery;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.issuer.ClaimPaths;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
import org.junit.jupiter.api.Test;

/**
 * The wallet's OpenID4VP steps offline: a request object signed by a did:jwk verifier (section 5.9.3
 * {@code decentralized_identifier}), checked claim by claim; a DCQL answer with only the requested disclosures and a
 * KB-JWT the core verifier accepts for the request's nonce and client_id; the form posted to response_uri.
 */
class Oid4vpPresenterTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String VCT = CredentialIssuer.VCT_PREFIX + "KycCredential";

    private final SigningKey verifierKey = SigningKey.generate(KeyType.P256);
    private final String did = DidJwk.create(verifierKey.publicKey()).toString();
    private final String clientId = Oid4vpSpecs.PREFIX_DECENTRALIZED_IDENTIFIER + ":" + did;
    private final SigningKey holderKey = SigningKey.generate(KeyType.ED25519);
    private final SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);

    @Test
    void presentsOnlyTheRequestedClaimsBoundToTheClientIdAndNonce() throws Exception {
        Map<String, String> posted = new LinkedHashMap<>();
        String jwt = sign(claims(), verifierKey, did + "#0", Oid4vpSpecs.TYP_REQUEST_OBJECT);
        Oid4vpPresenter wallet = wallet(jwt, posted);
        Oid4vpSubmission submission = wallet.present(authorizationRequest(), List.of(new Oid4vpHeldCredential(issue(), holderKey)));
        assertThat(submission.accepted()).isTrue();
        assertThat(submission.redirectUri()).contains("https://lender.example/done");
        assertThat(posted).containsEntry("state", "state-1").containsKey("vp_token");
        String presentation = Json.parse(posted.get("vp_token")).path("kyc").get(0).asText();
        assertThat(SdJwtHolder.parse(presentation).disclosablePaths()).containsExactly(ClaimPath.of("identityVerified"));

        VerificationReport report = CredentialVerifier.builder().clock(CLOCK).challenge(new Challenge("nonce-1", clientId))
                .build().verify(presentation);
        assertThat(report.verified()).as(report.toJson().toString()).isTrue();
        assertThat(report.format()).contains(SecuringFormat.SD_JWT);
        assertThat(report.claims().orElseThrow().has("identityVerified")).isTrue();
        assertThat(report.claims().orElseThrow().has("maritalStatus")).isFalse();
    }

    @Test
    void refusesRequestObjectsThatAreNotWhatTheVerifierSigned() throws Exception {
        Oid4vpPresenter wallet = wallet("", new LinkedHashMap<>());
        String kid = did + "#0";
        assertRefused(wallet, sign(claims(), verifierKey, kid, "JWT"), Oid4vpError.INVALID_REQUEST_OBJECT);
        assertRefused(wallet, sign(claims(), SigningKey.generate(KeyType.P256), kid, Oid4vpSpecs.TYP_REQUEST_OBJECT),
                Oid4vpError.INVALID_REQUEST_SIGNATURE);
        String otherDid = DidJwk.create(SigningKey.generate(KeyType.P256).publicKey()).toString();
        assertRefused(wallet, sign(claims(), verifierKey, otherDid + "#0", Oid4vpSpecs.TYP_REQUEST_OBJECT),
                Oid4vpError.INVALID_REQUEST_SIGNATURE);
        assertRefused(wallet, signed(c -> c.put("client_id", "decentralized_identifier:" + otherDid)), Oid4vpError.CLIENT_ID_MISMATCH);
        assertRefused(wallet, signed(c -> c.put("response_mode", "fragment")), Oid4vpError.INVALID_REQUEST_OBJECT);
        assertRefused(wallet, signed(c -> c.put("response_uri", "http://lender.example/cb")), Oid4vpError.INVALID_REQUEST_OBJECT);
        assertRefused(wallet, signed(c -> c.remove("nonce")), Oid4vpError.INVALID_REQUEST_OBJECT);
        assertRefused(wallet, signed(c -> c.put("exp", NOW.getEpochSecond() - 1)), Oid4vpError.REQUEST_EXPIRED);
        assertRefused(wallet, signed(c -> c.putObject("dcql_query")), Oid4vpError.INVALID_REQUEST_OBJECT);
        assertRefused(wallet, signed(c -> c.put("redirect_uri", "https://lender.example/cb")), Oid4vpError.INVALID_REQUEST_OBJECT);
    }

    @Test
    void findsNoCredentialWhenTheTypeOrAClaimIsMissing() throws Exception {
        Oid4vpPresenter wallet = wallet("", new LinkedHashMap<>());
        List<Oid4vpHeldCredential> held = List.of(new Oid4vpHeldCredential(issue(), holderKey));
        for (DcqlQuery query : List.of(
                new DcqlQuery(List.of(DcqlCredentialQuery.sdJwtVc("kyc", List.of("https://other.example/vct"), List.of(List.of("identityVerified"))))),
                new DcqlQuery(List.of(DcqlCredentialQuery.sdJwtVc("kyc", List.of(VCT), List.of(List.of("creditScore"))))))) {
            Oid4vpRequestObject request = wallet.verifyRequest(clientId, signed(c -> c.set("dcql_query", query.toJson())));
            assertThatThrownBy(() -> wallet.vpToken(request, held))
                    .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.NO_MATCHING_CREDENTIAL));
        }
    }

    @Test
    void authorizationRequestsByReferenceRoundTrip() throws Exception {
        Oid4vpAuthorizationRequest request = Oid4vpAuthorizationRequest.parse(authorizationRequest());
        assertThat(request.clientId()).isEqualTo(clientId);
        assertThat(Oid4vpAuthorizationRequest.parse(request.toUri())).isEqualTo(request);
        assertThatThrownBy(() -> Oid4vpAuthorizationRequest.parse("openid4vp://?client_id=x"))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST));
        assertThatThrownBy(() -> Oid4vpAuthorizationRequest.parse("openid4vp://?client_id=x&request_uri=http%3A%2F%2Fa.example%2Fr"))
                .isInstanceOf(Oid4vpException.class);
    }

    // ---------------------------------------------------------------- helpers

    private String authorizationRequest() {
        return new Oid4vpAuthorizationRequest(clientId, URI.create("https://verifier.example/request-objects/r1")).toUri();
    }

    private ObjectNode claims() {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("client_id", clientId);
        c.put("response_type", "vp_token");
        c.put("response_mode", "direct_post");
        c.put("response_uri", "https://verifier.example/response");
        c.put("nonce", "nonce-1");
        c.put("state", "state-1");
        c.put("iat", NOW.getEpochSecond());
        c.put("exp", NOW.getEpochSecond() + 300);
        c.set("dcql_query", new DcqlQuery(List.of(DcqlCredentialQuery.sdJwtVc("kyc", List.of(VCT),
                List.of(List.of("identityVerified"))))).toJson());
        return c;
    }

    private String signed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode c = claims();
        change.accept(c);
        return sign(c, verifierKey, did + "#0", Oid4vpSpecs.TYP_REQUEST_OBJECT);
    }

    private static String sign(ObjectNode claims, SigningKey key, String kid, String typ) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(key.type().jwsAlgorithm()).type(new JOSEObjectType(typ)).keyID(kid).build(),
                new Payload(Json.write(claims)));
        jws.sign(new KeyJwsSigner(key));
        return jws.serialize();
    }

    private void assertRefused(Oid4vpPresenter wallet, String jwt, Oid4vpError expected) {
        assertThatThrownBy(() -> wallet.verifyRequest(clientId, jwt))
                .isInstanceOfSatisfying(Oid4vpException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private String issue() throws Exception {
        ObjectNode credential = Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "KycCredential"],
                 "credentialSubject": {"identityVerified": true, "maritalStatus": "married", "ageOver18": true}}""");
        CredentialIssuer.Options options = CredentialIssuer.Options.defaults().withClock(CLOCK)
                .withDisclosable(ClaimPaths.parseAll(List.of("identityVerified", "maritalStatus", "ageOver18")))
                .withHolderKey(holderKey.publicKey());
        return new CredentialIssuer(issuerKey).issue(credential, SecuringFormat.SD_JWT, options);
    }

    /** A wallet whose transport serves {@code requestObject} and records the posted form. */
    private static Oid4vpPresenter wallet(String requestObject, Map<String, String> posted) {
        Oid4vpTransport transport = new Oid4vpTransport() {
            @Override
            public Response get(URI uri, String accept) {
                return new Response(200, Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT, requestObject);
            }

            @Override
            public Response postForm(URI uri, Map<String, String> form) {
                posted.putAll(form);
                return new Response(200, "application/json", "{\"redirect_uri\":\"https://lender.example/done\"}");
            }
        };
        return new Oid4vpPresenter(transport, CredentialVerifier.offlineDidResolver(), CLOCK);
    }
}
