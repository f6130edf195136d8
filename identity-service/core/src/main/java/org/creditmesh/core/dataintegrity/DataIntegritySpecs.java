package org.creditmesh.core.dataintegrity;

/**
 * Names from W3C "Verifiable Credential Data Integrity 1.0" (section 2.1, Proofs) and "Data Integrity
 * EdDSA Cryptosuites v1.0" (section 2.2 and Appendix A), in one place.
 */
public final class DataIntegritySpecs {

    private DataIntegritySpecs() {
    }

    public static final String CONTEXT = "@context";
    public static final String PROOF = "proof";
    public static final String TYPE = "type";
    public static final String CRYPTOSUITE = "cryptosuite";
    public static final String CREATED = "created";
    public static final String EXPIRES = "expires";
    public static final String VERIFICATION_METHOD = "verificationMethod";
    public static final String PROOF_PURPOSE = "proofPurpose";
    public static final String PROOF_VALUE = "proofValue";
    public static final String CHALLENGE = "challenge";
    public static final String DOMAIN = "domain";
    public static final String PREVIOUS_PROOF = "previousProof";
    public static final String ID = "id";

    /** The proof type of every Data Integrity cryptosuite (Data Integrity 1.0, section 3.1). */
    public static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    /** EdDSA Cryptosuites v1.0, section 3.2. */
    public static final String EDDSA_RDFC_2022 = "eddsa-rdfc-2022";
    /** EdDSA Cryptosuites v1.0, Appendix A (legacy, verification of VCDM 1.1 credentials). */
    public static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";
    /** The context an {@code Ed25519Signature2020} document must use (it defines the proof terms). */
    public static final String ED25519_2020_CONTEXT = "https://w3id.org/security/suites/ed25519-2020/v1";

    /** VCDM 2.0 base context; it defines {@code DataIntegrityProof} and its terms. */
    public static final String CREDENTIALS_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    /** Data Integrity 1.0 section 2.4 (contexts): for documents whose own contexts lack the proof terms. */
    public static final String DATA_INTEGRITY_V2_CONTEXT = "https://w3id.org/security/data-integrity/v2";
    public static final String DATA_INTEGRITY_V1_CONTEXT = "https://w3id.org/security/data-integrity/v1";

    /** Proof purposes (Controlled Identifiers 1.0, verification relationships). */
    public static final String ASSERTION_METHOD = "assertionMethod";
    public static final String AUTHENTICATION = "authentication";
}
