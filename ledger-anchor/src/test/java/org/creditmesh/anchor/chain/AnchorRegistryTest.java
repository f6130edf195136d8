package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.proof.VerifiedAnchor;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** AnchorRegistry on a real anvil node: anchoring, refusals, on-chain proof verification. */
class AnchorRegistryTest {

    private static final long CHAIN_ID = 31337;
    private static final Hash32 META = Hash32.keccakOfUtf8("test-batch");

    private static AnvilNode node;
    private static ChainClient admin;
    private static ChainClient anchorer;
    private static ChainClient stranger;
    private static AnchorRegistryClient registry;

    @BeforeAll
    static void deploy() throws Exception {
        node = TestChain.start(CHAIN_ID);
        admin = TestChain.client(node, 0);
        anchorer = TestChain.client(node, 1);
        stranger = TestChain.client(node, 2);
        registry = AnchorRegistryClient.deploy(admin, admin.address(), List.of(anchorer.address()));
    }

    @AfterAll
    static void stop() {
        for (ChainClient c : new ChainClient[] {admin, anchorer, stranger}) {
            if (c != null) {
                c.close();
            }
        }
        if (node != null) {
            node.close();
        }
    }

    private static AnchorRegistryClient asAnchorer() throws AnchorException {
        return AnchorRegistryClient.at(anchorer, registry.address());
    }

    @Test
    void anchors100000HashesInOneTransactionAndEveryProofVerifiesOffAndOnChain() throws Exception {
        List<Hash32> values = TestHashes.of(100_000, 2026);
        MerkleTree tree = MerkleTree.of(values);
        long before = anchorer.blockNumber();
        String anchorerAddress = anchorer.address();
        AnchoredBatch batch = asAnchorer().anchor(tree, META);

        assertThat(batch.root()).isEqualTo(tree.root());
        assertThat(batch.leafCount()).isEqualTo(100_000);
        assertThat(batch.blockNumber()).isEqualTo(before + 1);
        assertThat(batch.contract()).isEqualTo(registry.address());
        assertThat(batch.anchorer()).isEqualTo(anchorerAddress);
        assertThat(batch.chainId()).isEqualTo(CHAIN_ID);
        TransactionReceipt receipt = anchorer.receipt(batch.txHash().toHex()).orElseThrow();
        assertThat(receipt.getType()).as("EIP-1559 on a chain with a base fee").isEqualTo("0x2");
        assertThat(receipt.getBlockHash()).isEqualTo(batch.blockHash().toHex());
        System.out.printf("Anchored 100,000 hashes in one transaction: %d gas, %.3f gas per hash%n",
                batch.gasUsed(), batch.gasUsed() / 100_000.0);
        assertThat(batch.gasUsed()).as("< 1 gas per hash").isLessThan(100_000);

        Optional<AnchorRecord> stored = registry.anchorOf(tree.root());
        assertThat(stored).hasValueSatisfying(r -> {
            assertThat(r.blockNumber()).isEqualTo(batch.blockNumber());
            assertThat(r.anchoredAt()).isEqualTo(batch.anchoredAt());
            assertThat(r.anchorer()).isEqualTo(anchorerAddress);
        });

        // Every proof on chain, through the contract's verify view (JSON-RPC batches of eth_call).
        List<List<Hash32>> proofs = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            proofs.add(tree.proof(i));
        }
        long start = System.nanoTime();
        List<Boolean> onChain = registry.verifyAll(tree.root(), values, proofs, 1000);
        System.out.printf("Verified all 100,000 proofs on chain (eth_call of verify) in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        assertThat(onChain).hasSize(values.size()).containsOnly(true);

        // Offline and online through self-contained proof documents, for a sample.
        TrustedRegistry trusted = new TrustedRegistry(CHAIN_ID, registry.address());
        for (int i = 0; i < values.size(); i += 9_973) {
            AnchorProof proof = AnchorProof.parse(AnchorProof.of(tree, i, batch).toJson());
            ProofVerifier.verifyOffline(proof);
            VerifiedAnchor verified = ProofVerifier.verifyOnline(proof, trusted, node.rpcUrl());
            assertThat(verified.leaf()).isEqualTo(values.get(i));
            assertThat(verified.anchoredAt()).isEqualTo(batch.anchoredAt());
        }
    }

    @Test
    void theContractRefusesAProofForAnotherLeafOrAnUnanchoredRoot() throws Exception {
        List<Hash32> values = TestHashes.of(50, 11);
        MerkleTree tree = MerkleTree.of(values);
        assertThat(registry.verify(tree.root(), values.get(3), tree.proof(3))).as("not anchored yet").isFalse();
        asAnchorer().anchor(tree, META);
        assertThat(registry.verify(tree.root(), values.get(3), tree.proof(3))).isTrue();
        assertThat(registry.verify(tree.root(), values.get(4), tree.proof(3))).isFalse();
        assertThat(registry.verify(tree.root(), TestHashes.of(1, 12).get(0), tree.proof(3))).isFalse();
        assertThat(registry.verify(tree.root(), values.get(3), tree.proof(3).subList(1, tree.proof(3).size()))).isFalse();
    }

    @Test
    void anUnauthorisedAccountCannotAnchor() throws Exception {
        MerkleTree tree = MerkleTree.of(TestHashes.of(3, 20));
        assertThatThrownBy(() -> AnchorRegistryClient.at(stranger, registry.address()).anchor(tree, META))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
        assertThat(registry.anchorOf(tree.root())).isEmpty();
    }

