package org.creditmesh.anchor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.testing.AnchorChecks;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain goes down while hashes are submitted and comes back: submissions keep succeeding
 * (outbox), ticks fail with the typed {@code rpc_unavailable}, and once anvil is back — restarted
 * with {@code --state}, so the same chain, contract and earlier anchors — everything is anchored
 * once and the earlier proofs still verify.
 */
class ChainDownTest {

    @TempDir
    Path dir;

    @Test
    void submissionsSurviveAChainOutageAndAreAnchoredOnceItIsBack() throws Exception {
        Path state = dir.resolve("anvil-state.json");
        assumeTrue(AnvilNode.isInstalled(), "anvil is not installed (the Maven build installs it with npm); skipped");
        AnvilNode up = AnvilNode.builder().chainId(31337).stateFile(state).start();
        int port = up.port();
        try (AnchorFixture f = AnchorFixture.create(up, 1)) {
            BatcherConfig config = BatcherConfig.defaults().withInterval(Duration.ZERO).withStuckAfter(Duration.ofHours(1));
            Batcher batcher = f.batcher(config);
            long nonceBefore = f.minedNonce();
            List<Hash32> early = f.submit(5, 701, AnchorKind.CREDENTIAL);
            AnchorFixture.tickUntilSettled(batcher, f.outbox, 3);

            up.close();
            assertThat(Files.size(state)).as("anvil wrote its state on the way out").isPositive();
            List<Hash32> late = f.submit(5, 702, AnchorKind.STATUS_LIST);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(batcher::tick).isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_UNAVAILABLE));
            }
            assertThat(f.outbox.status(late.get(0)).orElseThrow().state()).isEqualTo(AnchorState.QUEUED);
            assertThat(f.outbox.queued()).isEqualTo(5);

            try (AnvilNode back = AnvilNode.builder().chainId(31337).stateFile(state).port(port).start()) {
                AnchorFixture.tickUntilSettled(batcher, f.outbox, 3);
                List<Hash32> all = new ArrayList<>(early);
                all.addAll(late);
                AnchorChecks.assertAnchoredExactlyOnce(f.db.dataSource(), back, f.registry, all, nonceBefore, f.minedNonce(), 0);
                assertThat(AnchorChecks.batchStates(f.db.dataSource()).values()).containsExactly("CONFIRMED", "CONFIRMED");
            }
        } finally {
            up.close();
        }
    }
}
