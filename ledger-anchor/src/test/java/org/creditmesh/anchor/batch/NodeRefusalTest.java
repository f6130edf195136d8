package org.creditmesh.anchor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.creditmesh.anchor.chain.FeeMode;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.testing.AnchorChecks;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.creditmesh.anchor.testing.MutableClock;
import org.creditmesh.anchor.testing.ScriptedRpc;
import org.creditmesh.anchor.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batcher, real anvil and real PostgreSQL, with Besu's replies to {@code eth_sendRawTransaction}
 * put in front of anvil ({@link ScriptedRpc}; codes and messages from Besu's {@code RpcErrorType},
 * see {@code BesuRepliesTest}): a refusal keeps the batch and its hashes, is never counted as
 * progress, and the batch is anchored once the node takes the transaction.
 */
class NodeRefusalTest {

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

    private static String besuError(int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":%ID%,\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }

    private static Batcher through(ScriptedRpc rpc, AnchorFixture f, ChainSettings settings, BatcherConfig config) {
        return new Batcher(f.db.dataSource(), () -> ChainClient.connect(rpc.url(), f.signer, settings), f.registry, config, StageHook.NONE);
    }

    @Test
    void anUnrecognisedRefusalKeepsTheBatchSentAndItsHashesUntilTheNodeTakesIt() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 1); ScriptedRpc rpc = ScriptedRpc.inFrontOf(node.rpcUrl())) {
            List<Hash32> hashes = f.submit(4, 701, AnchorKind.CREDENTIAL);
            long nonceBefore = f.minedNonce();
            // JsonRpcErrorConverter's default (INTERNAL_ERROR), then a plugin validator's own text
            rpc.reply("eth_sendRawTransaction", besuError(-32603, "Internal error"))
                    .reply("eth_sendRawTransaction", besuError(-32000, "sender on the deny list"));
            try (Batcher b = through(rpc, f, f.settings, CONFIG)) {
                for (int i = 0; i < 2; i++) {
                    assertThatThrownBy(b::tick).isInstanceOfSatisfying(AnchorException.class,
                            e -> assertThat(e.error()).isEqualTo(AnchorError.TX_REJECTED));
                    for (Hash32 h : hashes) {
                        assertThat(f.outbox.status(h).orElseThrow().state()).isEqualTo(AnchorState.SENT);
                    }
                    assertThat(f.minedNonce()).isEqualTo(nonceBefore);
                }
                assertThat(rpc.count("eth_sendRawTransaction")).isEqualTo(2);
                AnchorFixture.tickUntilSettled(b, f.outbox, 3);
            }
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            assertThat(txs(f)).as("the same bytes sent again, never a second transaction").hasSize(1);
        }
    }

    @Test
    void anUnderpricedRebroadcastIsNotProgressAndIsOutbidOnceStuck() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 2); ScriptedRpc rpc = ScriptedRpc.inFrontOf(node.rpcUrl())) {
            List<Hash32> hashes = f.submit(3, 702, AnchorKind.STATUS_LIST);
            long nonceBefore = f.minedNonce();
            MutableClock clock = new MutableClock(Instant.now().plusSeconds(1));
            // the first tick sends and tracks (two broadcasts), the second broadcasts again, the third once more before replacing
            for (int i = 0; i < 4; i++) {
                rpc.reply("eth_sendRawTransaction", besuError(-32000, "Replacement transaction underpriced"));
            }
            try (Batcher b = through(rpc, f, f.settings, CONFIG.withStuckAfter(Duration.ofMinutes(5)).withClock(clock))) {
                assertThat(b.tick().sent()).isEqualTo(1);
                TickReport refused = b.tick();
                assertThat(rpc.count("eth_sendRawTransaction")).isEqualTo(3);
                // before: counted as a rebroadcast, so the service ticked again at once, for as long as the other was pending
                assertThat(refused.idle()).as("a refused rebroadcast is no progress").isTrue();
                assertThat(refused.unfinished()).isEqualTo(1);
                clock.advance(Duration.ofMinutes(6));
                TickReport stuck = b.tick();
                assertThat(stuck.replaced()).isEqualTo(1);
                assertThat(stuck.rebroadcast()).isZero();
                AnchorFixture.tickUntilSettled(b, f.outbox, 3);
            }
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            List<BigInteger[]> txs = txs(f);
            assertThat(txs).hasSize(2);
            assertThat(txs.get(1)[0]).as("same nonce").isEqualTo(txs.get(0)[0]);
            assertThat(txs.get(1)[1]).as("out-bids the refused one by 10 %")
                    .isGreaterThanOrEqualTo(txs.get(0)[1].multiply(BigInteger.valueOf(110)).divide(BigInteger.valueOf(100)));
        }
    }

    @Test
    void aFeeRefusalWaitsForOtherFeesAndThenSignsTheSameNonceAgain() throws Exception {
        BigInteger low = BigInteger.valueOf(10_000_000_000L);
        BigInteger fixed = BigInteger.valueOf(20_000_000_000L);
        try (AnchorFixture f = AnchorFixture.create(node, 3); ScriptedRpc rpc = ScriptedRpc.inFrontOf(node.rpcUrl())) {
            List<Hash32> hashes = f.submit(2, 703, AnchorKind.MODEL);
            long nonceBefore = f.minedNonce();
            for (int i = 0; i < 3; i++) {
                rpc.reply("eth_sendRawTransaction", besuError(-32009, "Gas price below configured minimum gas price"));
            }
            try (Batcher b = through(rpc, f, f.settings.withFees(FeeMode.LEGACY, low, null), CONFIG)) {
                for (int i = 0; i < 2; i++) {
                    assertThatThrownBy(b::tick).isInstanceOfSatisfying(AnchorException.class,
                            e -> assertThat(e.error()).isEqualTo(AnchorError.FEE_TOO_LOW));
                }
                assertThat(txs(f)).as("unchanged fees: nothing new to sign").hasSize(1);
            }
            // the operator raises gas-price and restarts: the refused transaction's nonce is signed again
            try (Batcher b = through(rpc, f, f.settings.withFees(FeeMode.LEGACY, fixed, null), CONFIG)) {
                assertThat(b.tick().replaced()).isEqualTo(1);
                AnchorFixture.tickUntilSettled(b, f.outbox, 3);
            }
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, f.minedNonce(), 0);
            List<BigInteger[]> txs = txs(f);
            assertThat(txs).hasSize(2);
            assertThat(txs.get(1)[0]).isEqualTo(txs.get(0)[0]);
            assertThat(txs.get(0)[1]).isEqualTo(low);
            assertThat(txs.get(1)[1]).isEqualTo(fixed);
        }
    }

    /** The outbox's signed transactions in order: nonce, max fee (gas price). */
    private static List<BigInteger[]> txs(AnchorFixture f) throws Exception {
        List<BigInteger[]> txs = new ArrayList<>();
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT nonce, max_fee FROM anchor_tx ORDER BY signed_at");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                txs.add(new BigInteger[] {BigInteger.valueOf(rs.getLong(1)), rs.getBigDecimal(2).toBigIntegerExact()});
            }
        }
        return txs;
    }
}
