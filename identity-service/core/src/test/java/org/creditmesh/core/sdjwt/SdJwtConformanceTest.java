package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.testing.SharedVectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SD-JWT editors' reference test cases ({@code ../shared/vectors/sd-jwt-testcases/<case>/specification.yml}
 * with the shared {@code settings.yml}, from sd-jwt-python {@code tests/testcases/}), run end to end: RFC 9901
 * section 5 (issuance, claims marked {@code !sd}), section 6 (the holder discloses {@code holder_disclosed_claims},
 * with a KB-JWT per section 4.3 when {@code key_binding: true}), section 7 (verification), and section 8 for
 * {@code serialization_format: json} (flattened with one issuer key, general with several). The verified claims
 * must equal {@code expect_verified_user_claims} plus the default claims {@code iss}, {@code iat}, {@code exp}
 * (and {@code cnf} when key bound) exactly, as in sd-jwt-python's own end-to-end test.
 */
class SdJwtConformanceTest {

    static Stream<String> cases() throws Exception {
        Path dir = SharedVectors.vector("sd-jwt-testcases");
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.exists(p.resolve("specification.yml")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "sd-jwt-testcases/{0} (RFC 9901 sections 5-8)")
    @MethodSource("cases")
    @DisplayName("issues, presents and verifies each reference test case to exactly the expected claims")
    @SuppressWarnings("unchecked")
    void recoversTheExpectedClaims(String name) throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>(SdYaml.load(SharedVectors.vector("sd-jwt-testcases/settings.yml")));
        Map<String, Object> spec = SdYaml.load(SharedVectors.vector("sd-jwt-testcases/" + name + "/specification.yml"));
        Map<String, Object> keySettings = new LinkedHashMap<>((Map<String, Object>) settings.get("key_settings"));
        Map<String, Object> override = (Map<String, Object>) spec.getOrDefault("settings_override", Map.of());
        if (override.containsKey("key_settings")) {
            keySettings = new LinkedHashMap<>((Map<String, Object>) override.get("key_settings"));
        }
        if (override.containsKey("issuer_keys")) {
            keySettings.put("issuer_keys", override.get("issuer_keys"));
        }
        Map<String, Object> identifiers = (Map<String, Object>) settings.get("identifiers");
        String issuer = (String) identifiers.get("issuer");
        String audience = (String) identifiers.get("verifier");
        String nonce = String.valueOf(settings.get("key_binding_nonce"));
        long iat = ((Number) settings.get("iat")).longValue();
        long exp = ((Number) settings.get("exp")).longValue();
        Instant now = Instant.ofEpochSecond(iat).plusSeconds(30);

        List<Map<String, Object>> issuerJwks = (List<Map<String, Object>>) keySettings.get("issuer_keys");
        SigningKey holderKey = SigningKey.fromJwk(JWK.parse((Map<String, Object>) keySettings.get("holder_key")));
        boolean keyBinding = Boolean.TRUE.equals(spec.get("key_binding"));
        boolean json = "json".equals(spec.get("serialization_format"));
        boolean decoys = Boolean.TRUE.equals(spec.get("add_decoy_claims"));

        // Issuer (section 5): default claims in clear, then the user claims as marked.
        Map<String, DisclosureSpec> members = new LinkedHashMap<>();
        members.put("iss", new DisclosureSpec.Value(Json.toNode(issuer), false));
        members.put("iat", new DisclosureSpec.Value(Json.toNode(iat), false));
        members.put("exp", new DisclosureSpec.Value(Json.toNode(exp), false));
        members.putAll(((DisclosureSpec.Obj) SdYaml.toSpec(spec.get("user_claims"))).members());
        Map<String, VerificationKey> keysByKid = new LinkedHashMap<>();
        SdJwtIssuer.Builder builder = null;
        for (Map<String, Object> jwk : issuerJwks) {
            SigningKey key = SigningKey.fromJwk(JWK.parse(jwk));
            Object kid = jwk.get("kid");
            if (kid != null) {
                keysByKid.put(kid.toString(), key.publicKey());
            }
            if (builder == null) {
                builder = kid == null ? SdJwtIssuer.builder(key) : SdJwtIssuer.builder(key, kid.toString());
            } else {
                builder.additionalSigner(key, kid.toString());
            }
        }
        // header_mod: extra protected header parameters. A JWS kid is a string (RFC 7515 section 4.1.4), so 42 is "42".
        Map<String, Object> extraHeaders = (Map<String, Object>) spec.getOrDefault("extra_header_parameters", Map.of());
        for (Map.Entry<String, Object> h : extraHeaders.entrySet()) {
            Object value = h.getKey().equals("kid") ? String.valueOf(h.getValue()) : h.getValue();
            builder.header(h.getKey(), Json.toNode(value));
        }
        if (decoys) {
            builder.decoys(DecoyGen.between(1, 3));
        }
        SdJwt issued = builder.build().issue(new DisclosureSpec.Obj(members, false),
                keyBinding ? Optional.of(holderKey.publicKey()) : Optional.empty());
        boolean general = json && issuerJwks.size() > 1;
        String issuedText = !json ? issued.serialize() : general ? issued.serializeGeneralJson() : issued.serializeFlattenedJson();

        // Holder (section 6).
        SdJwtHolder holder = SdJwtHolder.parse(issuedText);
        List<ClaimPath> paths = SdYaml.holderPaths(spec.get("holder_disclosed_claims"), ClaimPath.root(), new ArrayList<>());
        SdJwt presentation = keyBinding
                ? holder.present(paths, holderKey, audience, nonce, now)
                : holder.present(paths);
        String presented = !json ? presentation.serialize()
                : general ? presentation.serializeGeneralJson() : presentation.serializeFlattenedJson();

        // Verifier (section 7).
        IssuerKeyResolver keys = keysByKid.isEmpty()
                ? IssuerKeyResolver.fixed(SigningKey.fromJwk(JWK.parse(issuerJwks.getFirst())).publicKey())
                : IssuerKeyResolver.byKid(keysByKid);
        SdJwtVerifier verifier = SdJwtVerifier.builder(keys).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        VerifiedSdJwt verified = keyBinding
                ? verifier.verify(presented, KeyBindingChallenge.of(audience, nonce))
                : verifier.verify(presented);

        ObjectNode expected = (ObjectNode) SdYaml.toJson(spec.get("expect_verified_user_claims"));
        expected.put("iss", issuer).put("iat", iat).put("exp", exp);
        if (keyBinding) {
            expected.putObject("cnf").set("jwk", Json.toNode(holderKey.publicKey().toJwk().toJSONObject()));
        }
        assertThat(normalized(verified.claims())).isEqualTo(normalized(expected));
        assertThat(verified.keyBindingClaims().isPresent()).isEqualTo(keyBinding);
        extraHeaders.forEach((k, v) -> assertThat(verified.header().get(k).asText()).isEqualTo(String.valueOf(v)));
    }

    /** Both sides through the same parser, so 3.14 from YAML (double) and from JSON (decimal) compare equal. */
    private static JsonNode normalized(JsonNode node) throws Exception {
        return Json.parse(Json.write(node));
    }
}
