package org.creditmesh.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.status.StatusError;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.verifier.Check;
import org.creditmesh.core.verifier.CheckResult;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
import org.junit.jupiter.api.Test;

/**
 * OpenID4VCI's {@code jwt_vc_json} (Appendix A.1.1): a VCDM 1.1 JWT with the credential in {@code vc} (VCDM 1.1
 * section 6.3.1). Issued from the same VCDM 2.0 credential the other formats sign, verified by the unified verifier
 * with every check (status and schema included), and refused when the JWT claims contradict the credential.
 */
class JwtVcJsonTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String LIST_URL = "https://status.bureau.example/lists/1";

    private final SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);
    private final SigningKey holderKey = SigningKey.generate(KeyType.P256);
    private final CredentialIssuer issuer = new CredentialIssuer(issuerKey);
    private final StatusListPublisher lists = new StatusListPublisher(issuer, CLOCK);
    private final Map<String, String> published = new HashMap<>();

    private ObjectNode kyc() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/roundtrip/kyc-unsigned.json")) {
            ObjectNode credential = Json.parseObject(in.readAllBytes());
            credential.put("id", "urn:uuid:3b7f3c1e-8d6a-4a52-9c2e-5d0f4f7e1a01");
            credential.put(CredentialSpecs.VALID_UNTIL, "2027-03-01T00:00:00Z");
            ((ObjectNode) credential.get("credentialSubject")).put("id", DidKey.create(holderKey.publicKey()).toString());
            credential.set("credentialStatus", StatusListPublisher.entry(LIST_URL, "revocation", 17));
            return credential;
        }
    }

    private String issue() throws Exception {
        published.putIfAbsent(LIST_URL, lists.create(LIST_URL, "revocation"));
        return issuer.issue(kyc(), SecuringFormat.JOSE, CredentialIssuer.Options.defaults().withClock(CLOCK).withVcdm11Jwt());
    }

    private VerificationReport verify(String jwt) {
        return CredentialVerifier.builder().clock(CLOCK).statusFetcher(url -> {
            String list = published.get(url);
            if (list == null) {
                throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "no list at " + url);
            }
            return list;
        }).build().verify(jwt);
    }

    private static ObjectNode part(String jwt, int index) throws Exception {
        return Json.parseObject(Base64Url.decode(jwt.split("\\.")[index]));
    }

    /** Signs {@code claims} with the issuer's key and its kid, as a forger holding the key would. */
    private String sign(String typ, ObjectNode claims) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(issuerKey.type().jwsAlgorithm()).type(new JOSEObjectType(typ))
                .keyID(issuer.verificationMethod()).build(), new Payload(Json.write(claims).getBytes(StandardCharsets.UTF_8)));
        jws.sign(new KeyJwsSigner(issuerKey));
        return jws.serialize();
    }

    @Test
    void theCredentialIsAVcdm11JwtWithTheVcClaimAndMirroredRegisteredClaims() throws Exception {
        String jwt = issue();
        ObjectNode header = part(jwt, 0);
        ObjectNode claims = part(jwt, 1);
        ObjectNode vc = (ObjectNode) claims.get("vc");

        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(header.path("kid").asText()).isEqualTo(issuer.verificationMethod());
        assertThat(vc.path("@context").get(0).asText()).isEqualTo(CredentialSpecs.CONTEXT_V1);
        assertThat(vc.path("@context").toString()).doesNotContain(CredentialSpecs.CONTEXT_V2);
        assertThat(vc.has("validFrom") || vc.has("validUntil")).isFalse();
        assertThat(vc.path("type").toString()).isEqualTo("[\"VerifiableCredential\",\"KycCredential\"]");
        assertThat(claims.path("iss").asText()).isEqualTo(issuer.issuer()).isEqualTo(vc.path("issuer").asText());
        assertThat(claims.path("jti").asText()).isEqualTo(vc.path("id").asText());
        assertThat(claims.path("sub").asText()).isEqualTo(vc.path("credentialSubject").path("id").asText());
        assertThat(Instant.ofEpochSecond(claims.path("nbf").asLong())).isEqualTo(Instant.parse(vc.path("issuanceDate").asText()));
        assertThat(Instant.ofEpochSecond(claims.path("exp").asLong())).isEqualTo(Instant.parse("2027-03-01T00:00:00Z"));
        assertThat(vc.path("expirationDate").asText()).isEqualTo("2027-03-01T00:00:00Z");
    }

    @Test
    void theUnifiedVerifierPassesEveryCheckAndSeesARevocation() throws Exception {
        String jwt = issue();
        VerificationReport report = verify(jwt);

        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
        assertThat(report.check(Check.DATA_MODEL).orElseThrow().detail()).contains("VCDM 1.1");
        assertThat(report.check(Check.STATUS).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(report.check(Check.SCHEMA).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(report.claims().orElseThrow().path("credentialSubject").path("id").asText())
                .isEqualTo(DidKey.create(holderKey.publicKey()).toString());

        published.put(LIST_URL, lists.update(published.get(LIST_URL), 17, true));
        assertThat(verify(jwt).failures()).extracting(f -> f.code()).containsExactly("revoked");
    }

    @Test
    void aSchemaViolationInTheVcClaimIsStillFound() throws Exception {
        ObjectNode claims = part(issue(), 1);
        ((ObjectNode) claims.path("vc").path("credentialSubject")).remove("countryOfResidence");

        assertThat(verify(sign("JWT", claims)).failures()).extracting(f -> f.code()).containsExactly("schema");
    }

    @Test
    void claimsThatContradictTheCredentialAreRefused() throws Exception {
        ObjectNode genuine = part(issue(), 1);
        Map<String, java.util.function.Consumer<ObjectNode>> forgeries = Map.of(
                "another iss", c -> c.put("iss", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"),
                "another sub", c -> c.put("sub", "did:example:someone-else"),
                "another jti", c -> c.put("jti", "urn:uuid:00000000-0000-0000-0000-000000000000"),
                "a later nbf", c -> c.put("nbf", c.path("nbf").asLong() + 3600),
                "a later exp", c -> c.put("exp", c.path("exp").asLong() + 86_400 * 365L),
                "a VCDM 2.0 credential in vc", c -> ((ObjectNode) c.get("vc")).withArray("@context")
                        .set(0, c.textNode(CredentialSpecs.CONTEXT_V2)),
                "no vc claim", c -> c.remove("vc"));
        for (var forgery : forgeries.entrySet()) {
            ObjectNode claims = genuine.deepCopy();
            forgery.getValue().accept(claims);
            VerificationReport report = verify(sign("JWT", claims));
            assertThat(report.verified()).as(forgery.getKey()).isFalse();
            assertThat(report.failures()).as(forgery.getKey()).extracting(f -> f.code())
                    .containsAnyOf("data_model", "key_not_resolved");
        }
    }

    @Test
    void aVcClaimUnderTheVcJwtTypeAndATamperedSignatureAreRefused() throws Exception {
        String jwt = issue();
        assertThat(verify(sign("vc+jwt", part(jwt, 1))).failures()).extracting(f -> f.code()).containsExactly("data_model");

        String[] parts = jwt.split("\\.");
        ObjectNode claims = part(jwt, 1);
        ((ObjectNode) claims.path("vc").path("credentialSubject")).put("ageBand", "18-24");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(verify(tampered).failures()).extracting(f -> f.code()).containsExactly("signature");
    }
}
