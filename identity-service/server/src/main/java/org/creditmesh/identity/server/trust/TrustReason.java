package org.creditmesh.identity.server.trust;

/**
 * Why the registry answered as it did. The codes are stable: a verification report's {@code issuer_trust} check
 * fails with code {@code untrusted_issuer} and a detail that starts with one of them ({@code "suspended: ..."}), and
 * {@code GET /trust/accreditations/{did}?type=&at=} returns them as {@code decision.reason}.
 */
public enum TrustReason {
    /** An accreditation in force at the instant covers every type. */
    ACCREDITED("accredited", true),
    /** This service's governance issuer, the root of the registry, attesting accreditations. */
    GOVERNANCE_ROOT("governance_root", true),
    /** The DID holds no accreditation at all. */
    NOT_ACCREDITED("not_accredited", false),
    /** The DID is accredited, but for other credential types only. */
    TYPE_NOT_ACCREDITED("type_not_accredited", false),
    /** An accreditation covers the types, but not at that instant (before it starts or after it ends). */
    OUTSIDE_ACCREDITATION_PERIOD("outside_accreditation_period", false),
    /** Every accreditation covering the types at that instant was suspended then. */
    SUSPENDED("accreditation_suspended", false),
    /** The credential states no instant to check against. */
    NO_ISSUANCE_TIME("no_issuance_time", false);

    private final String code;
    private final boolean trusted;

    TrustReason(String code, boolean trusted) {
        this.code = code;
        this.trusted = trusted;
    }

    public String code() {
        return code;
    }

    public boolean trusted() {
        return trusted;
    }
}
