package org.creditmesh.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.ClaimPaths;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.status.StatusError;
import org.creditmesh.core.trust.StaticTrustList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue a CreditMesh KYC credential in each securing format, present it, verify it, revoke it: the
 * unified verifier must report every check, pass the genuine article and fail each forgery with the
 * right stable code.
 */
class CredentialVerifierRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String LIST_URL = "https://status.bureau.example/lists/1";
    private static final Challenge CHALLENGE = new Challenge("n-0S6_WzA2Mj", "https://lender.example");

    private final SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);
    private final SigningKey holderKey = SigningKey.generate(KeyType.ED25519);
    private final CredentialIssuer issuer = new CredentialIssuer(issuerKey);
    private final StatusListPublisher lists = new StatusListPublisher(issuer, CLOCK);
    private final Map<String, String> published = new HashMap<>();

    @BeforeEach
    void publishAnEmptyStatusList() throws Exception {
        published.put(LIST_URL, lists.create(LIST_URL, "revocation"));
    }

    private ObjectNode kyc(boolean withStatus) throws IOException, CreditMeshException {
        try (InputStream in = getClass().getResourceAsStream("/roundtrip/kyc-unsigned.json")) {
            ObjectNode credential = Json.parseObject(in.readAllBytes());
            ((ObjectNode) credential.get("credentialSubject")).put("id", DidKey.create(holderKey.publicKey()).toString());
            if (withStatus) {
                credential.set("credentialStatus", StatusListPublisher.entry(LIST_URL, "revocation", 4711));
            }
            return credential;
        }
    }

    private CredentialVerifier.Builder verifier() {
        return CredentialVerifier.builder().clock(CLOCK).statusFetcher(url -> {
            String list = published.get(url);
            if (list == null) {
                throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "no list at " + url);
            }
            return list;
        });
    }

    private String issue(SecuringFormat format) throws Exception {
        return issuer.issue(kyc(format != SecuringFormat.SD_JWT), format, CredentialIssuer.Options.defaults()
                .withClock(CLOCK)
                .withHolderKey(holderKey.publicKey())
                .withDisclosable(format == SecuringFormat.SD_JWT
                        ? ClaimPaths.parseAll(List.of("ageBand", "countryOfResidence", "employment", "financialProfile"))
                        : List.of()));
    }

    @ParameterizedTest
    @EnumSource(SecuringFormat.class)
    void aGenuineCredentialPassesEveryCheckThatApplies(SecuringFormat format) throws Exception {
        VerificationReport report = verifier().build().verify(issue(format));

        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
        assertThat(report.format()).contains(format);
        assertThat(report.issuer()).contains(issuer.issuer());
        assertThat(report.check(Check.SIGNATURE).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(report.check(Check.VALIDITY_PERIOD).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(report.check(Check.ISSUER_TRUST).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
        if (format != SecuringFormat.SD_JWT) {
            assertThat(report.check(Check.STATUS).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
            assertThat(report.check(Check.SCHEMA).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        }
    }

    /**
     * Remembered status lists: a verified list is reused by later verifiers, a revocation (new list bytes) is seen at
     * once, a list that does not verify is never remembered, and another issuer's list is refused even when cached.
     */
    @Test
    void verifiedStatusListsAreRememberedByContentAndARevocationIsSeenAtOnce() throws Exception {
        org.creditmesh.core.status.VerifiedStatusLists remembered =
                new org.creditmesh.core.status.VerifiedStatusLists(java.time.Duration.ofMinutes(1), 16, CLOCK);
        String credential = issue(SecuringFormat.JOSE);
        assertThat(verifier().verifiedStatusLists(remembered).build().verify(credential).verified()).isTrue();
        assertThat(remembered.size()).isEqualTo(1);
        assertThat(verifier().verifiedStatusLists(remembered).build().verify(credential).verified()).isTrue();
        assertThat(remembered.size()).isEqualTo(1);

        published.put(LIST_URL, lists.update(published.get(LIST_URL), 4711, true));
        VerificationReport revoked = verifier().verifiedStatusLists(remembered).build().verify(credential);
        assertThat(revoked.failures()).extracting(f -> f.code()).contains("revoked");
        assertThat(remembered.size()).isEqualTo(2);

        // A list with a broken proof: refused, and not remembered.
        String tampered = published.get(LIST_URL).replace("\"revocation\"", "\"suspension\"");
        published.put(LIST_URL, tampered);
        VerificationReport broken = verifier().verifiedStatusLists(remembered).build().verify(credential);
        assertThat(broken.failures()).extracting(f -> f.code()).contains("status_unavailable");
        assertThat(remembered.size()).isEqualTo(2);

        // Another issuer's list at the same URL, remembered as verified for that issuer: still not this credential's.
        String impostorList = new StatusListPublisher(new CredentialIssuer(SigningKey.generate(KeyType.ED25519)), CLOCK)
                .create(LIST_URL, "revocation");
        published.put(LIST_URL, impostorList);
        verifier().verifiedStatusLists(remembered).build().verify(credential);
        VerificationReport other = verifier().verifiedStatusLists(remembered).build().verify(credential);
        assertThat(other.failures()).extracting(f -> f.code()).contains("status_unavailable");
    }

    @Test
    void rememberedStatusListsExpireAndTheLeastRecentlyUsedIsDroppedWhenFull() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var remembered = new org.creditmesh.core.status.VerifiedStatusLists(java.time.Duration.ofSeconds(60), 2, moving);
        var verified = new org.creditmesh.core.status.VerifiedStatusLists.Verified("did:example:i", Json.mapper().createObjectNode());
        remembered.put("a", verified);
        remembered.put("b", verified);
        assertThat(remembered.get("a")).isPresent();
        remembered.put("c", verified);
        assertThat(remembered.get("b")).as("least recently used").isEmpty();
        assertThat(remembered.get("a")).isPresent();
        now.set(NOW.plusSeconds(60));
        assertThat(remembered.get("a")).as("expired").isEmpty();
        assertThat(remembered.get("c")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"JOSE", "DATA_INTEGRITY"})
    void aRevokedCredentialFailsWithRevoked(SecuringFormat format) throws Exception {
        String credential = issue(format);
        published.put(LIST_URL, lists.update(published.get(LIST_URL), 4711, true));

        VerificationReport report = verifier().build().verify(credential);

        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).containsExactly(VerificationFailure.REVOKED);
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"JOSE", "DATA_INTEGRITY"})
    void aCredentialWithAStatusEntryFailsWhenNoStatusListCanBeRead(SecuringFormat format) throws Exception {
        VerificationReport report = CredentialVerifier.builder().clock(CLOCK).build().verify(issue(format));

        assertThat(report.failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"JOSE", "DATA_INTEGRITY"})
    void aStatusListSignedByAnotherIssuerIsNotBelieved(SecuringFormat format) throws Exception {
        String credential = issue(format);
        CredentialIssuer impostor = new CredentialIssuer(SigningKey.generate(KeyType.ED25519));
        published.put(LIST_URL, new StatusListPublisher(impostor, CLOCK).create(LIST_URL, "revocation"));

        assertThat(verifier().build().verify(credential).failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
    }

    @Test
    void aTamperedDataIntegrityCredentialFailsTheSignatureCheckAndNothingAfterItIsEvaluated() throws Exception {
        String tampered = issue(SecuringFormat.DATA_INTEGRITY).replace("\"35-44\"", "\"45-54\"");

        VerificationReport report = verifier().build().verify(tampered);

        assertThat(report.failures()).containsExactly(VerificationFailure.SIGNATURE);
        assertThat(report.check(Check.STATUS).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
    }

    @Test
    void aTamperedVcJwtFailsTheSignatureCheck() throws Exception {
        String jwt = issue(SecuringFormat.JOSE);
        String[] parts = jwt.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("35-44", "45-54");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(verifier().build().verify(forged).failures()).containsExactly(VerificationFailure.SIGNATURE);
    }

    @Test
    void aDataIntegrityProofByAKeyThatIsNotTheIssuersIsRefused() throws Exception {
        SigningKey other = SigningKey.generate(KeyType.ED25519);
        ObjectNode credential = kyc(false);
        credential.put("issuer", issuer.issuer());
        String signedByOther = new CredentialIssuer(other, issuer.issuer(),
                DidKey.create(other.publicKey()) + "#" + other.publicKey().toMultikey())
                .issue(credential, SecuringFormat.DATA_INTEGRITY, CredentialIssuer.Options.defaults().withClock(CLOCK));

        assertThat(verifier().build().verify(signedByOther).failures()).containsExactly(VerificationFailure.KEY_NOT_RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(SecuringFormat.class)
    void anExpiredCredentialFailsTheValidityPeriod(SecuringFormat format) throws Exception {
        String credential = issue(format);
        Clock later = Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC);

        VerificationReport report = verifier().clock(later).build().verify(credential);

        assertThat(report.failures()).contains(VerificationFailure.EXPIRED);
    }

    @ParameterizedTest
    @EnumSource(SecuringFormat.class)
    void theTrustPolicyDecidesWhetherTheIssuerIsAccredited(SecuringFormat format) throws Exception {
        String credential = issue(format);
        Set<String> types = Set.of(format == SecuringFormat.SD_JWT ? CredentialIssuer.VCT_PREFIX + "KycCredential" : "KycCredential");
        var accredited = new StaticTrustList(List.of(new StaticTrustList.Accreditation(issuer.issuer(), types,
                Instant.parse("2025-01-01T00:00:00Z"), null)));
        var accreditedLater = new StaticTrustList(List.of(new StaticTrustList.Accreditation(issuer.issuer(), types,
                Instant.parse("2026-02-01T00:00:00Z"), null)));

        assertThat(verifier().trustPolicy(accredited).build().verify(credential).verified()).isTrue();
        assertThat(verifier().trustPolicy(accreditedLater).build().verify(credential).failures())
                .as("accredited only after the credential's validFrom").containsExactly(VerificationFailure.UNTRUSTED_ISSUER);
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"JOSE", "DATA_INTEGRITY"})
    void withoutValidFromTheTrustPolicyIsAskedAtTheSigningTime(SecuringFormat format) throws Exception {
        // validFrom is optional in VCDM 2.0: the accreditation is then checked at the vc+jwt's iat (VC-JOSE-COSE
        // section 3.1.3) or the Data Integrity proof's created.
        ObjectNode unsigned = kyc(false);
        unsigned.remove("validFrom");
        unsigned.put("issuer", issuer.issuer());
        Instant signedAt = Instant.parse("2026-02-10T08:00:00Z");
        Clock signing = Clock.fixed(signedAt, ZoneOffset.UTC);
        var credential = org.creditmesh.core.credential.Credential.from(unsigned,
                new org.creditmesh.core.credential.DataModelValidator(org.creditmesh.core.jsonld.ContextRegistry::isKnown));
        String secured = format == SecuringFormat.JOSE
                ? new org.creditmesh.core.jose.VcJwtIssuer(issuerKey, issuer.verificationMethod()).withIssuedAt(signing).issue(credential)
                : Json.write(new org.creditmesh.core.dataintegrity.DataIntegritySigner(issuerKey).sign(unsigned,
                        org.creditmesh.core.dataintegrity.ProofOptions.assertion(issuer.verificationMethod(), signedAt)));
        List<Instant> askedAt = new java.util.ArrayList<>();
        VerificationReport report = verifier().trustPolicy((who, types, at) -> {
            askedAt.add(at);
            return new org.creditmesh.core.trust.TrustDecision.Trusted("test");
        }).build().verify(secured);

        // (The KYC schema itself requires validFrom: only the signature and trust checks matter here.)
        assertThat(report.check(Check.SIGNATURE).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(report.check(Check.ISSUER_TRUST).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(askedAt).containsExactly(signedAt);
    }

    @ParameterizedTest
    @EnumSource(SecuringFormat.class)
    void aPresentationBoundToTheVerifiersChallengeVerifiesAndAReplayElsewhereDoesNot(SecuringFormat format) throws Exception {
        CredentialPresenter holder = new CredentialPresenter(holderKey, CLOCK);
        String presentation = holder.present(issue(format),
                format == SecuringFormat.SD_JWT ? ClaimPaths.parseAll(List.of("ageBand")) : List.of(), CHALLENGE);

        VerificationReport report = verifier().challenge(CHALLENGE).build().verify(presentation);
        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
        assertThat(report.check(Check.HOLDER_BINDING).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.PASSED);

        VerificationReport replayed = verifier().challenge(new Challenge("another-nonce", "https://lender.example"))
                .build().verify(presentation);
        assertThat(replayed.failures()).containsExactly(VerificationFailure.HOLDER_BINDING);
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"JOSE", "DATA_INTEGRITY"})
    void aHolderCannotPresentSomeoneElsesCredential(SecuringFormat format) throws Exception {
        String credential = issue(format);
        CredentialPresenter thief = new CredentialPresenter(SigningKey.generate(KeyType.ED25519), CLOCK);
        String presentation = thief.present(credential, List.of(), CHALLENGE);

        assertThat(verifier().challenge(CHALLENGE).build().verify(presentation).failures())
                .contains(VerificationFailure.HOLDER_BINDING);
    }

    @Test
    void anSdJwtPresentationRevealsOnlyTheChosenClaims() throws Exception {
        String presentation = new CredentialPresenter(holderKey, CLOCK)
                .present(issue(SecuringFormat.SD_JWT), ClaimPaths.parseAll(List.of("ageBand")), CHALLENGE);

        ObjectNode claims = verifier().challenge(CHALLENGE).build().verify(presentation).claims().orElseThrow();

        assertThat(claims.get("ageBand").asText()).isEqualTo("35-44");
        assertThat(claims.has("countryOfResidence")).isFalse();
        assertThat(claims.has("financialProfile")).isFalse();
        assertThat(claims.get("identityVerified").asBoolean()).as("not disclosable, always shown").isTrue();
    }

    @Test
    void inputInNoKnownFormatIsRefusedAsUnsupported() {
        assertThat(verifier().build().verify("hello").failures()).containsExactly(VerificationFailure.UNSUPPORTED_FORMAT);
        assertThat(verifier().build().verify("{not json").failures()).containsExactly(VerificationFailure.MALFORMED);
    }
}
