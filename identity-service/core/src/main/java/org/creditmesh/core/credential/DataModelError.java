package org.creditmesh.core.credential;

import org.creditmesh.core.error.ErrorCode;

/** Which normative rule of the Verifiable Credentials Data Model a document breaks. */
public enum DataModelError implements ErrorCode {
    /** Not JSON, or not a JSON object. */
    MALFORMED_JSON("malformed_json"),
    /** VCDM 2.0 section 4.3: no {@code @context}. */
    MISSING_CONTEXT("missing_context"),
    /** VCDM 2.0 section 4.3: the first context is not the base context of a supported version. */
    INVALID_BASE_CONTEXT("invalid_base_context"),
    /** VCDM 2.0 section 4.3: a later context is neither a URL nor an object. */
    INVALID_CONTEXT("invalid_context"),
    /** A context URL the verifier does not know (and so cannot process safely). */
    UNKNOWN_CONTEXT("unknown_context"),
    /** VCDM 2.0 section 4.4: an {@code id} that is not a single URL. */
    INVALID_ID("invalid_id"),
    /** VCDM 2.0 section 4.5: {@code type} absent or not strings. */
    INVALID_TYPE("invalid_type"),
    /** VCDM 2.0 section 4.5: {@code type} lacks VerifiableCredential / VerifiablePresentation. */
    MISSING_BASE_TYPE("missing_base_type"),
    /** VCDM 2.0 section 4.7: no {@code issuer}. */
    MISSING_ISSUER("missing_issuer"),
    /** VCDM 2.0 section 4.7: {@code issuer} neither a URL nor an object with a URL {@code id}. */
    INVALID_ISSUER("invalid_issuer"),
    /** VCDM 2.0 section 4.8: no {@code credentialSubject}, or an empty one. */
    MISSING_CREDENTIAL_SUBJECT("missing_credential_subject"),
    /** VCDM 2.0 section 4.8: {@code credentialSubject} not an object or array of objects. */
    INVALID_CREDENTIAL_SUBJECT("invalid_credential_subject"),
    /** VCDM 2.0 section 4.9: a date that is not an XML Schema dateTimeStamp. */
    INVALID_DATE_TIME("invalid_date_time"),
    /** VCDM 1.1 section 4.6: no {@code issuanceDate}. */
    MISSING_ISSUANCE_DATE("missing_issuance_date"),
    /** VCDM 2.0 section 4.9: {@code validFrom} later than {@code validUntil}. */
    INVALID_VALIDITY_PERIOD("invalid_validity_period"),
    /** VCDM 2.0 section 4.10: a status entry that is not an object with a {@code type}. */
    INVALID_CREDENTIAL_STATUS("invalid_credential_status"),
    /** VCDM 2.0 section 4.11: a schema entry without a URL {@code id} and a {@code type}. */
    INVALID_CREDENTIAL_SCHEMA("invalid_credential_schema"),
    /** VCDM 2.0 section 4.2: evidence, termsOfUse or refreshService objects without a {@code type}. */
    INVALID_EXTENSION("invalid_extension"),
    /** A {@code relatedResource} that is not an object with a unique URL id and a well-formed digest (VCDM 2.0 section 5.3). */
    INVALID_RELATED_RESOURCE("invalid_related_resource"),
    /** VCDM 2.0 section 4.13: {@code holder} neither a URL nor an object with an {@code id}. */
    INVALID_HOLDER("invalid_holder"),
    /** VCDM 2.0 section 4.13: a {@code verifiableCredential} entry that is not an object. */
    INVALID_VERIFIABLE_CREDENTIAL("invalid_verifiable_credential"),
    /** VCDM 2.0 section 4.13.1: an EnvelopedVerifiableCredential without a context or a data: URL id. */
    INVALID_ENVELOPED_CREDENTIAL("invalid_enveloped_credential"),
    /** The credential's validity period ended before the time of the check. */
    EXPIRED("expired"),
    /** The credential's validity period starts after the time of the check. */
    NOT_YET_VALID("not_yet_valid");

    private final String code;

    DataModelError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
