package org.creditmesh.core.credential;

/** The data model version a document declares through its first {@code @context} entry. */
public enum VcdmVersion {
    /** W3C VCDM 1.1, base context {@value CredentialSpecs#CONTEXT_V1}: {@code issuanceDate}/{@code expirationDate}. */
    V1_1(CredentialSpecs.CONTEXT_V1),
    /** W3C VCDM 2.0, base context {@value CredentialSpecs#CONTEXT_V2}: {@code validFrom}/{@code validUntil}. */
    V2_0(CredentialSpecs.CONTEXT_V2);

    private final String baseContext;

    VcdmVersion(String baseContext) {
        this.baseContext = baseContext;
    }

    public String baseContext() {
        return baseContext;
    }
}
