package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.testing.DidKeyTestResolver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** VC-JOSE-COSE section 3.1.1 (vc+jwt) issuing and verifying, and the refusals of section 5.1 / RFC 8725. */
class VcJwtTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final SigningKey ISSUER = key(1);
    static final SigningKey HOLDER = key(2);

    static SigningKey key(int seed) {
        try {
            byte[] bytes = new byte[32];
            bytes[31] = (byte) seed;
            bytes[0] = 0x11;
            return SigningKey.fromPrivateBytes(KeyType.ED25519, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Credential credential(SigningKey issuer, SigningKey subject) throws Exception {
        return Credential.parse("""
                {"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],
                 "id":"urn:uuid:2f0d8c1e-7f43-4d0b-8a8e-0a4bd4c7e111",
                 "type":["VerifiableCredential","ExampleKycCredential"],
                 "issuer":"%s",
                 "validFrom":"2026-01-01T00:00:00Z",
                 "validUntil":"2027-01-01T00:00:00Z",
                 "credentialSubject":{"id":"%s","kycLevel":"substantial","country":"DE"}}"""
                .formatted(DidKeyTestResolver.didKey(issuer.publicKey()), DidKeyTestResolver.didKey(subject.publicKey())));
    }

    static VcJwtIssuer issuer(SigningKey key) {
        return new VcJwtIssuer(key, DidKeyTestResolver.kid(key.publicKey()));
    }

    static VcJwtVerifier verifier() {
        return new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(), NOW);
    }

    static JsonNode part(String jws, int index) throws Exception {
        return Json.parse(Base64.getUrlDecoder().decode(jws.split("\\.")[index]));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void issuesACredentialThatVerifiesWithEveryKeyType(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        String jwt = issuer(key).issue(credential(key, HOLDER));
        VerifiedCredential verified = verifier().verify(jwt);
        assertThat(verified.credential()).isEqualTo(credential(key, HOLDER));
        assertThat(verified.alg()).isEqualTo(type.jwsAlgorithm().getName());
        assertThat(verified.key()).isEqualTo(key.publicKey());
    }

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.1: the payload is the credential itself, member for member, and typ is vc+jwt with the kid")
    void usesTheCredentialItselfAsPayloadAndTypVcJwt() throws Exception {
        Credential credential = credential(ISSUER, HOLDER);
        String jwt = issuer(ISSUER).issue(credential);
        JsonNode header = part(jwt, 0);
        assertThat(header.get("typ").asText()).isEqualTo("vc+jwt");
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.get("kid").asText()).isEqualTo(DidKeyTestResolver.kid(ISSUER.publicKey()));
        assertThat(header.has("cty")).isFalse();
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).isEqualTo(credential.serialize());
        assertThat(payload).doesNotContain("\"vc\"", "\"iat\"", "\"nbf\"", "\"exp\"");
    }

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.1 and 3.1.3: cty vc, iat and exp only when asked for, and exp is then enforced")
    void addsCtyIatAndExpOnlyWhenAskedAndEnforcesExp() throws Exception {
        String jwt = issuer(ISSUER).withContentType().withIssuedAt(NOW).withSignatureLifetime(NOW, Duration.ofHours(1))
                .issue(credential(ISSUER, HOLDER));
        assertThat(part(jwt, 0).get("cty").asText()).isEqualTo("vc");
        assertThat(part(jwt, 1).get("iat").asLong()).isEqualTo(NOW.instant().getEpochSecond());
        assertThat(part(jwt, 1).get("exp").asLong()).isEqualTo(NOW.instant().getEpochSecond() + 3600);
        assertThat(verifier().verify(jwt).credential().issuer()).startsWith("did:key:z6Mk");
        VcJwtVerifier later = new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(),
                Clock.offset(NOW, Duration.ofHours(2)));
        assertThat(catchThrowableOfType(VcJwtException.class, () -> later.verify(jwt)).code()).isEqualTo(VcJwtError.EXPIRED);
        assertThat(later.withLeeway(Duration.ofHours(2)).verify(jwt)).isNotNull();
    }

    @Test
    void refusesToIssueACredentialThatCarriesAVcClaim() throws Exception {
        ObjectNode json = credential(ISSUER, HOLDER).json();
        json.putObject("vc").put("note", "1.1 style");
        VcJwtException e = catchThrowableOfType(VcJwtException.class, () -> issuer(ISSUER).issue(Credential.from(json)));
        assertThat(e.code()).isEqualTo(VcJwtError.PAYLOAD_INVALID);
    }

    @Test
    void refusesToIssueUnderAKidThatIsNotAKeyOfTheCredentialsIssuer() throws Exception {
        VcJwtException e = catchThrowableOfType(VcJwtException.class, () -> issuer(key(9)).issue(credential(ISSUER, HOLDER)));
        assertThat(e.code()).isEqualTo(VcJwtError.ISSUER_MISMATCH);
    }

    @Test
    void asksTheResolverForAnAssertionMethodKeyForCredentialsAndAnAuthenticationKeyForPresentations() throws Exception {
        java.util.List<VerificationRelationship> asked = new java.util.ArrayList<>();
        VcJwtVerifier recording = new VcJwtVerifier((kid, controller, relationship) -> {
            asked.add(relationship);
            return new DidKeyTestResolver().resolve(kid, controller, relationship);
        }, new DataModelValidator(), NOW);
        String vcJwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        String vpJwt = issuer(HOLDER).present(VcJwtIssuer.envelop(DidKeyTestResolver.didKey(HOLDER.publicKey()),
                java.util.List.of(vcJwt)), "nonce", "aud");
        recording.verifyPresentation(vpJwt, "nonce", "aud");
        assertThat(asked).containsExactly(VerificationRelationship.AUTHENTICATION, VerificationRelationship.ASSERTION_METHOD);
    }

    @Test
    void refusesACredentialSignedWithAKeyOfAnotherDidEvenThoughTheSignatureIsGood() throws Exception {
        SigningKey attacker = key(9);
        String jwt = new VcJwtIssuer(attacker, DidKeyTestResolver.kid(attacker.publicKey()))
                .issue(credential(attacker, HOLDER));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                credential(ISSUER, HOLDER).serialize().getBytes(StandardCharsets.UTF_8));
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + payload + "." + parts[2];
        assertThat(catchThrowableOfType(VcJwtException.class, () -> verifier().verify(forged)).code())
                .isEqualTo(VcJwtError.ISSUER_MISMATCH);
    }

    @Test
    void refusesWhenTheResolverDoesNotKnowTheKidOrFails() throws Exception {
        String jwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        VcJwtVerifier unknown = new VcJwtVerifier((kid, controller, relationship) -> Optional.empty(), new DataModelValidator(), NOW);
        assertThat(catchThrowableOfType(VcJwtException.class, () -> unknown.verify(jwt)).code()).isEqualTo(VcJwtError.KEY_NOT_RESOLVED);
        VcJwtVerifier failing = new VcJwtVerifier((kid, controller, relationship) -> {
            throw new IllegalStateException("resolver bug");
        }, new DataModelValidator(), NOW);
        assertThat(catchThrowableOfType(VcJwtException.class, () -> failing.verify(jwt)).code()).isEqualTo(VcJwtError.KEY_NOT_RESOLVED);
    }

    @Test
    void refusesAPayloadWhoseContextTheVerifierDoesNotKnow() throws Exception {
        String jwt = issuer(ISSUER).issue(credential(ISSUER, HOLDER));
        VcJwtVerifier strict = new VcJwtVerifier(new DidKeyTestResolver(),
                new DataModelValidator(url -> false), NOW);
        VcJwtException e = catchThrowableOfType(VcJwtException.class, () -> strict.verify(jwt));
        assertThat(e.code()).isEqualTo(VcJwtError.PAYLOAD_INVALID);
        assertThat(e.getMessage()).contains("unknown_context");
    }

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.2, Example 2: the enveloped credential is a data: URL whose vc+jwt carries a valid credential, signed with ES384, which is refused")
    void readsTheEnvelopedCredentialOfTheSpecificationExampleAndRefusesItsEs384() throws Exception {
        JsonNode vp;
        try (InputStream in = getClass().getResourceAsStream("/vc-jose-cose/example-2-presentation-with-enveloped-credential.json")) {
            vp = Json.parse(in.readAllBytes());
        }
        EnvelopedCredential enveloped = Presentation.from(vp).envelopedCredentials().get(0);
        assertThat(enveloped.mediaType()).isEqualTo(VcJwtSpecs.MEDIA_TYPE_VC_JWT);
        assertThat(part(enveloped.data(), 0).get("alg").asText()).isEqualTo("ES384");
        Credential credential = Credential.from(part(enveloped.data(), 1));
        assertThat(credential.issuer()).isEqualTo("https://university.example/issuers/565049");
        assertThat(catchThrowableOfType(VcJwtException.class, () -> verifier().verify(enveloped.data())).code())
                .isEqualTo(VcJwtError.ALG_NOT_ALLOWED);
    }

    @Test
    @DisplayName("VC-JOSE-COSE 3.1.1, Example 1: the specification's credential secured and verified")
    void securesAndVerifiesTheCredentialOfExample1() throws Exception {
        JsonNode example;
        try (InputStream in = getClass().getResourceAsStream("/vc-jose-cose/example-1-credential.json")) {
            example = Json.parse(in.readAllBytes());
        }
        ((ObjectNode) example).put("issuer", DidKeyTestResolver.didKey(ISSUER.publicKey()));
        Credential credential = Credential.from(example);
        VcJwtVerifier at2015 = new VcJwtVerifier(new DidKeyTestResolver(), new DataModelValidator(),
                Clock.fixed(Instant.parse("2015-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(at2015.verify(issuer(ISSUER).issue(credential)).credential()).isEqualTo(credential);
    }
}
