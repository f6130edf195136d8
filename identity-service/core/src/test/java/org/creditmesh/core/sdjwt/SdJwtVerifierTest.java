package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.HOLDER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.ISSUER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.NOW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

class SdJwtVerifierTest {

    private static SdJwt issued() throws Exception {
        return SdJwtIssuer.builder(ISSUER).build().issue(
                SdJwtIssuerTest.claims().put("exp", NOW.plusSeconds(3600).getEpochSecond()),
                SdJwtIssuerTest.PATHS, Optional.of(HOLDER.publicKey()));
    }

    private static SdJwtError failure(SdJwtVerifier verifier, String input, Optional<KeyBindingChallenge> kb) {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> verifier.verify(SdJwt.parse(input), kb));
        assertThat(e).as("refused").isNotNull();
        return e.error();
    }

    @Test
    void returnsTheProcessedClaimsWithoutSdSdAlgOrEllipsis() throws Exception {
        SdJwt all = issued();
        VerifiedSdJwt verified = SdJwtTestKeys.verifier().verify(all.serialize());
        String json = Json.write(verified.claims());
        assertThat(json).doesNotContain("\"_sd\"", "_sd_alg", "\"...\"");
        assertThat(verified.claims().get("address")).isEqualTo(SdJwtIssuerTest.claims().get("address"));
        assertThat(verified.disclosedPaths()).containsExactlyInAnyOrderElementsOf(SdJwtIssuerTest.PATHS);
    }

    @Test
    void rejectsAnIssuerJwtSignedByAnotherKey() throws Exception {
        SdJwtVerifier other = SdJwtVerifier.builder(IssuerKeyResolver.fixed(SigningKey.generate(KeyType.ED25519).publicKey()))
                .clock(SdJwtTestKeys.CLOCK).build();
        assertThat(failure(other, issued().serialize(), Optional.empty())).isEqualTo(SdJwtError.INVALID_SIGNATURE);
    }

    @Test
    void checksExpiryAgainstTheInjectedClock() throws Exception {
        SdJwtVerifier later = SdJwtVerifier.builder(IssuerKeyResolver.fixed(ISSUER.publicKey()))
                .clock(Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC)).build();
        assertThat(failure(later, issued().serialize(), Optional.empty())).isEqualTo(SdJwtError.EXPIRED);
    }

    @Test
    void rejectsAnUnexpectedTyp() throws Exception {
        SdJwtVerifier dc = SdJwtVerifier.builder(IssuerKeyResolver.fixed(ISSUER.publicKey())).clock(SdJwtTestKeys.CLOCK)
                .acceptedTyps(Set.of("dc+sd-jwt")).build();
        assertThat(failure(dc, issued().serialize(), Optional.empty())).isEqualTo(SdJwtError.WRONG_TYP);
    }

    @Test
    void requiresAKeyBindingJwtWhenAChallengeIsGiven() throws Exception {
        assertThat(failure(SdJwtTestKeys.verifier(), issued().serialize(), Optional.of(KeyBindingChallenge.of("a", "n"))))
                .isEqualTo(SdJwtError.KEY_BINDING_REQUIRED);
    }

    @Test
    void rejectsAKeyBindingJwtOutsideTheFreshnessWindow() throws Exception {
        SdJwt old = SdJwtHolder.of(issued()).present(List.of(), HOLDER, "a", "n", NOW.minusSeconds(3600));
        assertThat(failure(SdJwtTestKeys.verifier(), old.serialize(), Optional.of(KeyBindingChallenge.of("a", "n"))))
                .isEqualTo(SdJwtError.KEY_BINDING_NOT_FRESH);
        SdJwt future = SdJwtHolder.of(issued()).present(List.of(), HOLDER, "a", "n", NOW.plusSeconds(3600));
        assertThat(failure(SdJwtTestKeys.verifier(), future.serialize(), Optional.of(KeyBindingChallenge.of("a", "n"))))
                .isEqualTo(SdJwtError.KEY_BINDING_NOT_FRESH);
    }

    @Test
    void rejectsAKeyBindingJwtMovedToAnotherPresentation() throws Exception {
        SdJwtHolder holder = SdJwtHolder.of(issued());
        SdJwt first = holder.present(List.of(ClaimPath.of("given_name")), HOLDER, "a", "n", NOW);
        SdJwt other = holder.present(List.of(ClaimPath.of("family_name"))).withKeyBinding(first.keyBindingJwt().orElseThrow());
        assertThat(failure(SdJwtTestKeys.verifier(), other.serialize(), Optional.of(KeyBindingChallenge.of("a", "n"))))
                .isEqualTo(SdJwtError.SD_HASH_MISMATCH);
    }

    @Test
    void refusesInputsBeyondTheSizeLimits() throws Exception {
        String serialized = issued().serialize();
        SdJwtException tooLong = catchThrowableOfType(SdJwtException.class,
                () -> SdJwt.parse(serialized, new SdJwtLimits(100, 10)));
        assertThat(tooLong.error()).isEqualTo(SdJwtError.INPUT_TOO_LARGE);
        SdJwtException tooMany = catchThrowableOfType(SdJwtException.class,
                () -> SdJwt.parse(serialized, new SdJwtLimits(1 << 20, 2)));
        assertThat(tooMany.error()).isEqualTo(SdJwtError.TOO_MANY_DISCLOSURES);
    }

    @Test
    void comparesTypAsACaseInsensitiveMediaTypeWithOptionalApplicationPrefix() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).typ("application/Example+SD-JWT").build()
                .issue(SdJwtIssuerTest.claims(), List.of(), Optional.empty());
        assertThat(SdJwtTestKeys.verifier().verify(issued.serialize()).claims().get("given_name").asText()).isEqualTo("Erika");
    }

    @Test
    void refusesAnSdJwtWhoseLastPartIsNeitherEmptyNorAJwt() throws Exception {
        String serialized = issued().serialize();
        String withoutFinalTilde = serialized.substring(0, serialized.length() - 1);
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwt.parse(withoutFinalTilde));
        assertThat(e.error()).isEqualTo(SdJwtError.MALFORMED_SD_JWT);
    }

    @Test
    void refusesAChainOfRecursiveDisclosuresNestedBeyondTheDepthLimit() throws Exception {
        // Each disclosure is shallow, but the chain of 70 nested disclosures nests the claims 70 levels deep.
        ObjectNode claims = Json.mapper().createObjectNode();
        ObjectNode level = claims;
        List<ClaimPath> paths = new java.util.ArrayList<>();
        ClaimPath path = ClaimPath.root();
        for (int i = 0; i < 70; i++) {
            level = level.putObject("n");
            path = path.member("n");
            paths.add(path);
        }
        SdJwt deep = SdJwtIssuer.builder(ISSUER).build().issue(claims, paths, Optional.empty());
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwtTestKeys.verifier().verify(deep.serialize()));
        assertThat(e.error()).isEqualTo(SdJwtError.INPUT_TOO_LARGE);
    }

    @Test
    void refusesAPlainJwtWithoutTilde() throws Exception {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> SdJwt.parse(issued().issuerSignedJwt()));
        assertThat(e.error()).isEqualTo(SdJwtError.MALFORMED_SD_JWT);
    }
}
