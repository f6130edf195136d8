package org.creditmesh.core.sdjwt.vc;

import java.util.Set;

/** Names and media types of SD-JWT-based Verifiable Credentials (IETF draft-ietf-oauth-sd-jwt-vc). */
public final class SdJwtVcSpecs {

    /** Header {@code typ} (and media type {@code application/dc+sd-jwt}). */
    public static final String TYP = "dc+sd-jwt";
    /** The {@code typ} of earlier drafts, still accepted on verification. */
    public static final String LEGACY_TYP = "vc+sd-jwt";
    public static final Set<String> ACCEPTED_TYPS = Set.of(TYP, LEGACY_TYP);

    /** The credential type identifier. */
    public static final String VCT = "vct";
    public static final String VCT_INTEGRITY = "vct#integrity";
    /** The token status list reference (draft-ietf-oauth-status-list). */
    public static final String STATUS = "status";
    public static final String ISS = "iss";
    public static final String IAT = "iat";
    public static final String NBF = "nbf";
    public static final String EXP = "exp";
    public static final String CNF = "cnf";

    /**
     * Claims that are never selectively disclosable: the SD-JWT VC draft forbids it for these, and this project
     * keeps {@code iat} in clear too so verifiers can always judge freshness.
     */
    public static final Set<String> NEVER_DISCLOSABLE = Set.of(ISS, IAT, NBF, EXP, CNF, VCT, VCT_INTEGRITY, STATUS);

    private SdJwtVcSpecs() {
    }
}