    @Test
    void onlyTheAdminAuthorisesAnchorers() throws Exception {
        assertThatThrownBy(() -> AnchorRegistryClient.at(stranger, registry.address()).setAnchorer(stranger.address(), true))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ADMIN));
        try (ChainClient fourth = TestChain.client(node, 4)) {
            MerkleTree tree = MerkleTree.of(TestHashes.of(2, 21));
            registry.setAnchorer(fourth.address(), true);
            assertThat(registry.isAnchorer(fourth.address())).isTrue();
            AnchorRegistryClient.at(fourth, registry.address()).anchor(tree, META);
            registry.setAnchorer(fourth.address(), false);
            assertThatThrownBy(() -> AnchorRegistryClient.at(fourth, registry.address())
                    .anchor(MerkleTree.of(TestHashes.of(2, 22)), META))
                    .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
        }
    }

    @Test
    void aRootIsAnchoredOnceOnly() throws Exception {
        MerkleTree tree = MerkleTree.of(TestHashes.of(7, 30));
        AnchoredBatch first = asAnchorer().anchor(tree, META);
        assertThatThrownBy(() -> asAnchorer().anchor(tree, Hash32.keccakOfUtf8("other meta")))
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.error()).isEqualTo(AnchorError.ROOT_ALREADY_ANCHORED));
        assertThat(registry.anchorOf(tree.root()).orElseThrow().blockNumber()).isEqualTo(first.blockNumber());
    }

    @Test
    void aZeroRootOrLeafCountIsAnInvalidBatch() throws Exception {
        Hash32 zero = new Hash32(new byte[32]);
        assertThatThrownBy(() -> asAnchorer().anchor(zero, 1, META))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INVALID_BATCH));
        assertThatThrownBy(() -> asAnchorer().anchor(TestHashes.of(1, 31).get(0), 0, META))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INVALID_BATCH));
    }

    @Test
    void waitsForTheConfiguredConfirmations() throws Exception {
        try (ChainClient confirming = ChainClient.connect(node.rpcUrl(), node.account(1),
                ChainSettings.anvil(CHAIN_ID).withConfirmations(3))) {
            // anvil mines a block per transaction only; a helper mines empty blocks meanwhile.
            Thread miner = Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                        Thread.sleep(100);
                        node.mine(1);
                    }
                } catch (InterruptedException | AnchorException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                AnchoredBatch batch = AnchorRegistryClient.at(confirming, registry.address())
                        .anchor(MerkleTree.of(TestHashes.of(5, 40)), META);
                assertThat(confirming.blockNumber()).isGreaterThanOrEqualTo(batch.blockNumber() + 2);
            } finally {
                miner.interrupt();
                miner.join();
            }
        }
    }

    @Test
    void aRaceOfTwoAnchorersForOneRootRevertsTheLoserInItsReceiptWithATypedError() throws Exception {
        // Both transactions pass gas estimation, then land in the same block: the second reverts on
        // chain (status 0) and the client decodes why from the state after that block.
        MerkleTree tree = MerkleTree.of(TestHashes.of(9, 50));
        try (ChainClient second = TestChain.client(node, 5)) {
            registry.setAnchorer(second.address(), true);
            node.rpc("evm_setAutomine", "[false]");
            List<Object> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> racers = new ArrayList<>();
            for (ChainClient c : List.of(anchorer, second)) {
                racers.add(Thread.ofPlatform().start(() -> {
                    try {
                        outcomes.add(AnchorRegistryClient.at(c, registry.address()).anchor(tree, META));
                    } catch (AnchorException e) {
                        outcomes.add(e);
                    }
                }));
            }
            try {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!node.rpc("txpool_status", "[]").contains("\"pending\":\"0x2\"") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                node.mine(1);
            } finally {
                node.rpc("evm_setAutomine", "[true]");
                for (Thread t : racers) {
                    t.join();
                }
            }
            assertThat(outcomes).hasSize(2);
            assertThat(outcomes).filteredOn(o -> o instanceof AnchoredBatch).hasSize(1);
            AnchoredBatch winner = (AnchoredBatch) outcomes.stream().filter(o -> o instanceof AnchoredBatch).findFirst()
                    .orElseThrow();
            assertThat(node.rpc("eth_getBlockTransactionCountByNumber", "[\"0x" + Long.toHexString(winner.blockNumber()) + "\"]"))
                    .as("both transactions are in the block").contains("\"result\":\"0x2\"");
            assertThat(outcomes).filteredOn(o -> o instanceof AnchorException).singleElement()
                    .satisfies(o -> assertThat(((AnchorException) o).error()).isEqualTo(AnchorError.ROOT_ALREADY_ANCHORED));
        }
    }

    @Test
    void malformedAddressesAreTypedErrors() {
        for (String bad : new String[] {null, "", "0x1234", "0x" + "g".repeat(40), "f39fd6e51aad88f6f4ce6ab8827279cfffb92266"}) {
            assertThatThrownBy(() -> AnchorRegistryClient.at(admin, bad))
                    .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INVALID_ADDRESS));
            assertThatThrownBy(() -> registry.setAnchorer(bad, true))
                    .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INVALID_ADDRESS));
            assertThatThrownBy(() -> GovernanceAction.addAdmin(bad))
                    .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INVALID_ADDRESS));
        }
    }

    @Test
    void aNodeOnAnotherChainIsRefusedAtConnect() {
        assertThatThrownBy(() -> ChainClient.connect(node.rpcUrl(), node.account(1), ChainSettings.anvil(1)))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.CHAIN_ID_MISMATCH));
    }
}
