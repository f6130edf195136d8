package org.creditmesh.core.did;

/** The verification relationships of DID Core 1.0 section 5.3, with their document member names. */
public enum VerificationRelationship {
    AUTHENTICATION("authentication"),
    ASSERTION_METHOD("assertionMethod"),
    KEY_AGREEMENT("keyAgreement"),
    CAPABILITY_INVOCATION("capabilityInvocation"),
    CAPABILITY_DELEGATION("capabilityDelegation");

    private final String member;

    VerificationRelationship(String member) {
        this.member = member;
    }

    /** The DID document member, e.g. {@code assertionMethod}. */
    public String member() {
        return member;
    }
}
