package org.creditmesh.anchor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.testing.AnchorChecks;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.creditmesh.anchor.testing.SimulatedCrash;
import org.creditmesh.anchor.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batcher stopped at every stage between two durable steps (before send, after signing before
 * broadcast, after send before receipt, after receipt before marking, ...), then a fresh batcher on
 * the same database and the same anvil node: every hash ends up anchored exactly once, and the
 * recorded transaction is looked up on chain, not sent again.
 */
class CrashRecoveryTest {

    private static final BatcherConfig CONFIG = BatcherConfig.defaults().withMaxBatchSize(8).withInterval(Duration.ZERO)
            .withStuckAfter(Duration.ofHours(1));
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

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aBatcherKilledAtThisStageIsFinishedByAFreshOneWithEveryHashAnchoredOnce(Stage stage) throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 1 + stage.ordinal())) {
            List<Hash32> hashes = f.submit(20, 1000 + stage.ordinal(), AnchorKind.CREDENTIAL);
            long nonceBefore = f.minedNonce();

            Batcher crashing = f.batcher(CONFIG, SimulatedCrash.at(stage));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    crashing.tick();
                }
            }).isInstanceOf(SimulatedCrash.class);
            // The process is gone: its database session (and batcher lock) ends, nothing else runs.
            crashing.close();
            long nonceAtCrash = f.minedNonce();

            Batcher fresh = f.batcher(CONFIG);
            AnchorFixture.tickUntilSettled(fresh, f.outbox, 20);

            long nonceAfter = f.minedNonce();
            AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), node, f.registry, hashes, nonceBefore, nonceAfter, 0);
            assertThat(AnchorChecks.batchStates(f.db.dataSource()).values()).as("20 hashes in batches of 8")
                    .containsExactly("CONFIRMED", "CONFIRMED", "CONFIRMED");
            if (stage.compareTo(Stage.BROADCAST) >= 0) {
                assertThat(nonceAtCrash - nonceBefore).as("the first transaction was mined before the crash").isEqualTo(1);
            }
        }
    }
}
