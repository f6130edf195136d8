package org.creditmesh.identity.server.issuance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.keys.ListOwner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuers' Bitstring Status Lists in the database: the service's issuer has its own, and so has every bureau
 * issuing under its own did:web (Bitstring Status List v1.0 section 3.2: a verifier requires the list's issuer to be
 * the credential's). A bureau's list ids start with {@link ListOwner#prefix()}, so ids and URLs stay unique and the
 * service issuer's keep their earlier form. Lists come in pairs with the same number — a
 * {@code revocation} list and a {@code suspension} list — and a credential gets the same random index in both
 * (Bitstring Status List v1.0 section 6.1: random indexes do not reveal issuance order). A pair is full when
 * random probing keeps hitting used indexes; then the next pair is created.
 */
@ApplicationScoped
public class StatusLists {

    @jakarta.inject.Inject
    org.creditmesh.identity.server.anchoring.Anchoring anchoring;

    public static final String REVOCATION = "revocation";
    public static final String SUSPENSION = "suspension";
    /** Serialises index allocation and list re-signing. */
    private static final long LIST_LOCK = 0x5354_4154_5553L;
    private static final int PROBES = 64;

    @Inject
    IssuerKeys keys;

    @ConfigProperty(name = "creditmesh.public-url")
    String publicUrl;

    private final SecureRandom random = new SecureRandom();

    /** An allocated slot: the pair of lists and the index in both. */
    public record Slot(String revocationList, String revocationUrl, String suspensionList, String suspensionUrl, int index) {
    }

    /**
     * A fresh random index in {@code owner}'s current pair of lists, creating lists as needed; in {@code c}'s
     * transaction.
     */
    public Slot allocate(Connection c, ListOwner owner) throws SQLException, CreditMeshException {
        lock(c);
        int number = currentPair(c, owner);
        while (true) {
            String rev = owner.prefix() + REVOCATION + "-" + number;
            String sus = owner.prefix() + SUSPENSION + "-" + number;
            ensureList(c, owner, rev, REVOCATION);
            ensureList(c, owner, sus, SUSPENSION);
            for (int i = 0; i < PROBES; i++) {
                int index = random.nextInt(StatusSpecs.MIN_ENTRIES);
                if (!used(c, rev, index)) {
                    return new Slot(rev, url(rev), sus, url(sus), index);
                }
            }
            number++;
        }
    }

    /** Sets or clears {@code index} in the list {@code listId} and stores the list signed again; in {@code c}'s transaction. */
    public void update(Connection c, String listId, int index, boolean set) throws SQLException, CreditMeshException {
        lock(c);
        String signed;
        ListOwner owner;
        try (PreparedStatement q = c.prepareStatement("SELECT credential, issuer FROM status_list WHERE id = ? FOR UPDATE")) {
            q.setString(1, listId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("status list " + listId + " does not exist");
                }
                signed = rs.getString(1);
                owner = ListOwner.ofColumn(rs.getString(2));
            }
        }
        // The owner's current key: after a rotation the list is signed again with the newer key.
        String updated = keys.statusListPublisher(owner.bureauDid()).update(signed, index, set);
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE status_list SET credential = ?, version = version + 1, updated_at = now() WHERE id = ?")) {
            u.setString(1, updated);
            u.setString(2, listId);
            u.executeUpdate();
        }
        anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.STATUS_LIST, updated, "status-list:" + listId);
    }

    /** A stored list: the signed credential and its version. */
    public record StoredList(String credential, long version) {
    }

    public Optional<StoredList> find(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT credential, version FROM status_list WHERE " + column + " = ?")) {
            q.setString(1, value);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new StoredList(rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        }
    }

    /** Whether {@code url} is one of this service's status list URLs. */
    public boolean isOwn(String url) {
        return url.startsWith(base());
    }

    private String url(String listId) {
        return base() + listId;
    }

    private String base() {
        return publicUrl.replaceAll("/+$", "") + "/status/";
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LIST_LOCK);
            lock.execute();
        }
    }

    private static int currentPair(Connection c, ListOwner owner) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT coalesce(max(cast(substring(id from '[0-9]+$') AS integer)), 1) FROM status_list"
                        + " WHERE purpose = ? AND issuer = ?")) {
            q.setString(1, REVOCATION);
            q.setString(2, owner.column());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void ensureList(Connection c, ListOwner owner, String id, String purpose) throws SQLException, CreditMeshException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM status_list WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        StatusListPublisher publisher = keys.statusListPublisher(owner.bureauDid());
        String url = url(id);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO status_list (id, purpose, url, credential, issuer) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(5, owner.column());
            insert.setString(1, id);
            insert.setString(2, purpose);
            insert.setString(3, url);
            String created = publisher.create(url, purpose);
            insert.setString(4, created);
            insert.executeUpdate();
            anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.STATUS_LIST, created, "status-list:" + id);
        }
    }

    private static boolean used(Connection c, String list, int index) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM issued_credential WHERE status_list = ? AND status_index = ?")) {
            q.setString(1, list);
            q.setInt(2, index);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
