package org.creditmesh.identity.server.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The append-only, hash-chained audit log: each row's {@code hash} is SHA-256 over the previous row's hash and
 * this row's fields, so removing or editing a row breaks every later hash ({@link #verifyChain}). Rows name who
 * did what to which credential (by id or hash), never claim values. Appends run in the caller's transaction, so
 * an audited action and its audit row commit together.
 */
@ApplicationScoped
public class AuditLog {

    @jakarta.inject.Inject
    org.creditmesh.identity.server.anchoring.Anchoring anchoring;

    /** The hash before the first row. */
    public static final String GENESIS = "0".repeat(64);
    /** Serialises appends across connections: the chain needs one writer at a time. */
    private static final long APPEND_LOCK = 0x4155_4449_54L;

    /** One audit row. */
    public record Entry(long seq, Instant at, String actor, String action, String subjectRef, String outcome,
                        String prevHash, String hash) {
    }

    /** What a caller asks to record: the fields of a row before the log numbers and chains it. */
    public record Record(String actor, String action, String subjectRef, String outcome) {
        public Record {
            java.util.Objects.requireNonNull(actor, "actor");
            java.util.Objects.requireNonNull(action, "action");
            java.util.Objects.requireNonNull(subjectRef, "subjectRef");
            java.util.Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** Appends a row in {@code connection}'s transaction (auto-commit must be off). */
    public Entry append(Connection connection, String actor, String action, String subjectRef, String outcome)
            throws SQLException {
        return appendAll(connection, java.util.List.of(new Record(actor, action, subjectRef, outcome))).get(0);
    }

    /**
     * Appends {@code records} as consecutive rows, in their order, in {@code connection}'s transaction (auto-commit
     * must be off): one lock, one read of the head and one batched insert for all of them ({@link AuditWriter}'s
     * group commit).
     */
    public java.util.List<Entry> appendAll(Connection connection, java.util.List<Record> records) throws SQLException {
        if (records.isEmpty()) {
            return java.util.List.of();
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        long seq = 1;
        String prev = GENESIS;
        try (PreparedStatement last = connection.prepareStatement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
             ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        java.util.List<Entry> entries = new java.util.ArrayList<>(records.size());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (seq, at, actor, action, subject_ref, outcome, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Record r : records) {
                Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                String hash = hash(prev, seq, at, r.actor(), r.action(), r.subjectRef(), r.outcome());
                insert.setLong(1, seq);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, r.actor());
                insert.setString(4, r.action());
                insert.setString(5, r.subjectRef());
                insert.setString(6, r.outcome());
                insert.setString(7, prev);
                insert.setString(8, hash);
                insert.addBatch();
                entries.add(new Entry(seq, at, r.actor(), r.action(), r.subjectRef(), r.outcome(), prev, hash));
                prev = hash;
                seq++;
            }
            insert.executeBatch();
        }
        for (Entry e : entries) {
            if (anchoring.isAuditCheckpoint(e.seq())) {
                // The head hash commits to every earlier row: anchoring it fixes the whole log up to here.
                anchoring.queueHash(connection, org.creditmesh.anchor.outbox.AnchorKind.AUDIT_CHECKPOINT,
                        java.util.HexFormat.of().parseHex(e.hash()), "audit:" + e.seq());
            }
        }
        return entries;
    }

    /** The rows after {@code afterSeq}, in order, at most {@code limit} of them. */
    public java.util.List<Entry> page(Connection connection, long afterSeq, int limit) throws SQLException {
        java.util.List<Entry> out = new java.util.ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT seq, at, actor, action, subject_ref, outcome, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
            q.setLong(1, afterSeq);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /**
     * The chain recomputed from the genesis hash: how many rows, the last row's hash as recomputed (the head a
     * regulator compares with one it noted earlier or one anchored on chain), and the first broken row (-1 if none).
     */
    public record ChainState(long count, String headHash, long firstBrokenSeq) {
        public boolean intact() {
            return firstBrokenSeq < 0;
        }
    }

    public ChainState chainState(Connection connection) throws SQLException {
        String prev = GENESIS;
        long expected = 1;
        long broken = -1;
        try (PreparedStatement all = connection.prepareStatement(
                "SELECT seq, at, actor, action, subject_ref, outcome, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String recomputed = hash(prev, seq, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                if (broken < 0 && (seq != expected || !prev.equals(rs.getString(7)) || !recomputed.equals(rs.getString(8)))) {
                    broken = seq;
                }
                prev = recomputed;
                expected++;
            }
        }
        return new ChainState(expected - 1, prev, broken);
    }

    /** The sequence number of the first row whose hash or link does not match, or -1 when the chain is intact. */
    public long verifyChain(Connection connection) throws SQLException {
        String prev = GENESIS;
        long expected = 1;
        try (PreparedStatement all = connection.prepareStatement(
                "SELECT seq, at, actor, action, subject_ref, outcome, prev_hash, hash FROM audit_log ORDER BY seq");
             ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                String recomputed = hash(prev, seq, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                if (seq != expected || !prev.equals(rs.getString(7)) || !recomputed.equals(rs.getString(8))) {
                    return seq;
                }
                prev = recomputed;
                expected++;
            }
        }
        return -1;
    }

    static String hash(String prev, long seq, Instant at, String actor, String action, String subjectRef, String outcome) {
        // Fields joined with a separator that cannot occur in them unescaped (they are ids, codes and hashes).
        String material = String.join("\n", prev, Long.toString(seq), at.toString(), actor, action, subjectRef, outcome);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
