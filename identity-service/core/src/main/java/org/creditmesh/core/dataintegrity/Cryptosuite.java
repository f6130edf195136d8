package org.creditmesh.core.dataintegrity;

import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CONTEXT;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.creditmesh.core.jsonld.JsonLdException;
import org.creditmesh.core.jsonld.RdfCanonicalizer;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The two RDFC-based EdDSA suites of W3C "Data Integrity EdDSA Cryptosuites v1.0": {@code eddsa-rdfc-2022}
 * (section 3.2) and the legacy {@code Ed25519Signature2020} (Appendix A). Both transform the document
 * with RDFC-1.0, build the proof configuration as the proof options under the document's
 * {@code @context}, hash each with SHA-256, and sign {@code proofConfigHash || transformedDocumentHash}
 * with Ed25519; they differ only in the proof {@code type}/{@code cryptosuite} they accept.
 *
 * <p>Each step is public so that tests (and debugging tools) can compare it with the spec's vectors.
 */
public enum Cryptosuite {

    /** {@code type: DataIntegrityProof}, {@code cryptosuite: eddsa-rdfc-2022}. */
    EDDSA_RDFC_2022(DataIntegritySpecs.DATA_INTEGRITY_PROOF, DataIntegritySpecs.EDDSA_RDFC_2022),
    /** {@code type: Ed25519Signature2020}, no {@code cryptosuite} member. */
    ED25519_SIGNATURE_2020(DataIntegritySpecs.ED25519_SIGNATURE_2020, null);

    private final String proofType;
    private final String cryptosuite;

    Cryptosuite(String proofType, String cryptosuite) {
        this.proofType = proofType;
        this.cryptosuite = cryptosuite;
    }

    /** The proof's {@code type}. */
    public String proofType() {
        return proofType;
    }

    /** The proof's {@code cryptosuite}, or null for the legacy suite that has none. */
    public String cryptosuite() {
        return cryptosuite;
    }

    /** The suite named by a proof's {@code type} and {@code cryptosuite}. */
    public static Cryptosuite of(JsonNode proof) throws DataIntegrityException {
        JsonNode type = proof.get(DataIntegritySpecs.TYPE);
        if (type == null || !type.isTextual()) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "the proof has no string 'type'");
        }
        JsonNode suite = proof.get(DataIntegritySpecs.CRYPTOSUITE);
        if (DataIntegritySpecs.DATA_INTEGRITY_PROOF.equals(type.textValue())) {
            if (suite == null || !suite.isTextual()) {
                throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF,
                        "a DataIntegrityProof needs a string 'cryptosuite' (Data Integrity 1.0 section 3.1)");
            }
            if (DataIntegritySpecs.EDDSA_RDFC_2022.equals(suite.textValue())) {
                return EDDSA_RDFC_2022;
            }
            throw new DataIntegrityException(DataIntegrityError.UNSUPPORTED_CRYPTOSUITE,
                    "unsupported cryptosuite '" + shorten(suite.textValue()) + "'; supported: eddsa-rdfc-2022");
        }
        if (DataIntegritySpecs.ED25519_SIGNATURE_2020.equals(type.textValue())) {
            return ED25519_SIGNATURE_2020;
        }
        throw new DataIntegrityException(DataIntegrityError.UNSUPPORTED_CRYPTOSUITE,
                "unsupported proof type '" + shorten(type.textValue()) + "'; supported: DataIntegrityProof, Ed25519Signature2020");
    }

    /**
     * Transformation (section 3.2.3 / A.2.3): the RDFC-1.0 canonical N-Quads of the unsecured document.
     *
     * @param unsecuredDocument the document without {@code proof}
     */
    public String transform(ObjectNode unsecuredDocument, TermPolicy policy) throws DataIntegrityException {
        return canonicalize(unsecuredDocument, policy);
    }

    /**
     * Proof Configuration (section 3.2.5 / A.2.5): the proof options (no {@code proofValue}) with
     * {@code @context} set to the document's, canonicalized with RDFC-1.0.
     */
    public String proofConfiguration(ObjectNode proofOptions, JsonNode documentContext, TermPolicy policy)
            throws DataIntegrityException {
        JsonNode type = proofOptions.get(DataIntegritySpecs.TYPE);
        JsonNode suite = proofOptions.get(DataIntegritySpecs.CRYPTOSUITE);
        if (type == null || !proofType.equals(type.asText())
                || (cryptosuite != null && (suite == null || !cryptosuite.equals(suite.asText())))) {
            throw new DataIntegrityException(DataIntegrityError.UNSUPPORTED_CRYPTOSUITE,
                    "proof options are not for " + this);
        }
        ObjectNode config = proofOptions.deepCopy();
        config.remove(DataIntegritySpecs.PROOF_VALUE);
        config.remove(CONTEXT);
        if (documentContext != null) {
            // @context first, as in the spec's proofConfig vectors (order does not affect RDFC).
            ObjectNode ordered = config.objectNode();
            ordered.set(CONTEXT, documentContext);
            ordered.setAll(config);
            config = ordered;
        }
        return PROOF_CONFIGURATIONS.canonicalize(config, policy, c -> canonicalize(c, policy));
    }

    /** Shared by all suites: the cache key includes the proof type and cryptosuite. */
    static final ProofConfigurationCache PROOF_CONFIGURATIONS = new ProofConfigurationCache();

    private static String canonicalize(ObjectNode document, TermPolicy policy) throws DataIntegrityException {
        try {
            return RdfCanonicalizer.canonicalize(document, policy);
        } catch (JsonLdException e) {
            throw DataIntegrityException.of(e);
        }
    }

    /**
     * Hashing (section 3.2.4 / A.2.4): SHA-256 of the canonical proof configuration followed by
     * SHA-256 of the transformed document, 64 bytes.
     */
    public byte[] hashData(String transformedDocument, String canonicalProofConfig) {
        MessageDigest sha256 = sha256();
        byte[] hash = new byte[64];
        System.arraycopy(sha256.digest(canonicalProofConfig.getBytes(StandardCharsets.UTF_8)), 0, hash, 0, 32);
        System.arraycopy(sha256.digest(transformedDocument.getBytes(StandardCharsets.UTF_8)), 0, hash, 32, 32);
        return hash;
    }

    /** Proof Serialization (section 3.2.6 / A.2.6): the Ed25519 signature of the hash data, as {@code proofValue}. */
    public String serializeProof(byte[] hashData, SigningKey key) throws DataIntegrityException {
        if (key.type() != KeyType.ED25519) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, this + " signs with Ed25519 keys only");
        }
        return Multibase.BASE_58_BTC.encode(key.sign(hashData));
    }

    /** Proof Verification (section 3.2.7 / A.2.7). */
    public boolean verifyProof(byte[] hashData, byte[] proofBytes, VerificationKey key) {
        return key.type() == KeyType.ED25519 && key.verify(hashData, proofBytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }

    @Override
    public String toString() {
        return cryptosuite != null ? cryptosuite : proofType;
    }
}
