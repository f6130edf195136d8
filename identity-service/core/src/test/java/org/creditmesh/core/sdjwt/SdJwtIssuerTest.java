package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.HOLDER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.ISSUER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;

class SdJwtIssuerTest {

    static ObjectNode claims() throws Exception {
        return Json.parseObject("""
                {"iss":"https://bureau.example","iat":1772366400,"given_name":"Erika","family_name":"Mustermann",
                 "address":{"street":"Hauptstr. 1","city":"Berlin","country":"DE"},
                 "nationalities":["DE","FR"]}""");
    }

    static final List<ClaimPath> PATHS = List.of(ClaimPath.of("given_name"), ClaimPath.of("family_name"),
            ClaimPath.of("address"), ClaimPath.of("address", "street"), ClaimPath.of("address", "city"),
            ClaimPath.of("nationalities", 0), ClaimPath.of("nationalities", 1));

    static ObjectNode payload(SdJwt sdJwt) throws Exception {
        return Json.parseObject(Base64.getUrlDecoder().decode(sdJwt.payload()));
    }

    @Test
    void decoysArePresentSortedAndIndistinguishableInLengthFromRealDigests() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).decoys(DecoyGen.exactly(3)).build()
                .issue(claims(), PATHS, Optional.empty());
        ObjectNode payload = payload(issued);
        List<String> sd = new ArrayList<>();
        payload.get("_sd").forEach(d -> sd.add(d.asText()));
        assertThat(sd).hasSize(3 + 3); // given_name, family_name, address + 3 decoys
        assertThat(sd).isSorted();
        assertThat(sd).allSatisfy(d -> assertThat(d).hasSize(43).matches("[A-Za-z0-9_-]+"));
        assertThat(payload.get("nationalities")).hasSize(2 + 3);
        payload.get("nationalities").forEach(e -> assertThat(e.get("...").asText()).hasSize(43));
        // Decoys are ignored by the verifier: everything still comes back.
        VerifiedSdJwt verified = SdJwtTestKeys.verifier().verify(issued.serialize());
        assertThat(verified.claims().get("nationalities")).isEqualTo(Json.parse("[\"DE\",\"FR\"]"));
        assertThat(verified.claims().get("address")).isEqualTo(claims().get("address"));
    }

    @Test
    void payloadHasSdAlgAndCnfWithTheHolderJwkAndNoClearTextOfDisclosableClaims() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).build().issue(claims(), PATHS, Optional.of(HOLDER.publicKey()));
        ObjectNode payload = payload(issued);
        assertThat(payload.get("_sd_alg").asText()).isEqualTo("sha-256");
        assertThat(payload.at("/cnf/jwk")).isEqualTo(Json.toNode(HOLDER.publicKey().toJwk().toJSONObject()));
        assertThat(payload.has("given_name")).isFalse();
        assertThat(Json.write(payload)).doesNotContain("Erika", "Hauptstr", "Berlin");
        assertThat(issued.disclosures()).hasSize(PATHS.size());
        ObjectNode header = Json.parseObject(Base64.getUrlDecoder().decode(issued.signatures().getFirst().protectedHeader()));
        assertThat(header.get("typ").asText()).isEqualTo("example+sd-jwt");
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(issued.serialize()).endsWith("~").contains(issued.disclosures().getFirst().encoded());
    }

    @Test
    void recursiveDisclosuresNestTheInnerDigestsInTheOuterDisclosure() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).build().issue(claims(), PATHS, Optional.empty());
        Disclosure address = issued.disclosures().stream().filter(d -> d.name().equals(Optional.of("address"))).findFirst().orElseThrow();
        JsonNode value = address.value();
        assertThat(value.has("street")).isFalse();
        assertThat(value.get("country").asText()).isEqualTo("DE");
        assertThat(value.get("_sd")).hasSize(2);
        Disclosure street = issued.disclosures().stream().filter(d -> d.name().equals(Optional.of("street"))).findFirst().orElseThrow();
        assertThat(Json.write(value.get("_sd"))).contains(street.digest(HashAlgorithm.SHA_256).value());
    }

    @Test
    void disclosuresAreTheBase64UrlOfTheExactJsonArray() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).saltProvider(() -> "fixed-salt-0123456789").build()
                .issue(Json.parseObject("{\"a\":\"ü\"}"), List.of(ClaimPath.of("a")), Optional.empty());
        String json = new String(Base64.getUrlDecoder().decode(issued.disclosures().getFirst().encoded()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[\"fixed-salt-0123456789\",\"a\",\"ü\"]");
        assertThat(payload(issued).get("_sd").get(0).asText())
                .isEqualTo(DisclosureDigest.ofText(issued.disclosures().getFirst().encoded(), HashAlgorithm.SHA_256).value());
    }

    @Test
    void compactSerializationRoundTrips() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).build().issue(claims(), PATHS, Optional.empty());
        assertThat(SdJwt.parse(issued.serialize())).isEqualTo(issued);
        assertThat(SdJwt.parse(issued.serialize()).serialize()).isEqualTo(issued.serialize());
    }

    @Test
    void refusesASpecPathThatIsNotInTheClaims() {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwtIssuer.builder(ISSUER).build()
                .issue(claims(), List.of(ClaimPath.of("address", "zip")), Optional.empty()));
        assertThat(e.error()).isEqualTo(SdJwtError.INVALID_DISCLOSURE_SPEC);
    }

    @Test
    void refusesClaimsThatUseTheReservedNames() {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwtIssuer.builder(ISSUER).build()
                .issue(Json.parseObject("{\"x\":{\"_sd\":[]}}"), List.of(), Optional.empty()));
        assertThat(e.error()).isEqualTo(SdJwtError.INVALID_DISCLOSURE_SPEC);
    }

    @Test
    void generalJsonSerializationCarriesEverySignatureAndParsesBack() throws Exception {
        org.creditmesh.core.keys.SigningKey second = org.creditmesh.core.keys.SigningKey.generate(org.creditmesh.core.keys.KeyType.P256);
        SdJwt issued = SdJwtIssuer.builder(ISSUER, "k1").additionalSigner(second, "k2").build()
                .issue(claims(), PATHS, Optional.empty());
        SdJwt parsed = SdJwt.parse(issued.serializeGeneralJson());
        assertThat(parsed).isEqualTo(issued);
        assertThat(parsed.signatures()).hasSize(2);
        assertThat(SdJwt.parse(issued.serializeFlattenedJson()).issuerSignedJwt()).isEqualTo(issued.issuerSignedJwt());
        VerifiedSdJwt verified = SdJwtVerifier.builder(IssuerKeyResolver.byKid(java.util.Map.of("k1", ISSUER.publicKey(),
                "k2", second.publicKey()))).clock(SdJwtTestKeys.CLOCK).build().verify(issued.serializeGeneralJson());
        assertThat(verified.claims().get("given_name").asText()).isEqualTo("Erika");
    }
}
