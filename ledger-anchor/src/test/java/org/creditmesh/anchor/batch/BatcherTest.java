package org.creditmesh.anchor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.outbox.OutboxError;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.outbox.Submission;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.testing.AnchorChecks;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.creditmesh.anchor.testing.MutableClock;
import org.creditmesh.anchor.testing.SimulatedCrash;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batcher on a real anvil node and a real PostgreSQL outbox. */
class BatcherTest {

    private static final BatcherConfig CONFIG = BatcherConfig.defaults().withInterval(Duration.ZERO).withStuckAfter(Duration.ofHours(1));
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

    @Test
    void closesABatchAtMaxSizeOrOnceTheOldestHashHasWaitedTheInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (AnchorFixture f = AnchorFixture.create(node, 1)) {
            List<Hash32> hashes = f.submit(10, 601, AnchorKind.CREDENTIAL);
            long nonceBefore = f.minedNonce();
            Batcher b = f.batcher(CONFIG.withMaxBatchSize(4).withInterval(Duration.ofHours(1)).withClock(clock));
            TickReport first = b.tick();
            assertThat(first.opened()).isEqualTo(1);
            assertThat(first.confirmed()).as("one confirmation: done in the same tick on anvil").isEqualTo(1);
            assertThat(b.tick().opened()).isEqualTo(1);
            TickReport third = b.tick();
            assertThat(third.idle()).as("2 queued < 4 and the interval has not passed").isTrue();
            assertThat(f.outbox.queued()).isEqualTo(2);
            assertThat(f.outbox.status(hashes.get(9)).orElseThrow().state()).isEqualTo(AnchorState.QUEUED);

            clock.advance(Duration.ofHours(2));
            assertThat(b.tick().opened()).isEqualTo(1);
            assertThat(f.outbox.queued()).isZero();
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            assertThat(leafCounts(f)).containsExactly(4, 4, 2);
        }
    }

    @Test
    void aBatchLargerThanOneBulkStatementKeepsEveryLeafInPlace() throws Exception {
        // 10,001 hashes: leaves and proofs are written 10,000 rows per statement, so this crosses a chunk boundary
        try (AnchorFixture f = AnchorFixture.create(node, 8)) {
            List<Hash32> hashes = f.submit(10_001, 609, AnchorKind.CREDENTIAL);
            AnchorFixture.tickUntilSettled(f.batcher(CONFIG.withMaxBatchSize(20_000)), f.outbox, 3);
            assertThat(leafCounts(f)).containsExactly(10_001);
            // every stored proof, read in one query: its leaf is the hash at that leaf index, and its path leads to the root
            int read = 0;
            try (Connection c = f.db.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT leaf_index, hash, proof FROM anchor_leaf ORDER BY leaf_index")) {
                q.setFetchSize(2_000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        AnchorProof proof = AnchorProof.parse(rs.getString(3));
                        assertThat(proof.leaf()).isEqualTo(hashes.get(rs.getInt(1))).isEqualTo(new Hash32(rs.getBytes(2)));
                        ProofVerifier.verifyOffline(proof);
                        read++;
                    }
                }
            }
            assertThat(read).isEqualTo(10_001);
            TrustedRegistry trusted = new TrustedRegistry(node.chainId(), f.registry);
            for (int i : new int[] {0, 9_999, 10_000}) {
                ProofVerifier.verifyOnline(f.outbox.proofFor(hashes.get(i)).orElseThrow(), trusted, node.rpcUrl());
            }
        }
    }

    @Test
    void waitsForTheConfiguredConfirmationsBeforeStoringProofs() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 2)) {
            List<Hash32> hashes = f.submit(3, 602, AnchorKind.MODEL);
            assertThat(f.outbox.status(hashes.get(0)).orElseThrow().state()).isEqualTo(AnchorState.QUEUED);
            Batcher b = f.batcher(CONFIG.withConfirmations(3));
            // Mined first (possibly a tick after the sending one), then confirmations counted block by block.
            assertThat(AnchorFixture.tickUntilMined(b, 50)).isEqualTo(1);
            assertThat(f.outbox.status(hashes.get(0)).orElseThrow().state()).isEqualTo(AnchorState.MINED);
            assertThat(f.outbox.proofFor(hashes.get(0))).isEmpty();
            node.mine(1);
            assertThat(b.tick().confirmed()).as("2 of 3 confirmations").isZero();
            node.mine(1);
            assertThat(b.tick().confirmed()).isEqualTo(1);
            AnchorProof proof = f.outbox.proofFor(hashes.get(0)).orElseThrow();
            assertThat(f.outbox.status(hashes.get(0)).orElseThrow().state()).isEqualTo(AnchorState.CONFIRMED);
            var tx = Json.parse(node.rpc("eth_getTransactionByHash", "[\"" + proof.txHash().toHex() + "\"]")).get("result");
            assertThat(tx.get("type").asText()).as("EIP-1559 on a chain with a base fee").isEqualTo("0x2");
        }
    }

    @Test
    void aHashSubmittedAsSeveralKindsIsOneLeafAndALateKindJoinsTheConfirmedBatch() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 3)) {
            Hash32 h = TestHashes.of(1, 603).get(0);
            assertThat(f.outbox.submit(new Submission(h, AnchorKind.CREDENTIAL, new AnchorRef("c-1"))).created()).isTrue();
            assertThat(f.outbox.submit(new Submission(h, AnchorKind.CREDENTIAL, new AnchorRef("c-1-again"))).created())
                    .as("deduplicated by kind and hash").isFalse();
            assertThat(f.outbox.submit(new Submission(h, AnchorKind.MODEL, new AnchorRef("m-1"))).created()).isTrue();
            List<Hash32> others = f.submit(2, 604, AnchorKind.CREDENTIAL);
            long nonceBefore = f.minedNonce();
            Batcher b = f.batcher(CONFIG);
            AnchorFixture.tickUntilSettled(b, f.outbox, 3);
            assertThat(leafCounts(f)).containsExactly(3);

            f.outbox.submit(new Submission(h, AnchorKind.AUDIT_CHECKPOINT, new AnchorRef("audit/42")));
            TickReport late = b.tick();
            assertThat(late.opened()).as("no new batch: the hash is a leaf of a confirmed one").isZero();
            assertThat(f.outbox.queued()).isZero();
            List<Hash32> all = new ArrayList<>(others);
            all.add(h);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, all, nonceBefore, f.minedNonce(), 0);
        }
    }

    @Test
    void anchorsOnAZeroGasPriceNetworkWithLegacyTransactions() throws Exception {
        try (AnvilNode free = AnvilNode.builder().chainId(1337).freeGas(true).start();
             AnchorFixture f = AnchorFixture.create(free, 1, ChainSettings.besuFreeGas(1337, 1).withReceiptTimeout(Duration.ofSeconds(30)))) {
            List<Hash32> hashes = f.submit(5, 605, AnchorKind.STATUS_LIST);
            long nonceBefore = f.minedNonce();
            AnchorFixture.tickUntilSettled(f.batcher(CONFIG), f.outbox, 3);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), free, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            String txHash = f.outbox.proofFor(hashes.get(0)).orElseThrow().txHash().toHex();
            var tx = Json.parse(free.rpc("eth_getTransactionByHash", "[\"" + txHash + "\"]")).get("result");
            assertThat(tx.get("type").asText()).as("legacy").isEqualTo("0x0");
            assertThat(new BigInteger(tx.get("gasPrice").asText().substring(2), 16)).isZero();
        }
    }

    @Test
    void aStuckTransactionIsReplacedWithTheSameNonceAndFeesRaisedByAtLeastTenPercent() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 4)) {
            List<Hash32> hashes = f.submit(4, 606, AnchorKind.CREDENTIAL);
            MutableClock clock = new MutableClock(Instant.now().plusSeconds(1));
            long nonceBefore = f.minedNonce();
            Batcher b = f.batcher(CONFIG.withStuckAfter(Duration.ofMinutes(5)).withClock(clock));
            node.rpc("evm_setAutomine", "[false]");
            try {
                TickReport sent = b.tick();
                assertThat(sent.sent()).isEqualTo(1);
                assertThat(sent.mined()).isZero();
                assertThat(b.tick().replaced()).as("pending, but not for 5 minutes yet").isZero();
                clock.advance(Duration.ofMinutes(6));
                assertThat(b.tick().replaced()).isEqualTo(1);
                node.mine(1);
            } finally {
                node.rpc("evm_setAutomine", "[true]");
            }
            AnchorFixture.tickUntilSettled(b, f.outbox, 3);
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            List<BigInteger[]> txs = new ArrayList<>();
            String minedTx;
            try (Connection c = f.db.dataSource().getConnection()) {
                try (PreparedStatement q = c.prepareStatement("SELECT nonce, max_fee, priority_fee, tx_hash FROM anchor_tx ORDER BY signed_at");
                     ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        txs.add(new BigInteger[] {BigInteger.valueOf(rs.getLong(1)), rs.getBigDecimal(2).toBigIntegerExact(),
                            rs.getBigDecimal(3).toBigIntegerExact(), new BigInteger(1, rs.getBytes(4))});
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT tx_hash FROM anchor_batch WHERE id = 1");
                     ResultSet rs = q.executeQuery()) {
                    rs.next();
                    minedTx = new Hash32(rs.getBytes(1)).toHex();
                }
            }
            assertThat(txs).hasSize(2);
            assertThat(txs.get(1)[0]).isEqualTo(txs.get(0)[0]);
            assertThat(txs.get(1)[1]).isGreaterThanOrEqualTo(new BigDecimal(txs.get(0)[1]).multiply(new BigDecimal("1.1")).toBigInteger());
            assertThat(txs.get(1)[2]).isGreaterThanOrEqualTo(new BigDecimal(txs.get(0)[2]).multiply(new BigDecimal("1.1")).toBigInteger());
            assertThat(new BigInteger(minedTx.substring(2), 16)).as("the replacement was mined").isEqualTo(txs.get(1)[3]);
        }
    }

    @Test
    void refusesANodeOnAnotherChainAndASignerThatIsNotAnAnchorer() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 5)) {
            Batcher wrongChain = new Batcher(f.db.dataSource(),
                    () -> ChainClient.connect(node.rpcUrl(), f.signer, ChainSettings.anvil(1)), f.registry, CONFIG, StageHook.NONE);
            assertThatThrownBy(wrongChain::tick).isInstanceOfSatisfying(AnchorException.class,
                    e -> assertThat(e.error()).isEqualTo(AnchorError.CHAIN_ID_MISMATCH));
            wrongChain.close();
            Batcher stranger = new Batcher(f.db.dataSource(),
                    () -> ChainClient.connect(node.rpcUrl(), node.account(9), f.settings), f.registry, CONFIG, StageHook.NONE);
            assertThatThrownBy(stranger::tick).isInstanceOfSatisfying(AnchorException.class,
                    e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
            stranger.close();
        }
    }

    @Test
    void refusesToResumeUnfinishedBatchesAgainstAnotherRegistry() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 6); AnchorFixture other = AnchorFixture.create(node, 6)) {
            f.submit(3, 607, AnchorKind.CREDENTIAL);
            Batcher crashing = f.batcher(CONFIG, SimulatedCrash.at(Stage.BUILT));
            assertThatThrownBy(crashing::tick).isInstanceOf(SimulatedCrash.class);
            crashing.close();
            Batcher elsewhere = new Batcher(f.db.dataSource(), () -> ChainClient.connect(node.rpcUrl(), f.signer, f.settings),
                    other.registry, CONFIG, StageHook.NONE);
            assertThatThrownBy(elsewhere::tick).isInstanceOfSatisfying(OutboxException.class,
                    e -> assertThat(e.error()).isEqualTo(OutboxError.OTHER_TARGET));
            elsewhere.close();
        }
    }

    @Test
    void aSecondBatcherOnTheSameOutboxStandsBy() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 7)) {
            List<Hash32> hashes = f.submit(2, 608, AnchorKind.CREDENTIAL);
            Batcher first = f.batcher(CONFIG.withConfirmations(2));
            Batcher second = f.batcher(CONFIG.withConfirmations(2));
            assertThat(first.tick().standby()).isFalse();
            assertThat(second.tick().standby()).isTrue();
            first.close();
            node.mine(1);
            TickReport takeover = second.tick();
            assertThat(takeover.standby()).isFalse();
            assertThat(takeover.confirmed()).isEqualTo(1);
            assertThat(f.outbox.proofFor(hashes.get(1))).isPresent();
        }
    }

    private static List<Integer> leafCounts(AnchorFixture f) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT leaf_count FROM anchor_batch WHERE state = 'CONFIRMED' ORDER BY id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
