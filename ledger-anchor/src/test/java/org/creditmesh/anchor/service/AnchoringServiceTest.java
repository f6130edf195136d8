package org.creditmesh.anchor.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditmesh.anchor.batch.BatcherConfig;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.FeeMode;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.outbox.OutboxError;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.testing.AnchorFixture;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.creditmesh.core.error.CreditMeshException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embeddable service with its background batcher, on anvil and the embedded PostgreSQL. */
class AnchoringServiceTest {

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

    private static AnchoringConfig config(AnchorFixture f, URI rpc, ChainSettings chain) {
        return AnchoringConfig.of(rpc, chain, f.signer, f.registry)
                .withBatching(BatcherConfig.defaults().withInterval(Duration.ZERO))
                .withPolling(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    /** Polls until the value is present; the bound only keeps a broken build from hanging. */
    private static <T> T eventually(Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = probe.call();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within 60 s");
    }

    @Test
    void submittedHashesGetProofsThatVerifyOnChain() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 1);
             AnchoringService service = AnchoringService.create(f.db, config(f, node.rpcUrl(), f.settings))) {
            service.start();
            List<Hash32> hashes = TestHashes.of(3, 901);
            for (int i = 0; i < hashes.size(); i++) {
                service.submit(hashes.get(i), AnchorKind.STATUS_LIST, "status-list/1/v" + i);
            }
            for (Hash32 h : hashes) {
                AnchorProof proof = eventually(() -> service.proofFor(h));
                assertThat(ProofVerifier.verifyOnline(proof, new TrustedRegistry(node.chainId(), f.registry), node.rpcUrl()).leaf())
                        .isEqualTo(h);
                assertThat(service.status(h).orElseThrow().state()).isEqualTo(AnchorState.CONFIRMED);
            }
            assertThat(service.lastError()).isEmpty();
            assertThatThrownBy(() -> service.submit(hashes.get(0), AnchorKind.CREDENTIAL, "holder jane@example.org"))
                    .isInstanceOfSatisfying(OutboxException.class, e -> assertThat(e.error()).isEqualTo(OutboxError.INVALID_SUBMISSION));
        }
    }

    @Test
    void startRefusesANodeOnAnotherChain() throws Exception {
        try (AnchorFixture f = AnchorFixture.create(node, 2);
             AnchoringService service = AnchoringService.create(f.db, config(f, node.rpcUrl(), ChainSettings.anvil(5)))) {
            assertThatThrownBy(service::start).isInstanceOfSatisfying(AnchorException.class,
                    e -> assertThat(e.error()).isEqualTo(AnchorError.CHAIN_ID_MISMATCH));
        }
    }

    @Test
    void startsWithTheChainDownAcceptsSubmissionsAndReportsTheTypedError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (AnchorFixture f = AnchorFixture.create(node, 3);
             AnchoringService service = AnchoringService.create(f.db, config(f, URI.create("http://127.0.0.1:" + port), f.settings))) {
            service.start();
            Hash32 h = TestHashes.of(1, 902).get(0);
            assertThat(service.submit(h, AnchorKind.MODEL, "model:7").created()).isTrue();
            CreditMeshException error = eventually(service::lastError);
            assertThat(error.code()).isEqualTo(AnchorError.RPC_UNAVAILABLE);
            assertThat(service.status(h).orElseThrow().state()).isEqualTo(AnchorState.QUEUED);
        }
    }

    @Test
    void readsItsConfigurationFromPropertiesWithoutPrintingTheKey() {
        String key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
        AnchoringConfig c = AnchoringConfig.fromProperties(Map.of(
                "creditmesh.anchor.rpc-url", "http://127.0.0.1:8545",
                "creditmesh.anchor.chain-id", "1337",
                "creditmesh.anchor.registry", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "creditmesh.anchor.signer-key", key,
                "creditmesh.anchor.fee-mode", "LEGACY",
                "creditmesh.anchor.gas-price", "0",
                "creditmesh.anchor.confirmations", "4",
                "creditmesh.anchor.batch.max-size", "5000",
                "creditmesh.anchor.batch.interval", "PT10S"));
        assertThat(c.chain().chainId()).isEqualTo(1337);
        assertThat(c.chain().feeMode()).isEqualTo(FeeMode.LEGACY);
        assertThat(c.chain().gasPrice()).isZero();
        assertThat(c.batching().confirmations()).isEqualTo(4);
        assertThat(c.batching().maxBatchSize()).isEqualTo(5000);
        assertThat(c.batching().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.signer().getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(c.toString()).doesNotContain(key.substring(2));
        assertThat(AnchoringConfig.databaseFrom(Map.of("creditmesh.anchor.database.embedded-dir", "/var/lib/anchor")).embeddedDir())
                .hasToString("/var/lib/anchor");
        assertThatThrownBy(() -> AnchoringConfig.fromProperties(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("creditmesh.anchor.");
    }
}
