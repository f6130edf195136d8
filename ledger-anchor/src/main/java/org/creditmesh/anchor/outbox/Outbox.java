package org.creditmesh.anchor.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofException;

/**
 * The durable queue of hashes to anchor, and where each one is: a submission is committed to
 * PostgreSQL before {@link #submit} returns, so an accepted hash survives any crash; the batcher
 * ({@code org.creditmesh.anchor.batch}) takes it from there. Submitting the same kind and hash again
 * is a no-op that returns the first entry.
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO anchor_entry (kind, hash, ref) VALUES (?, ?, ?) "
            + "ON CONFLICT (kind, hash) DO NOTHING RETURNING id";

    private final DataSource db;

    public Outbox(DataSource db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Queues one hash; durable once this returns. */
    public SubmitResult submit(Submission s) throws OutboxException {
        Objects.requireNonNull(s, "submission");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            return insert(c, s);
        } catch (SQLException e) {
            throw unavailable("submit", e);
        }
    }

    /**
     * Queues one hash inside the caller's transaction on {@code c}, a connection to the database that holds the
     * outbox: the hash is queued exactly when the caller's own change (the issued credential, the new status list)
     * commits, so neither can exist without the other after a crash.
     */
    public static SubmitResult submitIn(Connection c, Submission s) throws SQLException {
        Objects.requireNonNull(c, "connection");
        Objects.requireNonNull(s, "submission");
        return insert(c, s);
    }

    /**
     * Queues many hashes in one transaction (all or none); durable once this returns. Results are in
     * the order of {@code submissions}.
     */
    public List<SubmitResult> submitAll(Collection<Submission> submissions) throws OutboxException {
        List<Submission> all = List.copyOf(submissions);
        List<SubmitResult> results = new ArrayList<>(all.size());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int from = 0; from < all.size(); from += BULK) {
                    results.addAll(insertAll(c, all.subList(from, Math.min(all.size(), from + BULK))));
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return results;
        } catch (SQLException e) {
            throw unavailable("submitAll", e);
        }
    }

    /** Rows per multi-row statement of {@link #submitAll}. */
    private static final int BULK = 10_000;

    /**
     * One statement for many rows (arrays unnested server-side): row-by-row inserts cost a round trip
     * each. Entries that existed already are looked up afterwards.
     */
    private static List<SubmitResult> insertAll(Connection c, List<Submission> chunk) throws SQLException {
        String[] kinds = new String[chunk.size()];
        byte[][] hashes = new byte[chunk.size()][];
        String[] refs = new String[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            kinds[i] = chunk.get(i).kind().code();
            hashes[i] = chunk.get(i).hash().bytes();
            refs[i] = chunk.get(i).ref().value();
        }
        java.util.Map<String, Long> created = new java.util.HashMap<>();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO anchor_entry (kind, hash, ref) "
                + "SELECT * FROM unnest(?::text[], ?::bytea[], ?::text[]) ON CONFLICT (kind, hash) DO NOTHING RETURNING id, kind, hash")) {
            insert.setArray(1, c.createArrayOf("text", kinds));
            insert.setObject(2, hashes);
            insert.setArray(3, c.createArrayOf("text", refs));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    created.put(key(rs.getString(2), rs.getBytes(3)), rs.getLong(1));
                }
            }
        }
        List<SubmitResult> out = new ArrayList<>(chunk.size());
        for (Submission s : chunk) {
            Long id = created.remove(key(s.kind().code(), s.hash().bytes()));
            out.add(id != null ? new SubmitResult(id, true) : insert(c, s));
        }
        return out;
    }

    private static String key(String kind, byte[] hash) {
        return kind + "/" + java.util.HexFormat.of().formatHex(hash);
    }

    private static SubmitResult insert(Connection c, Submission s) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, s.kind().code());
            insert.setBytes(2, s.hash().bytes());
            insert.setString(3, s.ref().value());
            try (ResultSet rs = insert.executeQuery()) {
                if (rs.next()) {
                    return new SubmitResult(rs.getLong(1), true);
                }
            }
        }
        try (PreparedStatement existing = c.prepareStatement("SELECT id FROM anchor_entry WHERE kind = ? AND hash = ?")) {
            existing.setString(1, s.kind().code());
            existing.setBytes(2, s.hash().bytes());
            try (ResultSet rs = existing.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("entry vanished between insert and select");
                }
                return new SubmitResult(rs.getLong(1), false);
            }
        }
    }

    /** Where {@code hash} is (the most advanced of its entries), empty if it was never submitted. */
    public Optional<AnchorStatus> status(Hash32 hash) throws OutboxException {
        Objects.requireNonNull(hash, "hash");
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT e.batch_id, b.state FROM anchor_entry e "
                     + "LEFT JOIN anchor_batch b ON b.id = e.batch_id WHERE e.hash = ?")) {
            q.setBytes(1, hash.bytes());
            AnchorStatus best = null;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long batch = rs.getLong(1);
                    AnchorState state = stateOf(rs.getString(2));
                    if (best == null || state.ordinal() > best.state().ordinal()) {
                        best = new AnchorStatus(hash, state, state == AnchorState.QUEUED ? 0 : batch);
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (SQLException e) {
            throw unavailable("status", e);
        }
    }

    /** The proof of {@code hash} once its batch is confirmed; empty while pending or never submitted. */
    public Optional<AnchorProof> proofFor(Hash32 hash) throws OutboxException {
        Objects.requireNonNull(hash, "hash");
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT l.proof FROM anchor_leaf l JOIN anchor_batch b ON b.id = l.batch_id "
                     + "WHERE l.hash = ? AND b.state = 'CONFIRMED' AND l.proof IS NOT NULL ORDER BY b.id LIMIT 1")) {
            q.setBytes(1, hash.bytes());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(AnchorProof.parse(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw unavailable("proofFor", e);
        } catch (ProofException e) {
            throw new OutboxException(OutboxError.CORRUPT_RECORD, "the stored proof does not parse: " + e.getMessage(), e);
        }
    }

    /** Hashes submitted and not in any batch. */
    public long queued() throws OutboxException {
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM anchor_entry WHERE batch_id IS NULL");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw unavailable("queued", e);
        }
    }

    private static AnchorState stateOf(String batchState) {
        if (batchState == null) {
            return AnchorState.QUEUED;
        }
        return switch (batchState) {
            case "OPEN", "BUILT" -> AnchorState.BATCHED;
            case "SENT" -> AnchorState.SENT;
            case "MINED" -> AnchorState.MINED;
            case "CONFIRMED" -> AnchorState.CONFIRMED;
            // entries of REORGED and FAILED batches are released in the same transaction; not reachable
            default -> AnchorState.QUEUED;
        };
    }

    static OutboxException unavailable(String what, SQLException e) {
        // SQL state and message only: no statement parameters (hashes and references) in the error
        return new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, what + ": database error " + e.getSQLState(), e);
    }
}
