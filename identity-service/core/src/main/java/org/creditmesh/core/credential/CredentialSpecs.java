package org.creditmesh.core.credential;

import java.util.Set;

/**
 * Constants of the W3C Verifiable Credentials Data Model v2.0 (and of v1.1, which is still accepted for
 * verification), in one place.
 */
public final class CredentialSpecs {

    /** VCDM 2.0 section 4.3: the first {@code @context} entry of every v2 credential and presentation. */
    public static final String CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
    /** VCDM 1.1 section 4.1: the first {@code @context} entry of every v1.1 credential and presentation. */
    public static final String CONTEXT_V1 = "https://www.w3.org/2018/credentials/v1";
    /** The examples context the specification's own examples use. */
    public static final String CONTEXT_EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2";
    public static final String CONTEXT_EXAMPLES_V1 = "https://www.w3.org/2018/credentials/examples/v1";

    /**
     * Contexts accepted when no allow-list is given: the VC base contexts, their example contexts, and the
     * published security and status contexts that deployed credentials commonly add. The JSON-LD context
     * registry replaces this with the contexts it actually holds.
     */
    public static final Set<String> DEFAULT_KNOWN_CONTEXTS = Set.of(
            CONTEXT_V2,
            CONTEXT_V1,
            CONTEXT_EXAMPLES_V2,
            CONTEXT_EXAMPLES_V1,
            "https://w3id.org/security/data-integrity/v2",
            "https://w3id.org/security/multikey/v1",
            "https://w3id.org/security/suites/ed25519-2020/v1",
            "https://w3id.org/security/suites/jws-2020/v1",
            "https://w3id.org/vc/status-list/2021/v1",
            "https://www.w3.org/ns/did/v1");

    public static final String CONTEXT = "@context";
    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String ISSUER = "issuer";
    public static final String HOLDER = "holder";
    public static final String CREDENTIAL_SUBJECT = "credentialSubject";
    public static final String VALID_FROM = "validFrom";
    public static final String VALID_UNTIL = "validUntil";
    /** VCDM 1.1 section 4.6. */
    public static final String ISSUANCE_DATE = "issuanceDate";
    /** VCDM 1.1 section 4.7. */
    public static final String EXPIRATION_DATE = "expirationDate";
    public static final String CREDENTIAL_STATUS = "credentialStatus";
    public static final String CREDENTIAL_SCHEMA = "credentialSchema";
    public static final String EVIDENCE = "evidence";
    public static final String RELATED_RESOURCE = "relatedResource";
    public static final String TERMS_OF_USE = "termsOfUse";
    public static final String REFRESH_SERVICE = "refreshService";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String PROOF = "proof";
    public static final String VERIFIABLE_CREDENTIAL = "verifiableCredential";

    public static final String TYPE_VERIFIABLE_CREDENTIAL = "VerifiableCredential";
    public static final String TYPE_VERIFIABLE_PRESENTATION = "VerifiablePresentation";
    /** VCDM 2.0 section 4.13.1. */
    public static final String TYPE_ENVELOPED_CREDENTIAL = "EnvelopedVerifiableCredential";
    /** VCDM 2.0 section 4.13.2. */
    public static final String TYPE_ENVELOPED_PRESENTATION = "EnvelopedVerifiablePresentation";

    /**
     * VCDM 2.0, "Representing Time" (Example 32): the regular expression for a valid XML Schema 1.1
     * Part 2 {@code dateTimeStamp}, which always carries a time zone.
     */
    public static final String DATE_TIME_STAMP_REGEX =
            "-?([1-9][0-9]{3,}|0[0-9]{3})"
            + "-(0[1-9]|1[0-2])"
            + "-(0[1-9]|[12][0-9]|3[01])"
            + "T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?|(24:00:00(\\.0+)?))"
            + "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";

    /** XML Schema {@code dateTime}: the same, with the time zone optional (VCDM 1.1 dates). */
    public static final String DATE_TIME_REGEX =
            "-?([1-9][0-9]{3,}|0[0-9]{3})"
            + "-(0[1-9]|1[0-2])"
            + "-(0[1-9]|[12][0-9]|3[01])"
            + "T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?|(24:00:00(\\.0+)?))"
            + "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?";

    private CredentialSpecs() {
    }
}
