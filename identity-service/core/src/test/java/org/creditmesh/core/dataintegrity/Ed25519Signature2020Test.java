package org.creditmesh.core.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.testing.SharedVectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The legacy {@code Ed25519Signature2020} suite, Data Integrity EdDSA Cryptosuites v1.0 Appendix A
 * ("The Ed25519Signature2020 Suite"), as the W3C VC-API verifier test suite sends it on VCDM 1.1
 * credentials: same RDFC-1.0 transformation and hashing as eddsa-rdfc-2022, proof configuration under
 * the document's {@code @context}, proof type {@code Ed25519Signature2020} without a cryptosuite.
 */
@DisplayName("Data Integrity EdDSA Cryptosuites v1.0, Appendix A (Ed25519Signature2020)")
class Ed25519Signature2020Test {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String VECTORS = "vc-di-eddsa/Ed25519Signature2020/";

    /** A VCDM 1.1 credential like the VC-API verifier suite's: v1 context, issuanceDate, suite context. */
    private static ObjectNode vcdm11Credential(String issuer) throws Exception {
        return Json.parseObject("""
                {
                  "@context": [
                    "https://www.w3.org/2018/credentials/v1",
                    "https://www.w3.org/2018/credentials/examples/v1",
                    "https://w3id.org/security/suites/ed25519-2020/v1"
                  ],
                  "id": "urn:uuid:4e9b2c9a-0d5e-4a57-8f3c-2f1f5c0f6a11",
                  "type": ["VerifiableCredential", "AlumniCredential"],
                  "issuer": "%s",
                  "issuanceDate": "2025-01-01T00:00:00Z",
                  "credentialSubject": {
                    "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                    "alumniOf": "Example University"
                  }
                }
                """.formatted(issuer));
    }

    private static ObjectNode selfSigned(SigningKey key) throws Exception {
        String did = "did:key:" + key.publicKey().toMultikey();
        ProofOptions options = ProofOptions.assertion(TestKeys.didKeyMethod(key.publicKey()),
                Instant.parse("2025-01-01T00:00:00Z")).withSuite(Cryptosuite.ED25519_SIGNATURE_2020);
        return new DataIntegritySigner(key).sign(vcdm11Credential(did), options);
    }

    @Test
    void verifiesASelfMadeVcdm11CredentialSignedWithEd25519Signature2020() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        ObjectNode signed = selfSigned(key);
        assertThat(signed.at("/proof/type").asText()).isEqualTo("Ed25519Signature2020");
        assertThat(signed.get("proof").has("cryptosuite")).isFalse();
        assertThat(signed.at("/proof/proofValue").asText()).startsWith("z");

        List<VerifiedProof> proofs = new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW));
        assertThat(proofs).singleElement().satisfies(p -> {
            assertThat(p.suite()).isEqualTo(Cryptosuite.ED25519_SIGNATURE_2020);
            assertThat(p.key()).isEqualTo(key.publicKey());
        });
    }

    @Test
    void rejectsATamperedVcdm11Credential() throws Exception {
        ObjectNode signed = selfSigned(SigningKey.generate(KeyType.ED25519));
        ((ObjectNode) signed.get("credentialSubject")).put("alumniOf", "Forged University");
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);
    }

    @Test
    void rejectsAnEd25519Signature2020DocumentWithoutTheSuiteContext() throws Exception {
        ObjectNode signed = selfSigned(SigningKey.generate(KeyType.ED25519));
        signed.set("@context", Json.parse("[\"https://www.w3.org/2018/credentials/v1\", \"https://www.w3.org/2018/credentials/examples/v1\"]"));
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.CONTEXT_MISMATCH);
    }

    @Test
    void anEddsaRdfc2022ProofDoesNotVerifyAsEd25519Signature2020() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        ObjectNode signed = selfSigned(key);
        ObjectNode proof = (ObjectNode) signed.get("proof");
        proof.put("type", "DataIntegrityProof");
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.INVALID_PROOF);
    }

    private static String raw(String file) throws IOException {
        return Files.readString(SharedVectors.vector(VECTORS + file), StandardCharsets.UTF_8);
    }

    /**
     * Appendix B "Representation: Ed25519Signature2020" of the same spec (w3c/vc-di-eddsa
     * {@code TestVectors/Ed25519Signature2020/}). Skipped unless {@code ../shared/vectors/} carries that
     * folder, which it does not yet.
     */
    @Test
    @DisplayName("Appendix B, Representation: Ed25519Signature2020 — every step and the signed credential")
    void reproducesTheSpecsEd25519Signature2020Vector() throws Exception {
        ObjectNode signed = Json.parseObject(raw("signedEdSig.json"));
        ObjectNode unsecured = signed.deepCopy();
        unsecured.remove("proof");
        Cryptosuite suite = Cryptosuite.ED25519_SIGNATURE_2020;
        String document = suite.transform(unsecured, TermPolicy.REJECT_UNDEFINED);
        assertThat(document).isEqualTo(raw("canonDocEdSig.txt"));
        String config = suite.proofConfiguration(Json.parseObject(raw("proofConfigEdSig.json")), unsecured.get("@context"),
                TermPolicy.REJECT_UNDEFINED);
        assertThat(config).isEqualTo(raw("proofCanonEdSig.txt"));
        byte[] hashData = suite.hashData(document, config);
        assertThat(HexFormat.of().formatHex(hashData)).isEqualTo(raw("combinedHashEdSig.txt").strip());
        assertThat(suite.serializeProof(hashData, TestKeys.vectorKey())).isEqualTo(raw("sigBTC58EdSig.txt").strip());

        assertThat(new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW)))
                .singleElement().extracting(VerifiedProof::suite).isEqualTo(suite);
    }
}
