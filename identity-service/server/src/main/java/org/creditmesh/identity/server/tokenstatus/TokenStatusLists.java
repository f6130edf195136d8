package org.creditmesh.identity.server.tokenstatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.core.status.token.StatusListToken;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusException;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.keys.ListOwner;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The issuer's IETF Token Status Lists (draft-ietf-oauth-status-list) in the database: the status mechanism of the
 * SD-JWT VCs it issues. A list has {@link #ENTRIES} statuses of {@link #BITS} bits (valid, invalid = revoked,
 * suspended); a credential gets a random index (as for the Bitstring lists, so indexes do not reveal issuance
 * order); a full list is followed by the next. Every change re-signs the Status List Token, and a token is signed
 * again when less than half its {@link #VALIDITY} is left, so the token served is never expired.
 */
@ApplicationScoped
public class TokenStatusLists {

    @jakarta.inject.Inject
    org.creditmesh.identity.server.anchoring.Anchoring anchoring;

    public static final int BITS = 2;
    /** The same herd size as the Bitstring lists (Bitstring Status List v1.0 section 6.1): 32 KiB at 2 bits. */
    public static final int ENTRIES = StatusSpecs.MIN_ENTRIES;
    /** The token's {@code exp} - {@code iat}. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    /** The token's {@code ttl}: how long a relying party may cache it; as the Bitstring lists' max-age. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    /** Serialises index allocation and list re-signing (another lock than the Bitstring lists'). */
    private static final long LIST_LOCK = 0x544F_4B53_5441L;
    private static final int PROBES = 64;
    private static final String PREFIX = "token-";

    @Inject
    IssuerKeys keys;

    @ConfigProperty(name = "creditmesh.public-url")
    String publicUrl;

    private final SecureRandom random = new SecureRandom();

    /** A credential's place in a list: the list's id and the {@code status.status_list} reference to sign in. */
    public record Slot(String listId, StatusReference reference) {
    }

    /** A stored token: the JWT and its version (the ETag). */
    public record StoredToken(String token, long version) {
    }

    /**
     * A fresh random index in {@code owner}'s current list, creating lists as needed; in {@code c}'s transaction. Each
     * issuer has its own lists (section 11.3: the token's signer must be the credential's issuer); a bureau's ids
     * start with {@link ListOwner#prefix()}.
     */
    public Slot allocate(Connection c, ListOwner owner) throws SQLException, TokenStatusException {
        lock(c);
        int number = currentList(c, owner);
        while (true) {
            String id = owner.prefix() + PREFIX + number;
            ensureList(c, owner, id);
            for (int i = 0; i < PROBES; i++) {
                int index = random.nextInt(ENTRIES);
                if (!used(c, id, index)) {
                    return new Slot(id, StatusReference.of(index, uri(id)));
                }
            }
            number++;
        }
    }

    /** Sets the status at {@code index} of list {@code listId} to {@code value} and re-signs; in {@code c}'s transaction. */
    public void set(Connection c, String listId, int index, int value) throws SQLException, TokenStatusException {
        lock(c);
        TokenStatusList list;
        ListOwner owner;
        try (PreparedStatement q = c.prepareStatement("SELECT list, issuer FROM token_status_list WHERE id = ? FOR UPDATE")) {
            q.setString(1, listId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("token status list " + listId + " does not exist");
                }
                list = TokenStatusList.of(BITS, rs.getBytes(1));
                owner = ListOwner.ofColumn(rs.getString(2));
            }
        }
        store(c, owner, listId, list.with(index, value));
    }

    /** The token of list {@code id}, signed again first when it is past half its validity. */
    public Optional<StoredToken> find(Connection c, String id) throws SQLException, TokenStatusException {
        try (PreparedStatement q = c.prepareStatement("SELECT token, version, expires_at FROM token_status_list WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Instant expires = rs.getTimestamp(3).toInstant();
                if (Instant.now().plus(VALIDITY.dividedBy(2)).isBefore(expires)) {
                    return Optional.of(new StoredToken(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return Optional.of(refresh(c, id));
    }

    /** The list id of one of this service's token URIs, if {@code uri} is one. */
    public Optional<String> idOf(String uri) {
        return uri.startsWith(base()) ? Optional.of(uri.substring(base().length())) : Optional.empty();
    }

    private StoredToken refresh(Connection c, String id) throws SQLException, TokenStatusException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            lock(c);
            TokenStatusList list;
            ListOwner owner;
            try (PreparedStatement q = c.prepareStatement("SELECT list, issuer FROM token_status_list WHERE id = ? FOR UPDATE")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    list = TokenStatusList.of(BITS, rs.getBytes(1));
                    owner = ListOwner.ofColumn(rs.getString(2));
                }
            }
            StoredToken stored = store(c, owner, id, list);
            c.commit();
            return stored;
        } catch (SQLException | TokenStatusException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private StoredToken store(Connection c, ListOwner owner, String id, TokenStatusList list)
            throws SQLException, TokenStatusException {
        // The owner's current key: after a rotation the token is signed again with the newer key.
        StatusListToken token = keys.statusListTokenIssuer(owner.bureauDid(), VALIDITY, TIME_TO_LIVE).issue(uri(id), list);
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE token_status_list SET list = ?, token = ?, expires_at = ?, version = version + 1, updated_at = now()
                WHERE id = ? RETURNING version""")) {
            u.setBytes(1, list.bytes());
            u.setString(2, token.compact());
            u.setTimestamp(3, Timestamp.from(token.expiresAt().orElseThrow()));
            u.setString(4, id);
            try (ResultSet rs = u.executeQuery()) {
                rs.next();
                anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.STATUS_LIST, token.compact(), "token-status-list:" + id);
                return new StoredToken(token.compact(), rs.getLong(1));
            }
        }
    }

    private void ensureList(Connection c, ListOwner owner, String id) throws SQLException, TokenStatusException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM token_status_list WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        TokenStatusList empty = TokenStatusList.create(ENTRIES, BITS);
        StatusListToken token = keys.statusListTokenIssuer(owner.bureauDid(), VALIDITY, TIME_TO_LIVE).issue(uri(id), empty);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO token_status_list (id, uri, bits, list, token, expires_at, issuer) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(7, owner.column());
            insert.setString(1, id);
            insert.setString(2, uri(id));
            insert.setInt(3, BITS);
            insert.setBytes(4, empty.bytes());
            insert.setString(5, token.compact());
            insert.setTimestamp(6, Timestamp.from(token.expiresAt().orElseThrow()));
            insert.executeUpdate();
            anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.STATUS_LIST, token.compact(), "token-status-list:" + id);
        }
    }

    private String uri(String id) {
        return base() + id;
    }

    private String base() {
        return publicUrl.replaceAll("/+$", "") + "/status-lists/";
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LIST_LOCK);
            lock.execute();
        }
    }

    private static int currentList(Connection c, ListOwner owner) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT coalesce(max(cast(substring(id from '[0-9]+$') AS integer)), 1) FROM token_status_list WHERE issuer = ?")) {
            q.setString(1, owner.column());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static boolean used(Connection c, String list, int index) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM issued_credential WHERE token_status_list = ? AND token_status_index = ?")) {
            q.setString(1, list);
            q.setInt(2, index);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
