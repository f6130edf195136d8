package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One-off generator of the {@code sdjwt-*.json} negative cases in {@code src/test/resources/negative/}. The
 * committed files are what the corpus runs; this only documents how they were made and remakes them on demand:
 * {@code -Dtest=NegativeCorpusGenerator -Dcreditmesh.generate.negative=true}. Keys are fixed Ed25519 test keys
 * (deterministic signatures) and salts a counter, so regenerating gives the same files.
 */
class NegativeCorpusGenerator {

    static final long NOW = 1_767_225_600L; // 2026-01-01T00:00:00Z
    static final String AUD = "https://lender.example/verifier";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String RFC = "RFC 9901 ";

    private final SigningKey issuerKey = fixedKey((byte) 0x11);
    private final SigningKey holderKey = fixedKey((byte) 0x22);
    private final SigningKey otherKey = fixedKey((byte) 0x33);
    private final AtomicInteger saltCounter = new AtomicInteger();
    private final SaltProvider salts = () -> "salt-" + saltCounter.incrementAndGet() + "-0123456789abcdef";
    private Path dir;

    @Test
    @EnabledIfSystemProperty(named = "creditmesh.generate.negative", matches = "true")
    void writesTheSdJwtNegativeCorpus() throws Exception {
        dir = Path.of("src/test/resources/negative");

        SdJwt good = issue("example+sd-jwt", Optional.of(holderKey.publicKey()));
        String goodCompact = good.serialize();

        // Issuer-signed JWT tampered with: one character of the payload changed.
        String[] parts = good.issuerSignedJwt().split("\\.");
        String payloadJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload = b64(payloadJson.replace("\"iss\":\"https://bureau.example\"", "\"iss\":\"https://bureaux.example\""));
        write("sdjwt-tampered-issuer-jwt", "the issuer-signed JWT's payload altered after signing", RFC + "section 7.1",
                "sd-jwt", goodCompact.replace(parts[1], tamperedPayload), ctx(), "invalid_signature");

        // A disclosure the issuer never referenced.
        Disclosure stray = Disclosure.objectProperty(salts.newSalt(), "is_over_65", Json.toNode(true));
        write("sdjwt-disclosure-digest-missing", "a disclosure whose digest is in neither the payload nor another disclosure",
                RFC + "section 7.1", "sd-jwt", good.withDisclosures(append(good.disclosures(), stray)).serialize(), ctx(),
                "disclosure_digest_missing");

        // The same disclosure twice.
        write("sdjwt-duplicate-disclosure", "one disclosure presented twice", RFC + "section 7.1", "sd-jwt",
                good.withDisclosures(append(good.disclosures(), good.disclosures().getFirst())).serialize(), ctx(),
                "duplicate_disclosure");

        // _sd collision: a disclosed name that the payload also has in clear.
        Disclosure givenName = Disclosure.objectProperty(salts.newSalt(), "given_name", Json.toNode("Erika"));
        ObjectNode collide = basePayload().put("given_name", "Eve");
        collide.putArray("_sd").add(givenName.digest(HashAlgorithm.SHA_256).value());
        write("sdjwt-claim-name-collision", "a disclosure for given_name where the payload already has given_name",
                RFC + "section 7.1", "sd-jwt", signed(collide, header("example+sd-jwt"), givenName), ctx(),
                "claim_name_collision");

        // A disclosure named _sd, built by hand because Disclosure refuses to make one.
        String sdNamed = b64("[\"" + salts.newSalt() + "\",\"_sd\",[\"x\"]]");
        ObjectNode reserved = basePayload();
        reserved.putArray("_sd").add(DisclosureDigest.ofText(sdNamed, HashAlgorithm.SHA_256).value());
        write("sdjwt-disclosure-named-sd", "a disclosure whose claim name is _sd", RFC + "section 7.1", "sd-jwt",
                signedRaw(reserved, header("example+sd-jwt"), sdNamed), ctx(), "reserved_claim_name");

        // An array-element disclosure referenced from _sd.
        Disclosure element = Disclosure.arrayElement(salts.newSalt(), Json.toNode("DE"));
        ObjectNode mismatch = basePayload();
        mismatch.putArray("_sd").add(element.digest(HashAlgorithm.SHA_256).value());
        write("sdjwt-array-element-as-member", "a [salt, value] disclosure whose digest is in an object's _sd",
                RFC + "section 7.1", "sd-jwt", signed(mismatch, header("example+sd-jwt"), element), ctx(),
                "disclosure_type_mismatch");

        // An object-member disclosure referenced as an array element.
        Disclosure member = Disclosure.objectProperty(salts.newSalt(), "nationality", Json.toNode("DE"));
        ObjectNode mismatch2 = basePayload();
        mismatch2.putArray("nationalities").addObject().put("...", member.digest(HashAlgorithm.SHA_256).value());
        write("sdjwt-member-as-array-element", "a [salt, name, value] disclosure whose digest is an array element placeholder",
                RFC + "section 7.1", "sd-jwt", signed(mismatch2, header("example+sd-jwt"), member), ctx(),
                "disclosure_type_mismatch");

        // Malformed disclosures.
        write("sdjwt-disclosure-not-base64url", "a disclosure with characters outside base64url", RFC + "section 4.2.1",
                "sd-jwt", good.issuerSignedJwt() + "~WyJzYWx0Ii+wgImEiLCAxXQ==~", ctx(), "invalid_disclosure");
        write("sdjwt-disclosure-not-json", "a disclosure that decodes to text that is not JSON", RFC + "section 4.2.1",
                "sd-jwt", good.issuerSignedJwt() + "~" + b64("[\"salt\", \"a\", ") + "~", ctx(), "invalid_disclosure");
        write("sdjwt-disclosure-four-elements", "a disclosure array of four elements", RFC + "section 4.2.1 and 4.2.2",
                "sd-jwt", good.issuerSignedJwt() + "~" + b64("[\"salt\",\"a\",1,2]") + "~", ctx(), "invalid_disclosure");

        // Header checks.
        write("sdjwt-wrong-typ", "issuer-signed JWT with typ JWT where example+sd-jwt is expected", RFC + "section 9 (explicit typing); RFC 8725 section 3.11",
                "sd-jwt", issueRaw(header("JWT")), ctx(), "wrong_typ");
        ObjectNode none = Json.mapper().createObjectNode().put("alg", "none").put("typ", "example+sd-jwt");
        write("sdjwt-alg-none", "unsecured issuer-signed JWT (alg none, empty signature)", RFC + "section 7.1",
                "sd-jwt", b64(Json.write(none)) + "." + b64(Json.write(basePayload())) + ".~", ctx(), "unsupported_alg");
        ObjectNode hmac = Json.mapper().createObjectNode().put("alg", "HS256").put("typ", "example+sd-jwt");
        write("sdjwt-alg-hs256", "issuer-signed JWT claiming HMAC (a public key must never serve as a MAC secret)",
                RFC + "section 7.1; RFC 8725 sections 2.1 and 3.1", "sd-jwt",
                b64(Json.write(hmac)) + "." + b64(Json.write(basePayload())) + "." + b64("fake-mac-value-000000000000000") + "~",
                ctx(), "unsupported_alg");
        ObjectNode crit = header("example+sd-jwt");
        crit.put("exp-ext", 1).putArray("crit").add("exp-ext");
        write("sdjwt-unknown-crit", "issuer-signed JWT marking an unknown extension critical",
                "RFC 7515 section 4.1.11; " + RFC + "section 7.1", "sd-jwt", issueRaw(crit), ctx(), "unknown_crit");

        // Digest-level ambiguity and algorithms.
        Disclosure twice = Disclosure.objectProperty(salts.newSalt(), "family_name", Json.toNode("Mustermann"));
        ObjectNode dup = basePayload();
        dup.putArray("_sd").add(twice.digest(HashAlgorithm.SHA_256).value()).add(twice.digest(HashAlgorithm.SHA_256).value());
        write("sdjwt-duplicate-digest", "the same digest twice in _sd", RFC + "section 7.1", "sd-jwt",
                signed(dup, header("example+sd-jwt"), twice), ctx(), "duplicate_digest");
        write("sdjwt-unsupported-sd-alg", "_sd_alg names a hash we do not support", RFC + "section 4.1.1 and 7.1",
                "sd-jwt", signed(basePayload().put("_sd_alg", "md5"), header("example+sd-jwt")), ctx(), "unsupported_sd_alg");

        // Times.
        write("sdjwt-expired", "issuer-signed JWT whose exp is before now", RFC + "section 7.1; RFC 7519 section 4.1.4",
                "sd-jwt", signed(basePayload().put("exp", NOW - 3600), header("example+sd-jwt")), ctx(), "expired");
        write("sdjwt-not-yet-valid", "issuer-signed JWT whose nbf is a day after now", RFC + "section 7.1; RFC 7519 section 4.1.5",
                "sd-jwt", signed(basePayload().put("nbf", NOW + 86400), header("example+sd-jwt")), ctx(), "not_yet_valid");

        // Size.
        StringBuilder big = new StringBuilder(good.issuerSignedJwt()).append('~');
        for (int i = 0; i < SdJwtLimits.DEFAULT.maxDisclosures() + 1; i++) {
            big.append(b64("[\"s" + i + "\",\"c\",1]")).append('~');
        }
        write("sdjwt-too-many-disclosures", "more disclosures than the verifier accepts", RFC + "section 9 (resource exhaustion)",
                "sd-jwt", big.toString(), ctx(), "too_many_disclosures");

        // Key binding.
        SdJwtHolder holder = SdJwtHolder.of(good);
        List<ClaimPath> show = List.of(ClaimPath.of("given_name"));
        Instant kbIat = Instant.ofEpochSecond(NOW - 10);
        write("sdjwt-kb-missing", "key binding required but the presentation has no KB-JWT", RFC + "section 7.3",
                "sd-jwt-kb", holder.present(show).serialize(), ctx(), "key_binding_required");
        write("sdjwt-kb-wrong-nonce", "KB-JWT made for another nonce", RFC + "section 7.3", "sd-jwt-kb",
                holder.present(show, holderKey, AUD, "another-nonce", kbIat).serialize(), ctx(), "nonce_mismatch");
        write("sdjwt-kb-wrong-aud", "KB-JWT made for another verifier", RFC + "section 7.3", "sd-jwt-kb",
                holder.present(show, holderKey, "https://other.example", NONCE, kbIat).serialize(), ctx(), "audience_mismatch");
        SdJwt bound = holder.present(List.of(ClaimPath.of("given_name"), ClaimPath.of("birthdate")), holderKey, AUD, NONCE, kbIat);
        SdJwt stripped = bound.withDisclosures(bound.disclosures().subList(0, 1)).withKeyBinding(bound.keyBindingJwt().orElseThrow());
        write("sdjwt-kb-sd-hash-mismatch", "a disclosure removed after the KB-JWT was made", RFC + "section 7.3",
                "sd-jwt-kb", stripped.serialize(), ctx(), "sd_hash_mismatch");
        SdJwt presented = holder.present(show);
        ObjectNode kbClaims = Json.mapper().createObjectNode().put("iat", NOW - 10).put("aud", AUD).put("nonce", NONCE)
                .put("sd_hash", KeyBinding.sdHash(presented, HashAlgorithm.SHA_256));
        ObjectNode jwtTyp = Json.mapper().createObjectNode().put("alg", "EdDSA").put("typ", "JWT");
        write("sdjwt-kb-wrong-typ", "KB-JWT with typ JWT instead of kb+jwt", RFC + "section 7.3", "sd-jwt-kb",
                presented.withKeyBinding(Jws.sign(jwtTyp, kbClaims, holderKey).compact()).serialize(), ctx(), "wrong_typ");
        ObjectNode kbTyp = Json.mapper().createObjectNode().put("alg", "EdDSA").put("typ", "kb+jwt");
        write("sdjwt-kb-wrong-key", "KB-JWT signed by a key other than the cnf key", RFC + "section 7.3", "sd-jwt-kb",
                presented.withKeyBinding(Jws.sign(kbTyp, kbClaims, otherKey).compact()).serialize(), ctx(), "key_binding_invalid");
        write("sdjwt-kb-stale", "KB-JWT issued an hour before now", RFC + "section 7.3 (iat within an acceptable window)",
                "sd-jwt-kb", holder.present(show, holderKey, AUD, NONCE, Instant.ofEpochSecond(NOW - 3600)).serialize(), ctx(),
                "key_binding_not_fresh");

        // JSON serialization.
        ObjectNode general = (ObjectNode) Json.parse(good.serializeGeneralJson());
        ArrayNode sigs = (ArrayNode) general.get("signatures");
        ObjectNode second = sigs.addObject();
        second.putObject("header").putArray("disclosures");
        second.put("protected", sigs.get(0).get("protected").asText()).put("signature", sigs.get(0).get("signature").asText());
        write("sdjwt-json-disclosures-in-second-signature", "general JSON serialization with disclosures in a second signature's header",
                RFC + "section 8", "sd-jwt", general, ctx(), "malformed_sd_jwt");

        // SD-JWT VC.
        write("sdjwt-vc-missing-vct", "a dc+sd-jwt credential without vct", "draft-ietf-oauth-sd-jwt-vc section 3.2.2 (vct is required)", "sd-jwt-vc",
                signed(basePayload(), header("dc+sd-jwt")), ctx(), "missing_claim");
        write("sdjwt-vc-wrong-typ", "an SD-JWT VC verifier given typ example+sd-jwt", "draft-ietf-oauth-sd-jwt-vc section 3.2.1 (typ dc+sd-jwt)", "sd-jwt-vc",
                signed(basePayload().put("vct", "https://creditmesh.example/kyc"), header("example+sd-jwt")), ctx(), "wrong_typ");
        Disclosure iss = Disclosure.objectProperty(salts.newSalt(), "iss", Json.toNode("https://bureau.example"));
        ObjectNode sdIss = basePayload().put("vct", "https://creditmesh.example/kyc");
        sdIss.remove("iss");
        sdIss.putArray("_sd").add(iss.digest(HashAlgorithm.SHA_256).value());
        write("sdjwt-vc-disclosed-iss", "an SD-JWT VC whose iss comes from a disclosure", "draft-ietf-oauth-sd-jwt-vc section 3.2.2 (iss, nbf, exp, cnf, vct, status never selectively disclosed)",
                "sd-jwt-vc", signed(sdIss, header("dc+sd-jwt"), iss), ctx(), "claim_not_disclosable");
    }

