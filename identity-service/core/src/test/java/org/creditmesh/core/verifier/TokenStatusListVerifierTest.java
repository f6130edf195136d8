package org.creditmesh.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.IssuerError;
import org.creditmesh.core.issuer.IssuerException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.status.token.StatusListTokenFetcher;
import org.creditmesh.core.status.token.StatusListTokenIssuer;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SD-JWT VCs with a Token Status List reference (draft-ietf-oauth-status-list-20 sections 6.2 and 8.3) through
 * {@link CredentialIssuer} and {@link CredentialVerifier}: the Status List Token is signed by the credential's
 * issuer, and the same credential turns revoked or suspended when its entry changes and the list is re-signed.
 */
class TokenStatusListVerifierTest {

    static final String URI = "https://bureau.example/tsl/1";
    static final int IDX = 7;
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private final SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);
    private final CredentialIssuer issuer = new CredentialIssuer(issuerKey);
    private final AtomicReference<String> served = new AtomicReference<>();
    private final List<String> fetched = new ArrayList<>();
    private final StatusListTokenFetcher fetcher = uri -> {
        fetched.add(uri);
        return served.get();
    };
    private TokenStatusList list;
    private String credential;

    static ObjectNode unsigned() throws Exception {
        return Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"],
                 "type": ["VerifiableCredential", "KycCredential"],
                 "credentialSubject": {"id": "did:example:borrower", "kycLevel": "high", "country": "DE"}}""");
    }

    @BeforeEach
    void issueACredentialWithAStatusEntry() throws Exception {
        credential = issuer.issue(unsigned(), SecuringFormat.SD_JWT, CredentialIssuer.Options.defaults()
                .withClock(CLOCK).withTokenStatus(new StatusReference(IDX, URI)));
        list = TokenStatusList.create(1024, 2);
        publish(list);
    }

    /** Signs {@code current} with the issuer's key and serves it at {@link #URI}, as a status issuer would. */
    private void publish(TokenStatusList current) throws Exception {
        served.set(StatusListTokenIssuer.builder(issuerKey, issuer.verificationMethod()).issuer(issuer.issuer())
                .validity(Duration.ofDays(1)).timeToLive(Duration.ofHours(1)).clock(CLOCK).build()
                .issue(URI, current).compact());
    }

    private CredentialVerifier verifier() {
        return CredentialVerifier.builder().tokenStatusFetcher(fetcher).clock(CLOCK).build();
    }

    private static CheckResult status(VerificationReport report) {
        return report.check(Check.STATUS).orElseThrow();
    }

    @Test
    void theIssuedSdJwtVcCarriesTheStatusReferenceInTheClear() {
        VerificationReport report = verifier().verify(credential);
        ObjectNode status = (ObjectNode) report.claims().orElseThrow().get("status");
        assertThat(Json.write(status)).isEqualTo("{\"status_list\":{\"idx\":7,\"uri\":\"" + URI + "\"}}");
    }

    @Test
    void aCredentialWhoseEntryIsValidVerifies() {
        VerificationReport report = verifier().verify(credential);
        assertThat(report.verified()).as(report.failures().toString()).isTrue();
        assertThat(status(report).outcome()).isEqualTo(CheckResult.Outcome.PASSED);
        assertThat(fetched).containsExactly(URI);
    }

    @Test
    void theSameCredentialIsRevokedOnceItsEntryIsSetToInvalidAndTheListReSigned() throws Exception {
        assertThat(verifier().verify(credential).verified()).isTrue();
        publish(list.with(IDX, 0x01));
        VerificationReport report = verifier().verify(credential);
        assertThat(report.verified()).isFalse();
        assertThat(report.failures()).containsExactly(VerificationFailure.REVOKED);
        assertThat(status(report).failure()).contains(VerificationFailure.REVOKED);
    }

    @Test
    void theSameCredentialIsSuspendedOnceItsEntryIsSetToSuspendedAndTheListReSigned() throws Exception {
        publish(list.with(IDX, 0x02));
        assertThat(verifier().verify(credential).failures()).containsExactly(VerificationFailure.SUSPENDED);
        publish(list.with(IDX, 0x00));
        assertThat(verifier().verify(credential).verified()).isTrue();
    }

    @Test
    void anApplicationSpecificStatusIsNeitherRevocationNorSuspension() throws Exception {
        publish(list.with(IDX, 0x03));
        VerificationReport report = verifier().verify(credential);
        assertThat(report.verified()).isTrue();
        assertThat(status(report).detail()).contains("APPLICATION_SPECIFIC");
    }

    @Test
    void revokingAnotherEntryLeavesThisCredentialValid() throws Exception {
        publish(list.with(IDX + 1, 0x01).with(IDX - 1, 0x01));
        assertThat(verifier().verify(credential).verified()).isTrue();
    }

    @Test
    void withoutATokenStatusSourceTheStatusIsUnavailable() {
        VerificationReport report = CredentialVerifier.builder().clock(CLOCK).build().verify(credential);
        assertThat(report.failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
    }

    @Test
    void aStatusListTokenOfAnotherIssuerIsRefused() throws Exception {
        SigningKey otherKey = SigningKey.generate(KeyType.ED25519);
        CredentialIssuer other = new CredentialIssuer(otherKey);
        served.set(StatusListTokenIssuer.builder(otherKey, other.verificationMethod()).clock(CLOCK).build()
                .issue(URI, list).compact());
        VerificationReport report = verifier().verify(credential);
        assertThat(report.failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
        assertThat(status(report).detail()).startsWith("unknown_status_list_key");
    }

    @Test
    void aStatusListTokenNamingTheIssuersKeyButSignedByAnotherIsRefused() throws Exception {
        served.set(StatusListTokenIssuer.builder(SigningKey.generate(KeyType.ED25519), issuer.verificationMethod())
                .clock(CLOCK).build().issue(URI, list).compact());
        VerificationReport report = verifier().verify(credential);
        assertThat(report.failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
        assertThat(status(report).detail()).startsWith("status_list_signature");
    }

    @Test
    void aStatusListTokenWhoseIssClaimNamesAnotherIssuerIsRefused() throws Exception {
        served.set(StatusListTokenIssuer.builder(issuerKey, issuer.verificationMethod()).issuer("did:example:someone-else")
                .clock(CLOCK).build().issue(URI, list).compact());
        assertThat(status(verifier().verify(credential)).detail()).startsWith("unknown_status_list_key");
    }

    @Test
    void anExpiredStatusListTokenMakesTheStatusUnavailable() {
        VerificationReport report = CredentialVerifier.builder().tokenStatusFetcher(fetcher)
                .clock(Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC)).build().verify(credential);
        assertThat(status(report).failure()).contains(VerificationFailure.STATUS_UNAVAILABLE);
        assertThat(status(report).detail()).startsWith("status_list_expired");
    }

    @Test
    void anIndexPastTheEndOfTheListMakesTheStatusUnavailable() throws Exception {
        publish(TokenStatusList.create(4, 8)); // four one-byte entries: index 7 is past the end
        VerificationReport report = verifier().verify(credential);
        assertThat(report.failures()).containsExactly(VerificationFailure.STATUS_UNAVAILABLE);
        assertThat(status(report).detail()).startsWith("index_out_of_range");
    }

    @Test
    void aForgedCredentialIsRefusedWithoutFetchingItsStatusList() {
        String[] parts = credential.split("~", -1);
        String jwt = parts[0];
        String forged = jwt.substring(0, jwt.length() - 2) + (jwt.endsWith("AA") ? "BB" : "AA")
                + credential.substring(jwt.length());
        VerificationReport report = verifier().verify(forged);
        assertThat(report.verified()).isFalse();
        assertThat(status(report).outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
        assertThat(fetched).isEmpty();
    }

    @Test
    void theStatusReferenceIsRefusedForFormatsOtherThanSdJwt() throws Exception {
        for (SecuringFormat format : new SecuringFormat[] {SecuringFormat.JOSE, SecuringFormat.DATA_INTEGRITY}) {
            IssuerException e = catchThrowableOfType(IssuerException.class, () -> issuer.issue(unsigned(), format,
                    CredentialIssuer.Options.defaults().withClock(CLOCK).withTokenStatus(new StatusReference(IDX, URI))));
            assertThat(e.code()).as(format.id()).isEqualTo(IssuerError.UNSUPPORTED_FOR_FORMAT);
        }
    }
}
