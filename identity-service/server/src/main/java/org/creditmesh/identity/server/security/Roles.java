package org.creditmesh.identity.server.security;

/**
 * The roles an organisation's access token can carry; {@code @RolesAllowed} on every non-public endpoint names
 * one or more of these. One organisation has exactly one role: a bureau cannot also be its own regulator.
 */
public final class Roles {

    /** An accredited credit bureau: issues, revokes and suspends its own credentials. */
    public static final String BUREAU = "bureau";
    /** A lender: verifies presentations and creates OpenID4VP requests. */
    public static final String LENDER = "lender";
    /** A regulator: reads the audit trail. */
    public static final String REGULATOR = "regulator";
    /** A governance admin: accredits and suspends bureaus, rotates keys, erases subjects. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
