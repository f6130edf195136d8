package org.creditmesh.anchor.batch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.chain.FeeMode;
import org.creditmesh.anchor.chain.Fees;
import org.creditmesh.anchor.chain.SignedTransaction;
import org.creditmesh.anchor.merkle.Hash32;

/** The batcher's SQL: every state change is one transaction. */
final class BatchStore {

    private static final String LIVE = "('OPEN', 'BUILT', 'SENT', 'MINED', 'CONFIRMED')";
    private static final String BATCH_COLUMNS = "id, state, root, leaf_count, meta, nonce, tx_hash, block_number, block_hash, "
            + "log_index, anchored_at, gas_used";

    /** A recorded transaction of a batch. */
    record TxRecord(long batchId, SignedTransaction tx, Instant signedAt) {
    }

    /** The target row: chain, registry and signer the outbox anchors with. */
    record Target(long chainId, String contract, String anchorer) {
    }

    /** Rows per multi-row statement. */
    private static final int BULK = 10_000;

    private final DataSource db;

    BatchStore(DataSource db) {
        this.db = db;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    Optional<Target> target() throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT chain_id, contract, anchorer FROM anchor_target WHERE id = 1");
                 ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Target(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        });
    }

    void saveTarget(Target t) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("INSERT INTO anchor_target (id, chain_id, contract, anchorer) "
                    + "VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET chain_id = EXCLUDED.chain_id, "
                    + "contract = EXCLUDED.contract, anchorer = EXCLUDED.anchorer")) {
                u.setLong(1, t.chainId());
                u.setString(2, t.contract());
                u.setString(3, t.anchorer());
                u.executeUpdate();
            }
            return null;
        });
    }

    List<BatchRecord> unfinished() throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM anchor_batch "
                    + "WHERE state IN ('OPEN', 'BUILT', 'SENT', 'MINED') ORDER BY id");
                 ResultSet rs = q.executeQuery()) {
                List<BatchRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(batch(rs));
                }
                return out;
            }
        });
    }

    Optional<BatchRecord> batch(long id) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM anchor_batch WHERE id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(batch(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Count of queued entries and the submission time of the oldest. */
    record Queue(long count, Instant oldest) {
    }

    Queue queue() throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*), min(submitted_at) FROM anchor_entry WHERE batch_id IS NULL");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Queue(rs.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        });
    }

    /**
     * Attaches queued entries whose hash is already a leaf of a live batch to that batch (the same
     * hash submitted as another kind shares the leaf: a root is never anchored twice), then opens a
     * batch with up to {@code max} of the remaining queued entries. Returns the new batch's id, if any.
     */
    Optional<Long> open(int max) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement attach = c.prepareStatement("UPDATE anchor_entry e SET batch_id = l.batch_id "
                    + "FROM anchor_leaf l JOIN anchor_batch b ON b.id = l.batch_id "
                    + "WHERE e.batch_id IS NULL AND e.hash = l.hash AND b.state IN " + LIVE)) {
                attach.executeUpdate();
            }
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO anchor_batch (state) VALUES ('OPEN') RETURNING id");
                 ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            int claimed;
            // The oldest queued entries; an entry whose hash another claimed entry holds shares that leaf, and one left
            // queued with a hash of this batch joins it by the attach step of the next open.
            try (PreparedStatement claim = c.prepareStatement("UPDATE anchor_entry SET batch_id = ? WHERE id IN ("
                    + "SELECT id FROM anchor_entry WHERE batch_id IS NULL ORDER BY id LIMIT ?)")) {
                claim.setLong(1, id);
                claim.setInt(2, max);
                claimed = claim.executeUpdate();
            }
            if (claimed == 0) {
                // everything queued joined a live batch above: keep that, drop the empty batch
                try (PreparedStatement drop = c.prepareStatement("DELETE FROM anchor_batch WHERE id = ?")) {
                    drop.setLong(1, id);
                    drop.executeUpdate();
                }
                return Optional.empty();
            }
            return Optional.of(id);
        });
    }

    /** The distinct hashes of an OPEN batch's entries, in order of first submission. */
    List<Hash32> claimedHashes(long batchId) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT hash FROM anchor_entry WHERE batch_id = ? GROUP BY hash ORDER BY min(id)")) {
                q.setLong(1, batchId);
                q.setFetchSize(10_000);
                Set<Hash32> out = new LinkedHashSet<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Hash32(rs.getBytes(1)));
                    }
                }
                return new ArrayList<>(out);
            }
        });
    }

    /** Records the leaves and root of an OPEN batch: BUILT. */
    void build(long batchId, List<Hash32> leaves, Hash32 root, Hash32 meta) throws SQLException {
        inTransaction(c -> {
            // one statement per 10,000 leaves (arrays unnested server-side) instead of a round trip per row
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO anchor_leaf (batch_id, leaf_index, hash) "
                    + "SELECT ?, ? + i - 1, h FROM unnest(?::bytea[]) WITH ORDINALITY AS u(h, i)")) {
                for (int from = 0; from < leaves.size(); from += BULK) {
                    int to = Math.min(leaves.size(), from + BULK);
                    byte[][] hashes = new byte[to - from][];
                    for (int i = from; i < to; i++) {
                        hashes[i - from] = leaves.get(i).bytes();
                    }
                    insert.setLong(1, batchId);
                    insert.setInt(2, from);
                    insert.setObject(3, hashes);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'BUILT', root = ?, leaf_count = ?, meta = ?, "
                    + "updated_at = now() WHERE id = ? AND state = 'OPEN'")) {
                u.setBytes(1, root.bytes());
                u.setInt(2, leaves.size());
                u.setBytes(3, meta.bytes());
                u.setLong(4, batchId);
                requireOne(u.executeUpdate(), batchId, "OPEN");
            }
            return null;
        });
    }

    List<Hash32> leaves(long batchId) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT hash FROM anchor_leaf WHERE batch_id = ? ORDER BY leaf_index")) {
                q.setLong(1, batchId);
                q.setFetchSize(10_000);
                List<Hash32> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Hash32(rs.getBytes(1)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The lowest nonce released by a REORGED batch that is still unused on chain ({@code >= minedNonce}):
     * the next transaction takes it, so that the reorged transaction, if some pool still holds it, and
     * the new one can never both be mined.
     */
    Optional<Long> releasedNonce(long minedNonce) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT min(nonce) FROM anchor_batch WHERE state = 'REORGED' "
                    + "AND nonce_released AND nonce >= ?")) {
                q.setLong(1, minedNonce);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(n);
                }
            }
        });
    }

    /** The highest nonce of a SENT or MINED batch. */
    Optional<Long> highestNonceInFlight() throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT max(nonce) FROM anchor_batch WHERE state IN ('SENT', 'MINED')");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(n);
            }
        });
    }

    /** The most recent transaction signed with {@code nonce}, by any batch. */
    Optional<TxRecord> lastTxWithNonce(long nonce) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(TX_SELECT + " WHERE nonce = ? ORDER BY signed_at DESC, max_fee DESC LIMIT 1")) {
                q.setLong(1, nonce);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(tx(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Records a signed transaction before it is broadcast and moves the batch to SENT (from BUILT, or
     * stays SENT for a replacement); a released nonce it reuses is no longer released.
     */
    void recordTx(long batchId, SignedTransaction tx, Instant signedAt) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO anchor_tx (tx_hash, batch_id, nonce, raw, fee_mode, max_fee, "
                    + "priority_fee, gas_limit, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setBytes(1, tx.hash().bytes());
                insert.setLong(2, batchId);
                insert.setLong(3, tx.nonce());
                insert.setString(4, tx.raw());
                insert.setString(5, tx.fees().mode().name());
                insert.setBigDecimal(6, new BigDecimal(tx.fees().maxFeePerGas()));
                insert.setBigDecimal(7, tx.fees().maxPriorityFeePerGas() == null ? null : new BigDecimal(tx.fees().maxPriorityFeePerGas()));
                insert.setBigDecimal(8, new BigDecimal(tx.gasLimit()));
                insert.setTimestamp(9, Timestamp.from(signedAt));
                insert.executeUpdate();
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'SENT', nonce = ?, tx_hash = ?, updated_at = now() "
                    + "WHERE id = ? AND state IN ('BUILT', 'SENT')")) {
                u.setLong(1, tx.nonce());
                u.setBytes(2, tx.hash().bytes());
                u.setLong(3, batchId);
                requireOne(u.executeUpdate(), batchId, "BUILT or SENT");
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET nonce_released = FALSE WHERE state = 'REORGED' AND nonce = ?")) {
                u.setLong(1, tx.nonce());
                u.executeUpdate();
            }
            return null;
        });
    }

    private static final String TX_SELECT = "SELECT batch_id, tx_hash, raw, nonce, gas_limit, fee_mode, max_fee, priority_fee, signed_at FROM anchor_tx";

    /** A batch's transactions, oldest first. */
    List<TxRecord> txs(long batchId) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(TX_SELECT + " WHERE batch_id = ? ORDER BY signed_at, max_fee")) {
                q.setLong(1, batchId);
                List<TxRecord> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(tx(rs));
                    }
                }
                return out;
            }
        });
    }

    /** Transactions of REORGED batches signed with {@code nonce}: one of them may have been mined after all. */
    List<TxRecord> reorgedTxsWithNonce(long nonce) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement(TX_SELECT + " WHERE nonce = ? AND batch_id IN "
                    + "(SELECT id FROM anchor_batch WHERE state = 'REORGED') ORDER BY signed_at")) {
                q.setLong(1, nonce);
                List<TxRecord> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(tx(rs));
                    }
                }
                return out;
            }
        });
    }

    /** SENT (or MINED, re-mined in another block) → MINED with where the transaction landed. */
    void markMined(long batchId, AnchoredBatch at) throws SQLException {
        inTransaction(c -> {
            setMined(c, batchId, at, "('SENT', 'MINED')");
            return null;
        });
    }

    private static void setMined(Connection c, long batchId, AnchoredBatch at, String fromStates) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'MINED', tx_hash = ?, block_number = ?, "
                + "block_hash = ?, log_index = ?, anchored_at = ?, gas_used = ?, nonce_released = FALSE, updated_at = now() "
                + "WHERE id = ? AND state IN " + fromStates)) {
            u.setBytes(1, at.txHash().bytes());
            u.setLong(2, at.blockNumber());
            u.setBytes(3, at.blockHash().bytes());
            u.setLong(4, at.logIndex());
            u.setTimestamp(5, Timestamp.from(at.anchoredAt()));
            u.setLong(6, at.gasUsed());
            u.setLong(7, batchId);
            requireOne(u.executeUpdate(), batchId, fromStates);
        }
    }

    /** MINED → REORGED: the nonce is released and the entries go back to the queue. Returns the entries released. */
    int markReorged(long batchId) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'REORGED', nonce_released = TRUE, "
                    + "error_code = 'reorged', updated_at = now() WHERE id = ? AND state IN ('MINED', 'SENT')")) {
                u.setLong(1, batchId);
                requireOne(u.executeUpdate(), batchId, "MINED");
            }
            return release(c, batchId);
        });
    }

    /** → FAILED with a code; the entries go back to the queue. Returns the entries released. */
    int markFailed(long batchId, String code) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'FAILED', error_code = ?, updated_at = now() "
                    + "WHERE id = ? AND state IN ('OPEN', 'BUILT', 'SENT', 'MINED')")) {
                u.setString(1, code);
                u.setLong(2, batchId);
                requireOne(u.executeUpdate(), batchId, "unfinished");
            }
            return release(c, batchId);
        });
    }

    /**
     * A REORGED batch's transaction was mined after all (a pool kept it and re-included it): the
     * batch is MINED again and takes back the entries of its leaves. A batch that reused its nonce
     * ({@code loserId}, SENT, or {@code -1}) fails, and so does every OPEN or BUILT batch holding one
     * of those hashes (not sent yet); their other entries are queued again. One transaction.
     */
    void resurrect(long reorgedId, AnchoredBatch at, long loserId) throws SQLException {
        inTransaction(c -> {
            if (loserId >= 0) {
                try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'FAILED', "
                        + "error_code = 'nonce_taken_by_reorged_batch', updated_at = now() WHERE id = ? AND state = 'SENT'")) {
                    u.setLong(1, loserId);
                    requireOne(u.executeUpdate(), loserId, "SENT");
                }
                release(c, loserId);
            }
            List<Long> unsent = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT e.batch_id FROM anchor_entry e JOIN anchor_batch b "
                    + "ON b.id = e.batch_id WHERE b.state IN ('OPEN', 'BUILT') AND e.hash IN (SELECT hash FROM anchor_leaf WHERE batch_id = ?)")) {
                q.setLong(1, reorgedId);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        unsent.add(rs.getLong(1));
                    }
                }
            }
            for (long id : unsent) {
                try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'FAILED', error_code = 'superseded', "
                        + "updated_at = now() WHERE id = ?")) {
                    u.setLong(1, id);
                    u.executeUpdate();
                }
                release(c, id);
            }
            setMined(c, reorgedId, at, "('REORGED')");
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_entry SET batch_id = ? WHERE batch_id IS NULL AND hash IN "
                    + "(SELECT hash FROM anchor_leaf WHERE batch_id = ?)")) {
                u.setLong(1, reorgedId);
                u.setLong(2, reorgedId);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** REORGED batches whose released nonce is used on chain now (below {@code minedNonce}): by their own transaction? */
    List<Long> reorgedWithUsedNonce(long minedNonce) throws SQLException {
        return inTransaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM anchor_batch WHERE state = 'REORGED' AND nonce_released "
                    + "AND nonce < ? ORDER BY id")) {
                q.setLong(1, minedNonce);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /** The released nonce of a REORGED batch was used by another transaction: nothing left to reuse. */
    void clearReleased(long batchId) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET nonce_released = FALSE WHERE id = ?")) {
                u.setLong(1, batchId);
                u.executeUpdate();
            }
            return null;
        });
    }

    /** MINED → CONFIRMED with every leaf's proof (JSON, by leaf index). */
    void confirm(long batchId, List<String> proofs) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_leaf l SET proof = p.proof "
                    + "FROM unnest(?::text[]) WITH ORDINALITY AS p(proof, i) WHERE l.batch_id = ? AND l.leaf_index = ? + p.i - 1")) {
                for (int from = 0; from < proofs.size(); from += BULK) {
                    List<String> chunk = proofs.subList(from, Math.min(proofs.size(), from + BULK));
                    u.setArray(1, c.createArrayOf("text", chunk.toArray()));
                    u.setLong(2, batchId);
                    u.setInt(3, from);
                    u.executeUpdate();
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE anchor_batch SET state = 'CONFIRMED', updated_at = now() "
                    + "WHERE id = ? AND state = 'MINED'")) {
                u.setLong(1, batchId);
                requireOne(u.executeUpdate(), batchId, "MINED");
            }
            return null;
        });
    }

    private static int release(Connection c, long batchId) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE anchor_entry SET batch_id = NULL WHERE batch_id = ?")) {
            u.setLong(1, batchId);
            return u.executeUpdate();
        }
    }

    private static void requireOne(int updated, long batchId, String expected) throws SQLException {
        if (updated != 1) {
            // another batcher moved it (two batchers on one outbox is prevented by the advisory lock)
            throw new SQLException("batch " + batchId + " is no longer " + expected);
        }
    }

    private static BatchRecord batch(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp(11);
        long nonce = rs.getLong(6);
        boolean noNonce = rs.wasNull();
        long block = rs.getLong(8);
        boolean noBlock = rs.wasNull();
        return new BatchRecord(rs.getLong(1), BatchState.valueOf(rs.getString(2)), hash(rs.getBytes(3)), rs.getInt(4),
                hash(rs.getBytes(5)), noNonce ? -1 : nonce, hash(rs.getBytes(7)), noBlock ? -1 : block, hash(rs.getBytes(9)),
                rs.getLong(10), at == null ? null : at.toInstant(), rs.getLong(12));
    }

    private static TxRecord tx(ResultSet rs) throws SQLException {
        FeeMode mode = FeeMode.valueOf(rs.getString(6));
        BigInteger maxFee = rs.getBigDecimal(7).toBigIntegerExact();
        BigDecimal tip = rs.getBigDecimal(8);
        Fees fees = mode == FeeMode.LEGACY ? Fees.legacy(maxFee) : Fees.eip1559(maxFee, tip.toBigIntegerExact());
        SignedTransaction tx = new SignedTransaction(new Hash32(rs.getBytes(2)), rs.getString(3), rs.getLong(4),
                rs.getBigDecimal(5).toBigIntegerExact(), fees);
        return new TxRecord(rs.getLong(1), tx, rs.getTimestamp(9).toInstant());
    }

    private static Hash32 hash(byte[] bytes) {
        return bytes == null ? null : new Hash32(bytes);
    }
}
