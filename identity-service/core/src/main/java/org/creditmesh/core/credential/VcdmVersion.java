package org.creditmesh.core.credential;

/** The data model version a document declares through its first {@code @context} entry. */
public enum VcdmVersion {
    /** W3C VCDM 1.1, base context {@value CredentialSpecs#CONTEXT_V1}: {@code issuanceDate}/{@code expirationDate}. */
    V1_1(CredentialSpecs.CONTEXT_V1, "1.1"),
    /** W3C VCDM 2.0, base context {@value CredentialSpecs#CONTEXT_V2}: {@code validFrom}/{@code validUntil}. */
    V2_0(CredentialSpecs.CONTEXT_V2, "2.0");

    private final String baseContext;
    private final String number;

    VcdmVersion(String baseContext, String number) {
        this.baseContext = baseContext;
        this.number = number;
    }

    /** The version number as the specification writes it, e.g. {@code 2.0}. */
    public String number() {
        return number;
    }

    public String baseContext() {
        return baseContext;
    }
}
