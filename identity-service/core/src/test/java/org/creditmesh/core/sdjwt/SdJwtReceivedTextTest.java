package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.HOLDER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.ISSUER;
import static org.creditmesh.core.sdjwt.SdJwtTestKeys.NOW;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SdJwt#parse} finds the parts of a compact SD-JWT by position and keeps the received bytes, from which the
 * verifier decodes, digests, computes {@code sd_hash} and verifies the issuer's signature in place. These tests
 * hold that to the way it was done before: splitting on {@code ~} and {@code .} (written out below as the
 * reference) and working on copies of the parts, which is still what an SD-JWT built from its parts gets.
 */
class SdJwtReceivedTextTest {

    private static final String AUDIENCE = "https://verifier.example";
    private static final String NONCE = "n-4711";
    private static final Optional<KeyBindingChallenge> CHALLENGE = Optional.of(KeyBindingChallenge.of(AUDIENCE, NONCE));

    private static String presentation() throws Exception {
        SdJwt issued = SdJwtIssuer.builder(ISSUER).build().issue(
                SdJwtIssuerTest.claims().put("exp", NOW.plusSeconds(3600).getEpochSecond()),
                SdJwtIssuerTest.PATHS, Optional.of(HOLDER.publicKey()));
        return SdJwtHolder.of(issued).present(SdJwtIssuerTest.PATHS, HOLDER, AUDIENCE, NONCE, NOW).serialize();
    }

    private static SdJwt fromParts(SdJwt parsed) {
        return new SdJwt(parsed.payload(), parsed.signatures(), parsed.disclosures(), parsed.keyBindingJwt());
    }

    @Test
    @DisplayName("read in place, a presentation has the same digests, sd_hash and verified result as one built from its parts")
    void inPlaceEqualsFromParts() throws Exception {
        SdJwt parsed = SdJwt.parse(presentation());
        SdJwt rebuilt = fromParts(parsed);
        for (HashAlgorithm alg : HashAlgorithm.values()) {
            assertThat(parsed.disclosureDigests(alg)).isEqualTo(rebuilt.disclosureDigests(alg));
            List<DisclosureDigest> each = new ArrayList<>();
            parsed.disclosures().forEach(d -> each.add(d.digest(alg)));
            assertThat(parsed.disclosureDigests(alg)).isEqualTo(each);
            assertThat(KeyBinding.sdHash(parsed, alg)).isEqualTo(KeyBinding.sdHash(rebuilt, alg))
                    .isEqualTo(DisclosureDigest.ofText(parsed.sdHashInput(), alg).value());
        }
        VerifiedSdJwt inPlace = SdJwtTestKeys.verifier().verify(parsed, CHALLENGE);
        assertThat(inPlace).isEqualTo(SdJwtTestKeys.verifier().verify(rebuilt, CHALLENGE));
        assertThat(inPlace.disclosedPaths()).hasSize(SdJwtIssuerTest.PATHS.size());
    }

    @Test
    @DisplayName("on 10,000 mutated presentations, parsing gives the parts or the refusal of splitting, and verifying the outcome of the parts")
    void mutatedTextsAgreeWithSplitting() throws Exception {
        String text = presentation();
        String[] pieces = {"~", ".", "=", "-", "_", "A", "0", " ", "\u00e9", "\ud83d\ude00", "\ud83d", "\u0000", "~~", ".."};
        Random random = new Random(20261206);
        int verified = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder(text);
            for (int edits = 1 + random.nextInt(3); edits > 0 && sb.length() > 0; edits--) {
                // Half the edits land next to a separator, where the part boundaries are decided.
                int at = random.nextInt(sb.length());
                if (random.nextBoolean()) {
                    int sep = sb.indexOf(random.nextBoolean() ? "~" : ".", at);
                    at = sep < 0 ? at : Math.min(sb.length() - 1, sep + random.nextInt(3) - 1);
                }
                String piece = pieces[random.nextInt(pieces.length)];
                switch (random.nextInt(3)) {
                    case 0 -> sb.replace(at, at + 1, piece);
                    case 1 -> sb.insert(at, piece);
                    default -> sb.deleteCharAt(at);
                }
            }
            String mutated = sb.toString();
            if (mutated.strip().startsWith("{") || mutated.isBlank()) {
                continue;
            }
            String expected = reference(mutated);
            SdJwt parsed;
            try {
                parsed = SdJwt.parse(mutated);
            } catch (SdJwtException e) {
                assertThat("refused " + e.error()).as(mutated).isEqualTo(expected);
                continue;
            }
            assertThat(describe(parsed)).as(mutated).isEqualTo(expected);
            if (i % 4 == 0) {
                assertThat(verification(parsed)).as(mutated).isEqualTo(verification(fromParts(parsed)));
                verified++;
            }
        }
        assertThat(verified).as("mutations that still parse and were verified both ways").isGreaterThan(50);
    }

    private static String verification(SdJwt sdJwt) {
        try {
            return "verified " + SdJwtTestKeys.verifier().verify(sdJwt, CHALLENGE);
        } catch (SdJwtException e) {
            return "refused " + e.error();
        }
    }

    private static String describe(SdJwt sdJwt) {
        List<String> encoded = new ArrayList<>();
        sdJwt.disclosures().forEach(d -> encoded.add(d.encoded()));
        return "parts " + sdJwt.signatures() + " " + sdJwt.payload() + " " + encoded + " " + sdJwt.keyBindingJwt();
    }

    /** The compact parser as it was before (String.split on '~' and '.'), as the parts or the refusal. */
    private static String reference(String serialized) {
        try {
            if (serialized.length() > SdJwtLimits.DEFAULT.maxBytes()) {
                throw new SdJwtException(SdJwtError.INPUT_TOO_LARGE, "too large");
            }
            String text = serialized.strip();
            String[] parts = text.split("~", -1);
            if (parts.length < 2) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "no ~");
            }
            if (parts.length - 2 > SdJwtLimits.DEFAULT.maxDisclosures()) {
                throw new SdJwtException(SdJwtError.TOO_MANY_DISCLOSURES, "too many");
            }
            String[] jws = parts[0].split("\\.", -1);
            if (jws.length != 3 || jws[0].isEmpty() || jws[1].isEmpty()) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "not a JWS");
            }
            String last = parts[parts.length - 1];
            if (!last.isEmpty() && last.split("\\.", -1).length != 3) {
                throw new SdJwtException(SdJwtError.MALFORMED_SD_JWT, "bad last part");
            }
            List<Disclosure> disclosures = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < parts.length - 1; i++) {
                if (!seen.add(parts[i])) {
                    throw new SdJwtException(SdJwtError.DUPLICATE_DISCLOSURE, "twice");
                }
                disclosures.add(Disclosure.parse(parts[i]));
            }
            return describe(new SdJwt(jws[1], List.of(new SdJwt.Signature(jws[0], jws[2])), disclosures,
                    last.isEmpty() ? Optional.empty() : Optional.of(last)));
        } catch (SdJwtException e) {
            return "refused " + e.error();
        }
    }
}
