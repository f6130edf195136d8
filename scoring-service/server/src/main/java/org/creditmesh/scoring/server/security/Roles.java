package org.creditmesh.scoring.server.security;

/**
 * The organisation roles the scoring service knows; the same names as the identity service's roles, so one access
 * token works for both. The token mechanism, and the 401/403 problem details, are service-common's
 * ({@code org.creditmesh.service.auth}).
 */
public final class Roles {

    /** A lender: scores presentations and reads the presentation request of its model. */
    public static final String LENDER = "lender";
    /** A governance admin: registers and activates models, reads monitoring. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
