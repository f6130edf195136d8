package org.creditmesh.core.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.KeyError;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Data Integrity 1.0 section 4.1 (Add Proof) and 4.2 (Verify Proof) with eddsa-rdfc-2022 on our own
 * credentials: the checks a verifier makes besides the signature.
 */
class DataIntegrityVerifierTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private final SigningKey key = SigningKey.generate(KeyType.ED25519);
    private final String method = TestKeys.didKeyMethod(key.publicKey());
    private final DataIntegrityVerifier verifier = new DataIntegrityVerifier(TestKeys.didKey());

    private static ObjectNode credential() throws Exception {
        return Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                   {"@protected": true, "RepaymentHistoryCredential": "https://creditmesh.example/vocab#RepaymentHistoryCredential",
                    "onTimeInstalments": "https://creditmesh.example/vocab#onTimeInstalments",
                    "lateInstalments": "https://creditmesh.example/vocab#lateInstalments"}],
                 "type": ["VerifiableCredential", "RepaymentHistoryCredential"],
                 "issuer": "did:example:bureau",
                 "validFrom": "2026-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:borrower", "onTimeInstalments": 36, "lateInstalments": 1}}
                """);
    }

    private DataIntegrityException failure(ObjectNode secured, VerificationOptions options) {
        return catchThrowableOfType(DataIntegrityException.class, () -> verifier.verify(secured, options));
    }

    @Test
    void signsAndVerifiesACredential() throws Exception {
        ObjectNode unsecured = credential();
        ObjectNode secured = new DataIntegritySigner(key).sign(unsecured, ProofOptions.assertion(method, CREATED));
        assertThat(unsecured.has("proof")).as("the input is not modified").isFalse();
        assertThat(secured.at("/proof/created").asText()).isEqualTo("2026-01-01T00:00:00Z");
        List<VerifiedProof> proofs = verifier.verify(secured, VerificationOptions.assertion(NOW));
        assertThat(proofs).singleElement().satisfies(p -> {
            assertThat(p.verificationMethod()).isEqualTo(method);
            assertThat(p.key()).isEqualTo(key.publicKey());
        });
    }

    @Test
    void addsTheDataIntegrityContextToAVcdm11CredentialAsTheReferenceImplementationDoes() throws Exception {
        ObjectNode vcdm11 = Json.parseObject("""
                {"@context": ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/2018/credentials/examples/v1"],
                 "type": ["VerifiableCredential", "AlumniCredential"], "issuer": "did:example:university",
                 "issuanceDate": "2025-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:graduate", "alumniOf": "Example University"}}
                """);
        ObjectNode secured = new DataIntegritySigner(key).sign(vcdm11, ProofOptions.assertion(method, CREATED));
        assertThat(secured.get("@context")).hasSize(3);
        assertThat(secured.get("@context").get(2).asText()).isEqualTo("https://w3id.org/security/data-integrity/v2");
        assertThat(verifier.verify(secured, VerificationOptions.assertion(NOW))).hasSize(1);
    }

    @Test
    void verifiesEveryProofOfAProofSet() throws Exception {
        SigningKey second = SigningKey.generate(KeyType.ED25519);
        ObjectNode once = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        ObjectNode twice = new DataIntegritySigner(second).sign(once,
                ProofOptions.assertion(TestKeys.didKeyMethod(second.publicKey()), CREATED));
        assertThat(twice.get("proof").size()).isEqualTo(2);
        assertThat(verifier.verify(twice, VerificationOptions.assertion(NOW))).extracting(VerifiedProof::key)
                .containsExactly(key.publicKey(), second.publicKey());

        ((ObjectNode) twice.get("proof").get(1)).put("proofValue", once.at("/proof/proofValue").asText());
        assertThat(failure(twice, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);
    }

    @Test
    void acceptsAProofContextThatPrefixesTheDocumentContext() throws Exception {
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        ((ObjectNode) secured.get("proof")).set("@context", secured.get("@context").deepCopy());
        assertThat(verifier.verify(secured, VerificationOptions.assertion(NOW))).hasSize(1);
    }

    @Test
    void lenientModeWouldAcceptAClaimAddedAfterSigningButSafeModeRefusesIt() throws Exception {
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        ((ObjectNode) secured.get("credentialSubject")).put("defaulted", false);
        VerificationOptions lenient = VerificationOptions.assertion(NOW).withTermPolicy(TermPolicy.DROP_UNDEFINED);
        assertThat(verifier.verify(secured, lenient)).as("the attack safe mode prevents").hasSize(1);
        assertThat(failure(secured, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.UNDEFINED_TERM);
    }

    @Test
    void refusesToSignADocumentWithAnUndefinedTerm() throws Exception {
        ObjectNode unsecured = credential();
        unsecured.put("riskGrade", "A");
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> new DataIntegritySigner(key).sign(unsecured, ProofOptions.assertion(method, CREATED)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.UNDEFINED_TERM);
    }

    @Test
    void checksChallengeAndDomainOfAnAuthenticationProof() throws Exception {
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(),
                ProofOptions.authentication(method, CREATED, "n-0S6_WzA2Mj", "lender.example"));
        assertThat(verifier.verify(secured, VerificationOptions.authentication(NOW, "n-0S6_WzA2Mj", "lender.example"))).hasSize(1);
        assertThat(failure(secured, VerificationOptions.authentication(NOW, "other", "lender.example")).code())
                .isEqualTo(DataIntegrityError.CHALLENGE_MISMATCH);
        assertThat(failure(secured, VerificationOptions.authentication(NOW, "n-0S6_WzA2Mj", "evil.example")).code())
                .isEqualTo(DataIntegrityError.DOMAIN_MISMATCH);
        assertThat(failure(secured, VerificationOptions.assertion(NOW)).code())
                .isEqualTo(DataIntegrityError.PROOF_PURPOSE_MISMATCH);
    }

    @Test
    void verifiesAPresentationWhoseProofCoversTheEmbeddedSignedCredential() throws Exception {
        ObjectNode vc = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        SigningKey holder = SigningKey.generate(KeyType.ED25519);
        String holderMethod = TestKeys.didKeyMethod(holder.publicKey());
        ObjectNode vp = Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"]}""");
        vp.put("holder", holderMethod.substring(0, holderMethod.indexOf('#')));
        vp.putArray("verifiableCredential").add(vc);
        ObjectNode securedVp = new DataIntegritySigner(holder).sign(vp,
                ProofOptions.authentication(holderMethod, NOW, "c-7f3a", "lender.example"));

        VerificationOptions presentation = VerificationOptions.authentication(NOW, "c-7f3a", "lender.example");
        assertThat(verifier.verify(securedVp, presentation)).singleElement()
                .extracting(VerifiedProof::key).isEqualTo(holder.publicKey());
        assertThat(verifier.verify(securedVp.get("verifiableCredential").get(0), VerificationOptions.assertion(NOW)))
                .singleElement().extracting(VerifiedProof::key).isEqualTo(key.publicKey());

        ((ObjectNode) securedVp.at("/verifiableCredential/0/credentialSubject")).put("lateInstalments", 0);
        assertThat(failure(securedVp, presentation).code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);
    }

    @Test
    void anExpiredProofFailsFromItsExpiryInstantOn() throws Exception {
        Instant expires = Instant.parse("2026-03-01T00:00:00Z");
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(),
                ProofOptions.assertion(method, CREATED).withExpires(expires));
        assertThat(verifier.verify(secured, VerificationOptions.assertion(expires.minusSeconds(1)))).hasSize(1);
        assertThat(failure(secured, VerificationOptions.assertion(expires)).code()).isEqualTo(DataIntegrityError.PROOF_EXPIRED);
    }

    @Test
    void aKeyThatCannotBeResolvedIsReportedAsSuch() throws Exception {
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        DataIntegrityVerifier noKeys = new DataIntegrityVerifier((vm, purpose) -> {
            throw new KeyException(KeyError.KEY_NOT_FOUND, "unknown issuer");
        });
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> noKeys.verify(secured, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.VERIFICATION_METHOD_UNRESOLVED);
        assertThat(e.getCause()).isInstanceOf(KeyException.class);
    }

    @Test
    void aSignatureByAnotherKeyDoesNotVerify() throws Exception {
        ObjectNode secured = new DataIntegritySigner(key).sign(credential(), ProofOptions.assertion(method, CREATED));
        DataIntegrityVerifier wrongKey = new DataIntegrityVerifier(
                VerificationMethodResolver.fixed(SigningKey.generate(KeyType.ED25519).publicKey()));
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> wrongKey.verify(secured, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);
    }

    /** Data Integrity 1.0 section 4.2 (Add Proof Set/Chain): a chained proof signs the document with the proofs it names. */
    private ObjectNode chainOfTwo(Object previous) throws Exception {
        SigningKey second = SigningKey.generate(KeyType.ED25519);
        ObjectNode first = new DataIntegritySigner(key).chain(credential(), ProofOptions.assertion(method, CREATED),
                "urn:uuid:first-proof", List.of());
        return new DataIntegritySigner(second).chain(first,
                ProofOptions.assertion(TestKeys.didKeyMethod(second.publicKey()), CREATED), null,
                previous instanceof List<?> ids ? ids.stream().map(String::valueOf).toList() : List.of(String.valueOf(previous)));
    }

    @Test
    void verifiesAProofChainWhosePreviousProofIsAStringOrAList() throws Exception {
        ObjectNode single = chainOfTwo("urn:uuid:first-proof");
        assertThat(single.at("/proof/1/previousProof").asText()).isEqualTo("urn:uuid:first-proof");
        assertThat(verifier.verify(single, VerificationOptions.assertion(NOW))).hasSize(2);
        assertThat(verifier.verify(chainOfTwo(List.of("urn:uuid:first-proof")), VerificationOptions.assertion(NOW))).hasSize(2);
    }

    @Test
    void aChainedProofSignsThePreviousProofSoItCannotBeDetachedOrSwapped() throws Exception {
        ObjectNode chain = chainOfTwo("urn:uuid:first-proof");
        ObjectNode swapped = chain.deepCopy();
        ObjectNode resigned = new DataIntegritySigner(key).chain(credential(), ProofOptions.assertion(method, NOW),
                "urn:uuid:first-proof", List.of());
        ((com.fasterxml.jackson.databind.node.ArrayNode) swapped.get("proof")).set(0, resigned.get("proof"));
        assertThat(failure(swapped, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);

        ObjectNode brokenFirst = chain.deepCopy();
        ((ObjectNode) brokenFirst.at("/proof/0")).put("proofValue", "z" + "1".repeat(64));
        assertThat(failure(brokenFirst, VerificationOptions.assertion(NOW)).code()).isIn(
                DataIntegrityError.SIGNATURE_INVALID, DataIntegrityError.INVALID_PROOF);
    }

    @Test
    void aPreviousProofThatIsNotInTheProofSetIsAnError() throws Exception {
        ObjectNode chain = chainOfTwo("urn:uuid:first-proof");
        ObjectNode missing = chain.deepCopy();
        ((ObjectNode) missing.at("/proof/1")).put("previousProof", "urn:uuid:no-such-proof");
        assertThat(failure(missing, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.INVALID_PROOF);
        ObjectNode missingInList = chain.deepCopy();
        ((ObjectNode) missingInList.at("/proof/1")).putArray("previousProof").add("urn:uuid:no-such-proof");
        assertThat(failure(missingInList, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.INVALID_PROOF);
        ObjectNode notAString = chain.deepCopy();
        ((ObjectNode) notAString.at("/proof/1")).put("previousProof", 7);
        assertThat(failure(notAString, VerificationOptions.assertion(NOW)).code()).isEqualTo(DataIntegrityError.INVALID_PROOF);
    }
}
