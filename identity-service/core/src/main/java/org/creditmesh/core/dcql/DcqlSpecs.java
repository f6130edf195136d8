package org.creditmesh.core.dcql;

/** The member names and values of DCQL (OpenID4VP 1.0 section 6) in one place. */
public final class DcqlSpecs {

    public static final String CREDENTIALS = "credentials";
    public static final String CREDENTIAL_SETS = "credential_sets";
    public static final String ID = "id";
    public static final String FORMAT = "format";
    public static final String MULTIPLE = "multiple";
    public static final String META = "meta";
    public static final String VCT_VALUES = "vct_values";
    public static final String TRUSTED_AUTHORITIES = "trusted_authorities";
    public static final String REQUIRE_HOLDER_BINDING = "require_cryptographic_holder_binding";
    public static final String CLAIMS = "claims";
    public static final String CLAIM_SETS = "claim_sets";
    public static final String PATH = "path";
    public static final String VALUES = "values";

    /** The Credential Format Identifier of SD-JWT VC (OpenID4VP 1.0 appendix B.3). */
    public static final String FORMAT_SD_JWT_VC = "dc+sd-jwt";

    private DcqlSpecs() {
    }
}
