package org.creditmesh.schemas;

import java.util.Optional;

/**
 * The four CreditMesh credential types, each with its JSON-LD type IRI, the id of its JSON Schema and
 * the class-path resources of its JSON Schema and SHACL shapes. All four share one JSON-LD context,
 * {@link Vocabulary#CONTEXT_URL}.
 */
public enum CredentialType {

    /** That and how a KYC provider verified the subject's identity; bands, never a government ID number. */
    KYC("KycCredential", "kyc-credential"),

    /** A bureau's repayment history of the subject: instalments, arrears, utilisation, loans. */
    REPAYMENT_HISTORY("RepaymentHistoryCredential", "repayment-history-credential"),

    /** A score with band, reason codes, model fingerprint and discloseable threshold claims. */
    CREDIT_SCORE("CreditScoreCredential", "credit-score-credential"),

    /** A governance body or bureau accredits an issuer DID for credential types between two dates. */
    BUREAU_ACCREDITATION("BureauAccreditationCredential", "bureau-accreditation-credential");

    private final String typeName;
    private final String resourceName;

    CredentialType(String typeName, String resourceName) {
        this.typeName = typeName;
        this.resourceName = resourceName;
    }

    /** The JSON {@code type} value, e.g. {@code KycCredential}; also the SD-JWT VC {@code vct} suffix. */
    public String typeName() {
        return typeName;
    }

    /** The IRI the type name expands to in RDF. */
    public String typeIri() {
        return Vocabulary.VOCAB_NAMESPACE + typeName;
    }

    /** The JSON-LD context that defines the type and its claims. */
    public String contextUrl() {
        return Vocabulary.CONTEXT_URL;
    }

    /** {@code $id} of the JSON Schema (2020-12) of the VCDM 2.0 JSON form. */
    public String jsonSchemaId() {
        return Vocabulary.JSON_SCHEMA_ID_PREFIX + resourceName + ".json";
    }

    /** Class-path resource of the JSON Schema, e.g. {@code org/creditmesh/schemas/json-schema/kyc-credential.json}. */
    public String jsonSchemaResource() {
        return SchemaResources.BASE + "json-schema/" + resourceName + ".json";
    }

    /** Class-path resource of the SHACL shapes (Turtle) of the RDF form. */
    public String shaclResource() {
        return SchemaResources.BASE + "shacl/" + resourceName + ".ttl";
    }

    /** The type whose {@link #typeName()} is {@code name}, if any. */
    public static Optional<CredentialType> fromTypeName(String name) {
        for (CredentialType type : values()) {
            if (type.typeName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type whose JSON Schema {@code $id} is {@code id}, if any. */
    public static Optional<CredentialType> fromJsonSchemaId(String id) {
        for (CredentialType type : values()) {
            if (type.jsonSchemaId().equals(id)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
