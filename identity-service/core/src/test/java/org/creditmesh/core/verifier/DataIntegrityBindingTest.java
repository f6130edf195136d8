package org.creditmesh.core.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.creditmesh.core.dataintegrity.DataIntegritySigner;
import org.creditmesh.core.dataintegrity.ProofOptions;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Who must have signed a Data Integrity credential or presentation: the issuer among the proofs of a set or chain
 * (Data Integrity 1.0 section 2.1.2), and for presentations the named holder, with the holder-is-subject rule on by
 * default and off for a general VCDM 2.0 verifier (section 4.13: holder optional, and a holder may present
 * credentials about others).
 */
class DataIntegrityBindingTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Challenge CHALLENGE = new Challenge("c-7Qx2", "verifier.example");

    private final SigningKey issuerKey = SigningKey.generate(KeyType.ED25519);
    private final SigningKey witnessKey = SigningKey.generate(KeyType.ED25519);
    private final SigningKey presenterKey = SigningKey.generate(KeyType.ED25519);

    private static String did(SigningKey key) {
        return DidKey.create(key.publicKey()).toString();
    }

    private static String method(SigningKey key) {
        String did = did(key);
        return did + "#" + did.substring("did:key:".length());
    }

    private ObjectNode credential(String subject) throws Exception {
        ObjectNode credential = Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "%s"}}""".formatted(subject));
        credential.put("issuer", did(issuerKey));
        return credential;
    }

    private static CredentialVerifier.Builder verifier() {
        return CredentialVerifier.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aProofSetVerifiesWhenOneProofIsTheIssuersAndFailsWhenNoneIs() throws Exception {
        ObjectNode byIssuer = new DataIntegritySigner(issuerKey).sign(credential("did:example:alice"),
                ProofOptions.assertion(method(issuerKey), NOW));
        ObjectNode cosigned = new DataIntegritySigner(witnessKey).sign(byIssuer, ProofOptions.assertion(method(witnessKey), NOW));
        VerificationReport report = verifier().build().verify(Json.write(cosigned));
        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
        assertThat(report.check(Check.SIGNATURE).orElseThrow().detail()).contains("2 proof(s)");

        ObjectNode byWitnessOnly = new DataIntegritySigner(witnessKey).sign(credential("did:example:alice"),
                ProofOptions.assertion(method(witnessKey), NOW));
        assertThat(verifier().build().verify(Json.write(byWitnessOnly)).failures())
                .containsExactly(VerificationFailure.KEY_NOT_RESOLVED);
    }

    @Test
    void aProofChainByTheIssuerAndAWitnessVerifies() throws Exception {
        ObjectNode first = new DataIntegritySigner(issuerKey).chain(credential("did:example:alice"),
                ProofOptions.assertion(method(issuerKey), NOW), "urn:uuid:issuer-proof", List.of());
        ObjectNode chained = new DataIntegritySigner(witnessKey).chain(first, ProofOptions.assertion(method(witnessKey), NOW),
                null, List.of("urn:uuid:issuer-proof"));
        VerificationReport report = verifier().build().verify(Json.write(chained));
        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
    }

    /** A presentation of a credential about someone else, signed by a presenter who names no holder. */
    private String presentationByAnUnnamedPresenter() throws Exception {
        ObjectNode vc = new DataIntegritySigner(issuerKey).sign(credential("did:example:someone-else"),
                ProofOptions.assertion(method(issuerKey), NOW));
        ObjectNode vp = Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"]}""");
        vp.putArray("verifiableCredential").add(vc);
        return Json.write(new DataIntegritySigner(presenterKey).sign(vp,
                ProofOptions.authentication(method(presenterKey), NOW, CHALLENGE.nonce(), CHALLENGE.audience())));
    }

    @Test
    void byDefaultAPresentationMustNameAHolderWhoIsTheSubject() throws Exception {
        VerificationReport report = verifier().challenge(CHALLENGE).build().verify(presentationByAnUnnamedPresenter());
        assertThat(report.failures()).containsExactly(VerificationFailure.HOLDER_BINDING);
    }

    @Test
    void anOpenVerifierAcceptsWhatVcdm2AllowsButStillChecksTheProofAndTheNamedHolder() throws Exception {
        CredentialVerifier open = verifier().challenge(CHALLENGE).holderMustBeSubject(false).build();
        VerificationReport report = open.verify(presentationByAnUnnamedPresenter());
        assertThat(report.verified()).as(report.toJson().toPrettyString()).isTrue();
        assertThat(report.check(Check.HOLDER_BINDING).orElseThrow().detail()).contains("about other subjects");

        CredentialVerifier otherChallenge = verifier().challenge(new Challenge("another", CHALLENGE.audience()))
                .holderMustBeSubject(false).build();
        assertThat(otherChallenge.verify(presentationByAnUnnamedPresenter()).verified()).isFalse();

        ObjectNode namedSomeoneElse = Json.parseObject(presentationByAnUnnamedPresenter());
        namedSomeoneElse.remove("proof");
        namedSomeoneElse.put("holder", did(witnessKey));
        String signedByPresenter = Json.write(new DataIntegritySigner(presenterKey).sign(namedSomeoneElse,
                ProofOptions.authentication(method(presenterKey), NOW, CHALLENGE.nonce(), CHALLENGE.audience())));
        assertThat(open.verify(signedByPresenter).failures()).containsExactly(VerificationFailure.HOLDER_BINDING);
    }
}
