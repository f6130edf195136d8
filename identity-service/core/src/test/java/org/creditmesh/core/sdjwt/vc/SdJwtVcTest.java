package org.creditmesh.core.sdjwt.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.IssuerKeyResolver;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.sdjwt.SdJwtError;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.sdjwt.SdJwtIssuer;
import org.junit.jupiter.api.Test;

/** SD-JWT VC (draft-ietf-oauth-sd-jwt-vc) section 3: typ, vct and the registered claims. */
class SdJwtVcTest {

    private static final SigningKey ISSUER = SigningKey.generate(KeyType.ED25519);
    private static final SigningKey HOLDER = SigningKey.generate(KeyType.ED25519);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String VCT = "https://creditmesh.example/credentials/kyc";

    private static SdJwtVcIssuer issuer() {
        return SdJwtVcIssuer.builder(ISSUER, "https://bureau.example").kid("key-1").clock(CLOCK).build();
    }

    private static SdJwtVcCredential credential() throws Exception {
        ObjectNode status = Json.parseObject("{\"status_list\":{\"idx\":412,\"uri\":\"https://bureau.example/status/1\"}}");
        return SdJwtVcCredential.builder(VCT).expiresAt(NOW.plusSeconds(86400)).holderKey(HOLDER.publicKey()).status(status)
                .claims(Json.parseObject("{\"sub\":\"did:example:borrower\",\"kyc_level\":\"substantial\",\"country\":\"DE\",\"age_band\":\"30-39\"}"))
                .disclosable(ClaimPath.of("kyc_level"), ClaimPath.of("country"), ClaimPath.of("age_band"))
                .build();
    }

    @Test
    void issuesDcSdJwtWithTheRegisteredClaimsInClear() throws Exception {
        SdJwt issued = issuer().issue(credential());
        ObjectNode header = Json.parseObject(Base64.getUrlDecoder().decode(issued.signatures().getFirst().protectedHeader()));
        assertThat(header.get("typ").asText()).isEqualTo("dc+sd-jwt");
        assertThat(header.get("kid").asText()).isEqualTo("key-1");
        ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(issued.payload()));
        assertThat(payload.get("vct").asText()).isEqualTo(VCT);
        assertThat(payload.get("iss").asText()).isEqualTo("https://bureau.example");
        assertThat(payload.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(payload.get("exp").asLong()).isEqualTo(NOW.plusSeconds(86400).getEpochSecond());
        assertThat(payload.has("cnf")).isTrue();
        assertThat(payload.at("/status/status_list/idx").asInt()).isEqualTo(412);
        assertThat(payload.has("kyc_level")).isFalse();
    }

    @Test
    void verifiesAKeyBoundPresentationAndReturnsVctIssuerAndStatus() throws Exception {
        SdJwt presentation = SdJwtHolder.of(issuer().issue(credential()))
                .present(List.of(ClaimPath.of("country")), HOLDER, "https://lender.example", "n1", NOW);
        VerifiedSdJwtVc vc = SdJwtVcVerifier.of(IssuerKeyResolver.fixed(ISSUER.publicKey()), CLOCK)
                .verify(presentation.serialize(), Optional.of(KeyBindingChallenge.of("https://lender.example", "n1")));
        assertThat(vc.vct()).isEqualTo(VCT);
        assertThat(vc.issuer()).contains("https://bureau.example");
        assertThat(vc.status().orElseThrow().at("/status_list/uri").asText()).isEqualTo("https://bureau.example/status/1");
        assertThat(vc.claims().get("country").asText()).isEqualTo("DE");
        assertThat(vc.claims().has("kyc_level")).isFalse();
    }

    @Test
    void issuerKeyResolverReceivesIssAndKid() throws Exception {
        String[] seen = new String[2];
        IssuerKeyResolver resolver = (iss, kid) -> {
            seen[0] = iss.orElse(null);
            seen[1] = kid.orElse(null);
            return ISSUER.publicKey();
        };
        SdJwtVcVerifier.of(resolver, CLOCK).verify(issuer().issue(credential()).serialize());
        assertThat(seen).containsExactly("https://bureau.example", "key-1");
    }

    @Test
    void registeredClaimsAreNeverSelectivelyDisclosable() throws Exception {
        for (String name : List.of("iss", "vct", "iat", "exp", "nbf", "cnf", "status")) {
            SdJwtVcCredential bad = SdJwtVcCredential.builder(VCT).disclosable(ClaimPath.of(name)).build();
            SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> issuer().issue(bad));
            assertThat(e.error()).as(name).isEqualTo(SdJwtError.CLAIM_NOT_DISCLOSABLE);
        }
        SdJwtVcCredential sneaky = SdJwtVcCredential.builder(VCT).claims(Json.parseObject("{\"vct\":\"other\"}")).build();
        assertThat(catchThrowableOfType(SdJwtException.class, () -> issuer().issue(sneaky)).error())
                .isEqualTo(SdJwtError.INVALID_DISCLOSURE_SPEC);
    }

    @Test
    void acceptsTheLegacyVcSdJwtTyp() throws Exception {
        SdJwt legacy = SdJwtIssuer.builder(ISSUER).typ("vc+sd-jwt").build().issue(
                Json.parseObject("{\"vct\":\"" + VCT + "\",\"iss\":\"https://bureau.example\",\"given_name\":\"Erika\"}"),
                List.of(ClaimPath.of("given_name")), Optional.empty());
        VerifiedSdJwtVc vc = SdJwtVcVerifier.of(IssuerKeyResolver.fixed(ISSUER.publicKey()), CLOCK).verify(legacy.serialize());
        assertThat(vc.claims().get("given_name").asText()).isEqualTo("Erika");
    }

    @Test
    void rejectsAnSdJwtWithoutVctOrWithTheGenericTyp() throws Exception {
        SdJwtVcVerifier verifier = SdJwtVcVerifier.of(IssuerKeyResolver.fixed(ISSUER.publicKey()), CLOCK);
        SdJwt noVct = SdJwtIssuer.builder(ISSUER).typ("dc+sd-jwt").build()
                .issue(Json.parseObject("{\"iss\":\"x\"}"), List.of(), Optional.empty());
        assertThat(catchThrowableOfType(SdJwtException.class, () -> verifier.verify(noVct.serialize())).error())
                .isEqualTo(SdJwtError.MISSING_CLAIM);
        SdJwt generic = SdJwtIssuer.builder(ISSUER).build()
                .issue(Json.parseObject("{\"vct\":\"" + VCT + "\"}"), List.of(), Optional.empty());
        assertThat(catchThrowableOfType(SdJwtException.class, () -> verifier.verify(generic.serialize())).error())
                .isEqualTo(SdJwtError.WRONG_TYP);
    }

    @Test
    void statusIsCarriedAsAnOpaqueObject() throws Exception {
        SdJwt issued = issuer().issue(credential());
        String payload = new String(Base64.getUrlDecoder().decode(issued.payload()), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"status\":{\"status_list\":{\"idx\":412,\"uri\":\"https://bureau.example/status/1\"}}");
    }
}
