package org.creditmesh.identity.server.organisation;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The organisations registry: registration (the secret is returned once and stored only hashed), disabling, secret
 * rotation, and client authentication for the token endpoint. Every change is audited in its own transaction.
 */
@ApplicationScoped
public class Organisations {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    OrganisationSnapshot snapshot;

    @ConfigProperty(name = "creditmesh.auth.secret-hash.iterations", defaultValue = "" + ClientSecrets.DEFAULT_ITERATIONS)
    int iterations;

    private ClientSecrets secrets;

    @PostConstruct
    void init() {
        secrets = new ClientSecrets(iterations);
    }

    /** A registered organisation and its client secret, which is shown once and never again. */
    public record Registered(Organisation organisation, String clientSecret) {
    }

    /** Registers an organisation; {@code clientId} absent: one is generated from the role. */
    public Registered register(Optional<String> clientId, String name, String role, Optional<String> issuerDid, String actor) {
        String secret = ClientSecrets.generate();
        Organisation org = organisation(clientId.orElseGet(() -> role + "-" + UUID.randomUUID().toString().substring(0, 8)),
                name, role, issuerDid);
        insert(org, secrets.hash(secret), actor);
        return new Registered(org, secret);
    }

    /** Registers an organisation with a secret hash made elsewhere (the bootstrap admin); false if it exists. */
    public boolean registerWithHash(String clientId, String name, String role, String secretHash, String actor) {
        if (!ClientSecrets.isHash(secretHash)) {
            throw new IllegalArgumentException("the secret hash is not of the form pbkdf2-sha256$<iterations>$<salt>$<hash>");
        }
        if (find(clientId).isPresent()) {
            return false;
        }
        insert(organisation(clientId, name, role, Optional.empty()), secretHash, actor);
        return true;
    }

    /** The secret's hash for a bootstrap secret given in plain configuration. */
    public String hash(String secret) {
        return secrets.hash(secret);
    }

    /** The DID a bureau issues as, if its organisation has one; empty for unknown client ids. */
    public Optional<String> issuerDidOf(String clientId) {
        return find(clientId).flatMap(Organisation::issuerDid);
    }

    /** Whether {@code did} is the issuer DID of a registered bureau (whose DID document this service then serves). */
    public boolean isBureauDid(String did) {
        // A bureau DID is never unregistered, so the snapshot's yes is final; its no may be a registration on another
        // replica not yet polled, and a no sends the caller to resolve the DID over HTTPS, so it is checked here.
        return snapshot.isBureauDid(did) || isBureauDidStored(did);
    }

    /** Whether the organisation {@code clientId} is disabled; false for client ids not registered here. */
    public boolean isDisabled(String clientId) {
        return snapshot.disabled(clientId);
    }

    private boolean isBureauDidStored(String did) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM organisation WHERE issuer_did = ? AND role = 'bureau'")) {
            q.setString(1, did);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading an organisation", e);
        }
    }

    public Optional<Organisation> find(String clientId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT client_id, name, role, issuer_did, created_at, disabled_at FROM organisation WHERE client_id = ?")) {
            q.setString(1, clientId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading an organisation", e);
        }
    }

    /** The enabled organisation whose secret this is; empty for unknown, disabled or wrong (indistinguishably). */
    public Optional<Organisation> authenticate(String clientId, String secret) {
        String stored = null;
        Organisation org = null;
        if (clientId.matches(Organisation.CLIENT_ID_PATTERN)) {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT client_id, name, role, issuer_did, created_at, disabled_at, secret_hash FROM organisation WHERE client_id = ?")) {
                q.setString(1, clientId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        org = read(rs);
                        stored = rs.getString(7);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("database failure while authenticating a client", e);
            }
        }
        if (stored == null) {
            secrets.burnTime(secret);
            return Optional.empty();
        }
        boolean ok = secrets.matches(secret, stored);
        return ok && !org.disabled() ? Optional.of(org) : Optional.empty();
    }

    public Organisation disable(String clientId, String actor) {
        return update(clientId, "UPDATE organisation SET disabled_at = coalesce(disabled_at, now()) WHERE client_id = ?",
                null, "disable-organisation", actor);
    }

    /** A new secret for the organisation; the old one stops working at once. */
    public Registered rotateSecret(String clientId, String actor) {
        String secret = ClientSecrets.generate();
        Organisation org = update(clientId, "UPDATE organisation SET secret_hash = ?, secret_rotated_at = now() WHERE client_id = ?",
                secrets.hash(secret), "rotate-secret", actor);
        return new Registered(org, secret);
    }

    private Organisation update(String clientId, String sql, String hash, String action, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement(sql)) {
                int i = 1;
                if (hash != null) {
                    u.setString(i++, hash);
                }
                u.setString(i, clientId);
                if (u.executeUpdate() != 1) {
                    throw new ProblemException(IdentityProblem.ORGANISATION_NOT_FOUND, "no organisation " + clientId);
                }
                audit.append(c, actor, action, clientId, "ok");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while changing an organisation", e);
        }
        // Before answering: a disabled organisation's next request on this instance is refused.
        snapshot.reload();
        return find(clientId).orElseThrow();
    }

    private void insert(Organisation org, String hash, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO organisation (client_id, name, role, issuer_did, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, org.clientId());
                insert.setString(2, org.name());
                insert.setString(3, org.role());
                insert.setString(4, org.issuerDid().orElse(null));
                insert.setString(5, hash);
                insert.setTimestamp(6, Timestamp.from(org.createdAt()));
                insert.executeUpdate();
                audit.append(c, actor, "register-organisation", org.clientId(), org.role());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ProblemException(IdentityProblem.ORGANISATION_EXISTS, "an organisation " + org.clientId() + " exists");
            }
            throw new IllegalStateException("database failure while registering an organisation", e);
        }
        snapshot.reload();
    }

    private static Organisation organisation(String clientId, String name, String role, Optional<String> issuerDid) {
        if (issuerDid.isPresent()) {
            try {
                org.creditmesh.core.did.Did.parse(issuerDid.get());
            } catch (org.creditmesh.core.error.CreditMeshException e) {
                throw new ProblemException(IdentityProblem.INVALID_ORGANISATION, "the issuer DID is not a valid DID");
            }
        }
        try {
            return new Organisation(clientId, name, role, issuerDid, Instant.now(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(IdentityProblem.INVALID_ORGANISATION, e.getMessage());
        }
    }

    private static Organisation read(ResultSet rs) throws SQLException {
        Timestamp disabled = rs.getTimestamp(6);
        return new Organisation(rs.getString(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), Optional.ofNullable(disabled).map(Timestamp::toInstant));
    }
}
