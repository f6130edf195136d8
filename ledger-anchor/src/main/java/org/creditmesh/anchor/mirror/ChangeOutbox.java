package org.creditmesh.anchor.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable queue of registry changes (table {@code registry_change}, migrated with the anchoring outbox by
 * {@link org.creditmesh.anchor.outbox.OutboxDatabase}). A host queues a change in the same transaction as its own
 * record of it, so a committed accreditation always reaches the chain eventually and a rolled-back one never does.
 */
public final class ChangeOutbox {

    private ChangeOutbox() {
    }

    /** Queues {@code change} in the caller's transaction on {@code c}; returns its id. */
    public static long submitIn(Connection c, RegistryChange change) throws SQLException {
        Objects.requireNonNull(c, "connection");
        Objects.requireNonNull(change, "change");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO registry_change (ref, did_hash, action, calldata, not_before) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, change.ref().value());
            insert.setBytes(2, change.didHash().bytes());
            insert.setString(3, change.action().name());
            insert.setString(4, change.action().calldata().toLowerCase(Locale.ROOT));
            insert.setTimestamp(5, Timestamp.from(change.notBefore()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The changes queued under {@code ref}, oldest first. */
    public static List<ChangeStatus> byRef(Connection c, String ref) throws SQLException {
        List<ChangeStatus> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, action, state, proposal_id, tx_hash, error_code, not_before "
                + "FROM registry_change WHERE ref = ? ORDER BY id")) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long proposal = rs.getLong(4);
                    OptionalLong proposalId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(proposal);
                    out.add(new ChangeStatus(rs.getLong(1), rs.getString(2), ChangeState.valueOf(rs.getString(3)), proposalId,
                            Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return out;
    }

    /** The newest change queued under {@code ref}. */
    public static Optional<ChangeStatus> latest(Connection c, String ref) throws SQLException {
        List<ChangeStatus> all = byRef(c, ref);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
