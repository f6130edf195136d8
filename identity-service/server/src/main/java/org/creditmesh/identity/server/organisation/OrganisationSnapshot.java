package org.creditmesh.identity.server.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.creditmesh.identity.server.cache.CacheVersions;
import org.creditmesh.identity.server.cache.DatabaseSnapshot;

/**
 * What every authenticated request and every verify of a bureau's did:web credential ask of the organisations
 * table, in memory: which client ids are disabled, and which DIDs are registered bureaus' issuer DIDs. Organisations
 * are never deleted and a disabled one is never enabled again, so a "disabled" or "bureau DID" answer read here is
 * final; only its absence can be stale. {@link Organisations} reloads this after each of its commits (a disabled
 * organisation is refused by the next request on this instance); {@link CacheVersions} reloads it within
 * {@code creditmesh.cache.refresh-interval} of a change committed by another replica.
 */
@ApplicationScoped
public class OrganisationSnapshot extends DatabaseSnapshot<OrganisationSnapshot.State> {

    static final String VERSION_NAME = "organisation";

    record State(Set<String> disabled, Set<String> bureauDids) {
    }

    /** Whether the organisation {@code clientId} is disabled (false for client ids not registered here). */
    public boolean disabled(String clientId) {
        return current().disabled().contains(clientId);
    }

    /** Whether {@code did} is the issuer DID of a registered bureau. */
    public boolean isBureauDid(String did) {
        return current().bureauDids().contains(did);
    }

    @Override
    public String versionName() {
        return VERSION_NAME;
    }

    @Override
    protected String description() {
        return "organisations";
    }

    @Override
    protected State load(Connection c) throws SQLException {
        Set<String> disabled = new HashSet<>();
        Set<String> bureauDids = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT client_id, disabled_at IS NOT NULL, role, issuer_did FROM organisation WHERE disabled_at IS NOT NULL "
                        + "OR (role = 'bureau' AND issuer_did IS NOT NULL)");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                if (rs.getBoolean(2)) {
                    disabled.add(rs.getString(1));
                }
                if ("bureau".equals(rs.getString(3)) && rs.getString(4) != null) {
                    bureauDids.add(rs.getString(4));
                }
            }
        }
        return new State(Set.copyOf(disabled), Set.copyOf(bureauDids));
    }
}
