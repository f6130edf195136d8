package org.creditmesh.identity.server.api;

/**
 * Who is calling, for the audit log. Until OAuth2 client credentials land, every caller is anonymous; then the
 * resources get {@code @RolesAllowed} and this becomes the authenticated client id.
 */
final class Actors {

    static final String ANONYMOUS = "anonymous";

    /** The authenticated organisation's client id, or {@link #ANONYMOUS}. */
    static String of(io.quarkus.security.identity.SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }

    private Actors() {
    }
}
