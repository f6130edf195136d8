package org.creditmesh.identity.server.api;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, for the audit log and ownership: the authenticated organisation's client id. */
final class Actors {

    /** A caller without a token (public endpoints only). */
    static final String ANONYMOUS = "anonymous";

    /** The authenticated organisation's client id, or {@link #ANONYMOUS}. */
    static String of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    private Actors() {
    }
}
