package org.creditmesh.anchor.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

class AnvilNodeTest {

    @Test
    void startsOnAFreeLoopbackPortWithTheChainIdAndStopsCompletely() throws Exception {
        AnvilNode node = TestChain.start(424242);
        try (ChainClient client = TestChain.client(node, 0)) {
            assertThat(node.rpcUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(client.nodeChainId()).isEqualTo(424242);
            assertThat(client.address()).isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        } finally {
            node.close();
        }
        assertThat(node.isRunning()).isFalse();
        assertThat(portOpen(node.port())).isFalse();
    }

    @Test
    void twoNodesRunSideBySide() throws Exception {
        try (AnvilNode a = TestChain.start(1001); AnvilNode b = TestChain.start(1002)) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(portOpen(a.port())).isTrue();
            assertThat(portOpen(b.port())).isTrue();
        }
    }

    @Test
    void keepsTheChainInItsStateFileAcrossRestarts(@TempDir Path dir) throws Exception {
        TestChain.start(1).close(); // skips when anvil is not installed
        Path state = dir.resolve("anvil-state.json");
        MerkleTree tree = MerkleTree.of(TestHashes.of(10, 77));
        String contract;
        try (AnvilNode node = AnvilNode.builder().chainId(31337).stateFile(state).start();
                ChainClient client = TestChain.client(node, 0)) {
            AnchorRegistryClient registry = AnchorRegistryClient.deploy(client, client.address(), List.of(client.address()));
            registry.anchor(tree, Hash32.keccakOfUtf8("persist"));
            contract = registry.address();
        }
        assertThat(state).exists();
        assertThat(Files.size(state)).isPositive();
        try (AnvilNode node = AnvilNode.builder().chainId(31337).stateFile(state).start();
                ChainClient client = TestChain.client(node, 0)) {
            AnchorRegistryClient registry = AnchorRegistryClient.at(client, contract);
            assertThat(registry.anchorOf(tree.root())).isPresent();
            assertThat(registry.verify(tree.root(), tree.value(4), tree.proof(4))).isTrue();
        }
    }

    @Test
    void sendsZeroPricedLegacyTransactionsOnAFreeGasNetwork() throws Exception {
        TestChain.start(1).close();
        try (AnvilNode node = AnvilNode.builder().chainId(1337).freeGas(true).start();
                ChainClient client = ChainClient.connect(node.rpcUrl(), node.account(0), ChainSettings.besuFreeGas(1337, 1))) {
            BigInteger before = balance(client, node);
            AnchorRegistryClient registry = AnchorRegistryClient.deploy(client, client.address(), List.of(client.address()));
            AnchoredBatch batch = registry.anchor(MerkleTree.of(TestHashes.of(100, 5)), Hash32.keccakOfUtf8("free"));
            TransactionReceipt receipt = client.receipt(batch.txHash().toHex()).orElseThrow();
            assertThat(receipt.getType()).isEqualTo("0x0");
            assertThat(Numeric.decodeQuantity(receipt.getEffectiveGasPrice())).isZero();
            assertThat(balance(client, node)).as("nothing paid for gas").isEqualTo(before);
        }
    }

    @Test
    void aMissingBinaryIsATypedError(@TempDir Path dir) {
        assertThatThrownBy(() -> AnvilNode.builder().binary(dir.resolve("no-anvil")).start())
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.error()).isEqualTo(AnchorError.NODE_NOT_INSTALLED));
    }

    @Test
    void aBinaryThatExitsAtOnceIsATypedError(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake-anvil");
        Files.writeString(fake, "#!/bin/sh\nexit 3\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        assertThatThrownBy(() -> AnvilNode.builder().binary(fake).start())
                .isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.error()).isEqualTo(AnchorError.NODE_START_FAILED));
    }

    private static BigInteger balance(ChainClient client, AnvilNode node) throws Exception {
        String body = node.rpc("eth_getBalance", "[\"" + client.address() + "\",\"latest\"]");
        String hex = body.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1").strip();
        return new BigInteger(hex, 16);
    }

    private static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
