package org.creditmesh.anchor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.testing.AnchorChecks;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.creditmesh.anchor.testing.SimulatedCrash;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reorganisations on a real anvil node: a mined but unconfirmed batch whose block disappears
 * ({@code evm_snapshot}/{@code evm_revert}) goes back into the queue and is anchored once; a
 * transaction re-included in another block ({@code anvil_reorg}) is followed there; a reorged
 * transaction that comes back after its hashes were re-batched wins, and the new batch gives way.
 */
class ReorgTest {

    private static final BatcherConfig CONFIG = BatcherConfig.defaults().withMaxBatchSize(100).withInterval(Duration.ZERO)
            .withConfirmations(3).withStuckAfter(Duration.ofHours(1));
    private static AnvilNode node;

    @BeforeAll
    static void startChain() throws Exception {
        node = TestChain.start(31337);
    }

    @AfterAll
    static void stopChain() {
        if (node != null) {
            node.close();
        }
    }

    private static String result(String body) throws Exception {
        return Json.parse(body).get("result").asText();
    }

    @Test
    void aMinedBatchWhoseBlockIsRevertedIsQueuedAgainAndAnchoredOnce() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 1)) {
            List<Hash32> hashes = f.submit(6, 501, AnchorKind.STATUS_LIST);
            long nonceBefore = f.minedNonce();
            String snapshot = result(node.rpc("evm_snapshot", "[]"));
            Batcher batcher = f.batcher(CONFIG);

            assertThat(AnchorFixture.tickUntilMined(batcher, 50)).isEqualTo(1);
            assertThat(f.outbox.status(hashes.get(0)).orElseThrow().state()).as("3 confirmations needed").isEqualTo(AnchorState.MINED);
            assertThat(f.outbox.proofFor(hashes.get(0))).isEmpty();

            node.rpc("evm_revert", "[\"" + snapshot + "\"]");

            TickReport afterReorg = batcher.tick();
            assertThat(afterReorg.reorged()).isEqualTo(1);
            assertThat(afterReorg.opened()).as("its hashes were queued again and batched anew").isEqualTo(1);
            assertThat(afterReorg.sent()).isEqualTo(1);
            node.mine(2);
            AnchorFixture.tickUntilSettled(batcher, f.outbox, 5);

            assertThat(AnchorChecks.batchStates(f.db.dataSource())).containsEntry(1L, "REORGED").containsEntry(2L, "CONFIRMED")
                    .hasSize(2);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            // The new transaction took the nonce the reorged one released, with fees raised by at least 10 %, so that
            // if some pool still held the old one, at most one of the two could ever be mined.
            List<long[]> txs = txs(f);
            assertThat(txs).hasSize(2);
            assertThat(txs.get(1)[0]).as("same nonce").isEqualTo(txs.get(0)[0]);
            assertThat(txs.get(1)[1]).as("max fee +10 %").isGreaterThanOrEqualTo(txs.get(0)[1] * 110 / 100);
            assertThat(txs.get(1)[2]).as("tip +10 %").isGreaterThanOrEqualTo(txs.get(0)[2] * 110 / 100);
        }
    }

    @Test
    void aTransactionReincludedInAnotherBlockIsFollowedThereAndItsProofNamesTheNewBlock() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 2)) {
            List<Hash32> hashes = f.submit(5, 502, AnchorKind.MODEL);
            long nonceBefore = f.minedNonce();
            Batcher batcher = f.batcher(CONFIG);
            assertThat(AnchorFixture.tickUntilMined(batcher, 50)).isEqualTo(1);
            String oldBlockHash = blockHashOfBatch(f, 1);
            String raw = rawTx(f, 1);

            // Replace the last block with one that holds the same transaction: same receipt, other block hash.
            node.rpc("anvil_reorg", "[1, [[\"" + raw + "\", 0]]]");

            TickReport r = batcher.tick();
            assertThat(r.reorged()).as("the transaction is still in the chain").isZero();
            assertThat(blockHashOfBatch(f, 1)).isNotEqualTo(oldBlockHash);
            node.mine(2);
            AnchorFixture.tickUntilSettled(batcher, f.outbox, 5);
            AnchorProof proof = f.outbox.proofFor(hashes.get(0)).orElseThrow();
            assertThat(proof.blockHash().toHex()).isEqualTo(blockHashOfBatch(f, 1)).isNotEqualTo(oldBlockHash);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
        }
    }

    @Test
    void aReorgedTransactionThatComesBackBeforeItsNonceIsReusedTakesItsHashesBack() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 3)) {
            List<Hash32> hashes = f.submit(7, 503, AnchorKind.ACCREDITATION);
            long nonceBefore = f.minedNonce();
            String snapshot = result(node.rpc("evm_snapshot", "[]"));
            Batcher first = f.batcher(CONFIG);
            assertThat(AnchorFixture.tickUntilMined(first, 50)).isEqualTo(1);
            String raw = rawTx(f, 1);
            node.rpc("evm_revert", "[\"" + snapshot + "\"]");
            first.close();

            // The batcher notices the reorg, re-batches the hashes, and is killed before sending the new batch.
            Batcher crashing = f.batcher(CONFIG, SimulatedCrash.at(Stage.BUILT));
            assertThatThrownBy(crashing::tick).isInstanceOf(SimulatedCrash.class);
            crashing.close();
            assertThat(AnchorChecks.batchStates(f.db.dataSource())).containsEntry(1L, "REORGED").containsEntry(2L, "BUILT");

            // Meanwhile some pool re-broadcasts the old transaction and it is mined again.
            node.rpc("eth_sendRawTransaction", "[\"" + raw + "\"]");

            Batcher fresh = f.batcher(CONFIG);
            fresh.tick();
            assertThat(AnchorChecks.batchStates(f.db.dataSource())).containsEntry(1L, "MINED").containsEntry(2L, "FAILED");
            node.mine(2);
            AnchorFixture.tickUntilSettled(fresh, f.outbox, 5);
            assertThat(AnchorChecks.batchStates(f.db.dataSource())).containsEntry(1L, "CONFIRMED").containsEntry(2L, "FAILED")
                    .hasSize(2);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
        }
    }

    /** (nonce, max fee, tip) of the outbox's transactions in signing order. */
    private static List<long[]> txs(AnchorFixture f) throws Exception {
        List<long[]> out = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT nonce, max_fee, priority_fee FROM anchor_tx ORDER BY signed_at, max_fee");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                BigDecimal tip = rs.getBigDecimal(3);
                out.add(new long[] {rs.getLong(1), rs.getBigDecimal(2).longValueExact(), tip == null ? 0 : tip.longValueExact()});
            }
        }
        return out;
    }

    static String rawTx(AnchorFixture f, long batchId) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT raw FROM anchor_tx WHERE batch_id = ? ORDER BY signed_at DESC LIMIT 1")) {
            q.setLong(1, batchId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String blockHashOfBatch(AnchorFixture f, long batchId) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT block_hash FROM anchor_batch WHERE id = ?")) {
            q.setLong(1, batchId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Hash32(rs.getBytes(1)).toHex();
            }
        }
    }
}
