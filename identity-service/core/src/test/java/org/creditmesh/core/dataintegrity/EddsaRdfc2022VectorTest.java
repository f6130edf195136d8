package org.creditmesh.core.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.testing.SharedVectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * W3C "Data Integrity EdDSA Cryptosuites v1.0", Appendix B test vectors (B.1 "Representation:
 * eddsa-rdfc-2022" in {@code vc-di-eddsa/eddsa-rdfc-2022/}, B.2 "Enhanced Example" in
 * {@code .../employ/}), checked step by step against the algorithms of section 3.2 (eddsa-rdfc-2022):
 * 3.2.3 Transformation, 3.2.4 Hashing, 3.2.5 Proof Configuration, 3.2.6 Proof Serialization, then
 * 3.2.1 Create Proof and 3.2.2 Verify Proof end to end. Files are read in place from
 * {@code ../shared/vectors/vc-di-eddsa/}.
 */
@DisplayName("Data Integrity EdDSA Cryptosuites v1.0, section 3.2 (eddsa-rdfc-2022) / Appendix B test vectors")
class EddsaRdfc2022VectorTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final HexFormat HEX = HexFormat.of();

    private static String raw(String dir, String file) throws IOException {
        return Files.readString(SharedVectors.vector("vc-di-eddsa/" + dir + "/" + file), StandardCharsets.UTF_8);
    }

    private static ObjectNode json(String dir, String file) throws Exception {
        return Json.parseObject(raw(dir, file));
    }

    private static ObjectNode unsecured(String dir) throws Exception {
        ObjectNode document = json(dir, "signedDataInt.json");
        document.remove("proof");
        return document;
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: canonDocDataInt.txt and docHashDataInt.txt")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.3 Transformation gives the canonical document byte for byte, 3.2.4 its SHA-256")
    void transformationMatchesTheCanonicalDocumentAndItsHash(String dir) throws Exception {
        String canonical = Cryptosuite.EDDSA_RDFC_2022.transform(unsecured(dir), TermPolicy.REJECT_UNDEFINED);
        assertThat(canonical).isEqualTo(raw(dir, "canonDocDataInt.txt"));
        assertThat(HEX.formatHex(sha256(canonical))).isEqualTo(raw(dir, "docHashDataInt.txt").strip());
    }

    @ParameterizedTest(name = "{0}: proofCanonDataInt.txt and proofHashDataInt.txt")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.5 Proof Configuration gives the canonical proof configuration byte for byte, 3.2.4 its SHA-256")
    void proofConfigurationMatchesTheCanonicalProofConfigAndItsHash(String dir) throws Exception {
        ObjectNode options = json(dir, "proofConfigDataInt.json");
        String canonical = Cryptosuite.EDDSA_RDFC_2022.proofConfiguration(options, unsecured(dir).get("@context"),
                TermPolicy.REJECT_UNDEFINED);
        assertThat(canonical).isEqualTo(raw(dir, "proofCanonDataInt.txt"));
        assertThat(HEX.formatHex(sha256(canonical))).isEqualTo(raw(dir, "proofHashDataInt.txt").strip());
    }

    @ParameterizedTest(name = "{0}: combinedHashDataInt.txt, sigHexDataInt.txt, sigBTC58DataInt.txt")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.4 Hashing concatenates proofConfigHash || documentHash; 3.2.6 signs it to the vector's signature")
    void hashingAndSerializationMatchTheCombinedHashAndSignature(String dir) throws Exception {
        Cryptosuite suite = Cryptosuite.EDDSA_RDFC_2022;
        ObjectNode document = unsecured(dir);
        String transformed = suite.transform(document, TermPolicy.REJECT_UNDEFINED);
        String config = suite.proofConfiguration(json(dir, "proofConfigDataInt.json"), document.get("@context"),
                TermPolicy.REJECT_UNDEFINED);
        byte[] hashData = suite.hashData(transformed, config);
        assertThat(HEX.formatHex(hashData)).isEqualTo(raw(dir, "combinedHashDataInt.txt").strip());

        SigningKey key = TestKeys.vectorKey();
        String proofValue = suite.serializeProof(hashData, key);
        assertThat(proofValue).isEqualTo(raw(dir, "sigBTC58DataInt.txt").strip());
        assertThat(HEX.formatHex(Multibase.BASE_58_BTC.decode(proofValue))).isEqualTo(raw(dir, "sigHexDataInt.txt").strip());
    }

    @ParameterizedTest(name = "{0}: signedDataInt.json")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.1 Create Proof with keyPair.json reproduces proofConfigDataInt.json and the signed document exactly")
    void createProofReproducesTheSignedDocument(String dir) throws Exception {
        SigningKey key = TestKeys.vectorKey();
        ObjectNode config = json(dir, "proofConfigDataInt.json");
        ProofOptions options = ProofOptions.assertion(config.get("verificationMethod").asText(),
                Instant.parse(config.get("created").asText()));
        ObjectNode proofConfig = options.toJson();
        proofConfig.set("@context", unsecured(dir).get("@context"));
        assertThat(proofConfig).as("proofConfigDataInt.json").isEqualTo(config);
        ObjectNode signed = new DataIntegritySigner(key).sign(unsecured(dir), options);
        assertThat(signed).isEqualTo(json(dir, "signedDataInt.json"));
    }

    @ParameterizedTest(name = "{0}: signedDataInt.json verifies")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.2 Verify Proof accepts the signed vector, resolving its did:key")
    void verifyProofAcceptsTheSignedDocument(String dir) throws Exception {
        List<VerifiedProof> proofs = new DataIntegrityVerifier(TestKeys.didKey())
                .verify(json(dir, "signedDataInt.json"), VerificationOptions.assertion(NOW));
        assertThat(proofs).singleElement().satisfies(p -> {
            assertThat(p.suite()).isEqualTo(Cryptosuite.EDDSA_RDFC_2022);
            assertThat(p.key()).isEqualTo(TestKeys.vectorKey().publicKey());
            assertThat(p.created()).isEqualTo(Instant.parse("2023-02-24T23:36:38Z"));
        });
    }

    @ParameterizedTest(name = "{0}: tampered claim")
    @ValueSource(strings = {"eddsa-rdfc-2022", "eddsa-rdfc-2022/employ"})
    @DisplayName("3.2.2 Verify Proof rejects the signed vector with one claim changed")
    void verifyProofRejectsATamperedDocument(String dir) throws Exception {
        ObjectNode signed = json(dir, "signedDataInt.json");
        signed.put("name", "Forged Credential");
        DataIntegrityException e = catchThrowableOfType(DataIntegrityException.class,
                () -> new DataIntegrityVerifier(TestKeys.didKey()).verify(signed, VerificationOptions.assertion(NOW)));
        assertThat(e.code()).isEqualTo(DataIntegrityError.SIGNATURE_INVALID);
    }
}
