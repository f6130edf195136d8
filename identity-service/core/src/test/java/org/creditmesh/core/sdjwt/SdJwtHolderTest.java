package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.HOLDER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.ISSUER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.NOW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

class SdJwtHolderTest {

    private static SdJwt issued() throws Exception {
        return SdJwtIssuer.builder(ISSUER).decoys(DecoyGen.between(0, 2)).build()
                .issue(SdJwtIssuerTest.claims(), SdJwtIssuerTest.PATHS, Optional.of(HOLDER.publicKey()));
    }

    @Test
    void presentingANestedClaimAlsoPresentsItsEnclosingDisclosures() throws Exception {
        SdJwtHolder holder = SdJwtHolder.of(issued());
        SdJwt presentation = holder.present(List.of(ClaimPath.of("address", "city")));
        assertThat(presentation.disclosures()).extracting(d -> d.name().orElse("")).containsExactlyInAnyOrder("address", "city");
        ObjectNode claims = SdJwtTestKeys.verifier().verify(presentation.serialize()).claims();
        assertThat(claims.get("address")).isEqualTo(Json.parse("{\"city\":\"Berlin\",\"country\":\"DE\"}"));
        assertThat(claims.has("given_name")).isFalse();
    }

    @Test
    void presentingAnArrayElementRevealsOnlyThatElement() throws Exception {
        SdJwt presentation = SdJwtHolder.of(issued()).present(List.of(ClaimPath.of("nationalities", 1)));
        ObjectNode claims = SdJwtTestKeys.verifier().verify(presentation.serialize()).claims();
        assertThat(claims.get("nationalities")).isEqualTo(Json.parse("[\"FR\"]"));
    }

    @Test
    void holderSeesEveryClaimAndTheDisclosablePaths() throws Exception {
        SdJwtHolder holder = SdJwtHolder.of(issued());
        assertThat(holder.claims().get("address").get("street").asText()).isEqualTo("Hauptstr. 1");
        assertThat(holder.disclosablePaths()).containsExactlyInAnyOrderElementsOf(SdJwtIssuerTest.PATHS);
    }

    @Test
    void holderCannotPresentClaimsTheSdJwtDoesNotContain() throws Exception {
        SdJwtHolder holder = SdJwtHolder.of(issued());
        for (ClaimPath path : List.of(ClaimPath.of("income"), ClaimPath.of("address", "zip"), ClaimPath.of("nationalities", 2))) {
            SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> holder.present(List.of(path)));
            assertThat(e.error()).as(path.toString()).isEqualTo(SdJwtError.UNKNOWN_CLAIM_PATH);
        }
    }

    @Test
    void aDisclosureForgedByTheHolderIsRefusedByTheVerifier() throws Exception {
        SdJwt presentation = SdJwtHolder.of(issued()).present(List.of(ClaimPath.of("given_name")));
        List<Disclosure> forged = new ArrayList<>(presentation.disclosures());
        forged.add(Disclosure.objectProperty(SaltProvider.secureRandom().newSalt(), "income_band", Json.toNode("high")));
        SdJwtException e = catchThrowableOfType(SdJwtException.class,
                () -> SdJwtTestKeys.verifier().verify(presentation.withDisclosures(forged).serialize()));
        assertThat(e.error()).isEqualTo(SdJwtError.DISCLOSURE_DIGEST_MISSING);
    }

    @Test
    void keyBindingJwtCarriesTypIatAudNonceAndTheSdHashOfThePresentation() throws Exception {
        SdJwt presentation = SdJwtHolder.of(issued()).present(List.of(ClaimPath.of("given_name")), HOLDER,
                "https://lender.example", "nonce-1", NOW);
        String kb = presentation.keyBindingJwt().orElseThrow();
        assertThat(presentation.serialize()).isEqualTo(presentation.sdHashInput() + kb);
        Jws jws = Jws.parseCompact(kb, SdJwtError.KEY_BINDING_INVALID);
        assertThat(jws.header().get("typ").asText()).isEqualTo("kb+jwt");
        assertThat(jws.header().get("alg").asText()).isEqualTo("ES256");
        assertThat(jws.payload().get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(jws.payload().get("aud").asText()).isEqualTo("https://lender.example");
        assertThat(jws.payload().get("nonce").asText()).isEqualTo("nonce-1");
        assertThat(jws.payload().get("sd_hash").asText())
                .isEqualTo(DisclosureDigest.ofText(presentation.sdHashInput(), HashAlgorithm.SHA_256).value());
        VerifiedSdJwt verified = SdJwtTestKeys.verifier().verify(presentation.serialize(),
                KeyBindingChallenge.of("https://lender.example", "nonce-1"));
        assertThat(verified.keyBindingClaims()).isPresent();
    }

    @Test
    void holderRefusesToBindWithAKeyOtherThanTheCnfKey() throws Exception {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwtHolder.of(issued())
                .present(List.of(), SigningKey.generate(KeyType.P256), "aud", "n", NOW));
        assertThat(e.error()).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
    }
}