    private SdJwt issue(String typ, Optional<org.creditmesh.core.keys.VerificationKey> holder) throws Exception {
        ObjectNode claims = basePayload().put("given_name", "Erika").put("family_name", "Mustermann").put("birthdate", "1970-01-01");
        return SdJwtIssuer.builder(issuerKey).typ(typ).saltProvider(salts).build().issue(claims,
                List.of(ClaimPath.of("given_name"), ClaimPath.of("family_name"), ClaimPath.of("birthdate")), holder);
    }

    private String issueRaw(ObjectNode header) throws Exception {
        return signed(basePayload(), header);
    }

    private ObjectNode basePayload() {
        ObjectNode p = Json.mapper().createObjectNode().put("iss", "https://bureau.example").put("iat", NOW - 3600)
                .put("exp", NOW + 365L * 86400);
        return p;
    }

    private static ObjectNode header(String typ) {
        return Json.mapper().createObjectNode().put("alg", "EdDSA").put("typ", typ);
    }

    private String signed(ObjectNode payload, ObjectNode header, Disclosure... disclosures) throws Exception {
        return signedRaw(payload, header, Arrays.stream(disclosures).map(Disclosure::encoded).toArray(String[]::new));
    }

    private String signedRaw(ObjectNode payload, ObjectNode header, String... disclosures) throws Exception {
        if (!payload.has("cnf")) {
            payload.putObject("cnf").set("jwk", Json.toNode(holderKey.publicKey().toJwk().toJSONObject()));
        }
        StringBuilder sb = new StringBuilder(Jws.sign(header, payload, issuerKey).compact()).append('~');
        for (String d : disclosures) {
            sb.append(d).append('~');
        }
        return sb.toString();
    }

    private ObjectNode ctx() {
        ObjectNode c = Json.mapper().createObjectNode();
        c.set("issuerJwk", Json.toNode(issuerKey.publicKey().toJwk().toJSONObject()));
        c.put("now", NOW).put("aud", AUD).put("nonce", NONCE);
        return c;
    }

    private void write(String file, String description, String spec, String kind, Object input, ObjectNode context,
                       String expectedCode) throws Exception {
        ObjectNode c = Json.mapper().createObjectNode().put("description", description).put("spec", spec).put("kind", kind);
        c.set("input", input instanceof JsonNode node ? node : Json.toNode(input));
        c.set("context", context);
        c.put("expectedCode", expectedCode);
        Files.writeString(dir.resolve(file + ".json"), Json.writePretty(c) + "\n", StandardCharsets.UTF_8);
    }

    private static List<Disclosure> append(List<Disclosure> list, Disclosure extra) {
        List<Disclosure> out = new ArrayList<>(list);
        out.add(extra);
        return out;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SigningKey fixedKey(byte fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, fill);
        try {
            return SigningKey.fromPrivateBytes(KeyType.ED25519, bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
