package org.creditmesh.core.jose;

/**
 * What a key is being used for, so a {@link KeyResolver} can check the DID document's verification
 * relationship (W3C Controlled Identifiers 1.0, section 2.3; DID Core section 5.3): an issuer signs
 * credentials with an {@code assertionMethod} key, a holder signs presentations with an
 * {@code authentication} key.
 */
public enum VerificationRelationship {
    ASSERTION_METHOD("assertionMethod"),
    AUTHENTICATION("authentication");

    private final String term;

    VerificationRelationship(String term) {
        this.term = term;
    }

    /** The property name in a DID document / controlled identifier document. */
    public String term() {
        return term;
    }
}
