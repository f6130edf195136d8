package org.creditmesh.schemas;

/**
 * The identifiers CreditMesh's credentials are built on, in one place: the JSON-LD context URL, the
 * vocabulary namespace its terms expand to, and the W3C base context every credential lists first.
 */
public final class Vocabulary {

    /** URL of the CreditMesh JSON-LD context (JSON-LD 1.1, {@code @protected}). */
    public static final String CONTEXT_URL = "https://creditmesh.org/contexts/credit/v1";

    /** Namespace every CreditMesh term and credential type expands to. */
    public static final String VOCAB_NAMESPACE = "https://creditmesh.org/vocab#";

    /** Prefix of the JSON Schema ids: {@code <prefix><name>.json}. */
    public static final String JSON_SCHEMA_ID_PREFIX = "https://creditmesh.org/schemas/";

    /** VCDM 2.0 §4.3: the first {@code @context} entry of every credential. */
    public static final String CREDENTIALS_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/v2";

    /** VCDM 2.0 §4.5: the type every credential has besides its specific one. */
    public static final String VERIFIABLE_CREDENTIAL_TYPE = "VerifiableCredential";

    private Vocabulary() {
    }
}
