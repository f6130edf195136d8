package org.creditmesh.anchor.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proof document (PROOF-FORMAT.md): round trip, offline checks, online checks against anvil, refusals. */
class AnchorProofTest {

    private static final long CHAIN = 31337;

    private static AnvilNode node;
    private static ChainClient client;
    private static AnchorRegistryClient registryA;
    private static AnchorRegistryClient registryB;
    private static MerkleTree tree;
    private static AnchoredBatch batch;
    private static AnchorProof proof;
    private static TrustedRegistry trusted;

    @BeforeAll
    static void anchor() throws Exception {
        node = TestChain.start(CHAIN);
        client = TestChain.client(node, 0);
        registryA = AnchorRegistryClient.deploy(client, client.address(), List.of(client.address()));
        registryB = AnchorRegistryClient.deploy(client, client.address(), List.of(client.address()));
        tree = MerkleTree.of(TestHashes.of(1000, 8));
        batch = registryA.anchor(tree, Hash32.keccakOfUtf8("proof-test"));
        proof = AnchorProof.of(tree, 123, batch);
        trusted = new TrustedRegistry(CHAIN, registryA.address());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static void assertCode(ThrowingCallable call, ProofError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProofException.class, e -> assertThat(e.error()).isEqualTo(code));
    }

    private static String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode o = Json.parseObject(proof.toJson());
        edit.accept(o);
        return Json.write(o);
    }

    private static AnchorProof editedProof(Consumer<ObjectNode> edit) throws Exception {
        return AnchorProof.parse(edited(edit));
    }

    @Test
    void theDocumentRoundTripsAndVerifiesOfflineAndOnline() throws Exception {
        String json = proof.toJson();
        AnchorProof parsed = AnchorProof.parse(json);
        assertThat(parsed).isEqualTo(proof);
        assertThat(parsed.toJson()).isEqualTo(json);
        assertThat(Json.parseObject(json).fieldNames()).toIterable().containsExactly("type", "version", "tree", "leaf",
                "path", "root", "leafCount", "chainId", "contract", "txHash", "blockNumber", "blockHash", "logIndex",
                "anchoredAt");
        ProofVerifier.verifyOffline(parsed);
        VerifiedAnchor verified = ProofVerifier.verifyOnline(parsed, trusted, node.rpcUrl());
        assertThat(verified.root()).isEqualTo(tree.root());
        assertThat(verified.blockNumber()).isEqualTo(batch.blockNumber());
        assertThat(verified.confirmations()).isGreaterThanOrEqualTo(1);
        System.out.printf("Proof document for one of 1,000 leaves: %d bytes, path of %d%n", json.length(),
                parsed.path().size());
    }

    @Test
    void aPathThatDoesNotLeadToTheRootIsRefusedOffline() throws Exception {
        AnchorProof otherLeaf = editedProof(o -> o.put("leaf", tree.root().toHex()));
        assertCode(() -> ProofVerifier.verifyOffline(otherLeaf), ProofError.PROOF_PATH_INVALID);
        AnchorProof truncatedPath = editedProof(o -> ((ArrayNode) o.get("path")).remove(0));
        assertCode(() -> ProofVerifier.verifyOffline(truncatedPath), ProofError.PROOF_PATH_INVALID);
        assertCode(() -> ProofVerifier.verifyOnline(truncatedPath, trusted, node.rpcUrl()), ProofError.PROOF_PATH_INVALID);
    }

    @Test
    void malformedOrTruncatedDocumentsAreRefused() throws Exception {
        String json = proof.toJson();
        assertCode(() -> AnchorProof.parse(json.substring(0, json.length() / 2)), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(""), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse("[]"), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.remove("txHash"))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("extra", 1))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("root", tree.root().toHex().substring(0, 40)))),
                ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> ((ArrayNode) o.get("path")).set(0, "0x12"))),
                ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> ((ArrayNode) o.get("path")).set(0, 5))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("path", "0x00"))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("chainId", "31337"))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("blockNumber", -1))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("logIndex", 1.5))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("contract", "0x1234"))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("anchoredAt", "yesterday"))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("leafCount", 1))), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("leafCount", 256))), ProofError.MALFORMED_PROOF);
        assertThat(AnchorProof.parse(edited(o -> o.put("leafCount", 512))).leafCount()).isEqualTo(512);
        assertCode(() -> AnchorProof.parse(edited(o -> {
            ArrayNode path = o.putArray("path");
            for (int i = 0; i < 65; i++) {
                path.add(tree.root().toHex());
            }
        })), ProofError.MALFORMED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("version", 2))), ProofError.UNSUPPORTED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("type", "SomethingElse"))), ProofError.UNSUPPORTED_PROOF);
        assertCode(() -> AnchorProof.parse(edited(o -> o.put("tree", "sha256-sorted"))), ProofError.UNSUPPORTED_PROOF);
    }

    @Test
    void aProofForAnotherChainIsRefused() throws Exception {
        assertCode(() -> ProofVerifier.verifyOnline(proof, new TrustedRegistry(1, registryA.address()), node.rpcUrl()),
                ProofError.WRONG_CHAIN);
        AnchorProof claimsOtherChain = editedProof(o -> o.put("chainId", 1));
        assertCode(() -> ProofVerifier.verifyOnline(claimsOtherChain, trusted, node.rpcUrl()), ProofError.WRONG_CHAIN);
        // The trusted chain is right but the node is on another chain.
        try (AnvilNode other = TestChain.start(999)) {
            assertCode(() -> ProofVerifier.verifyOnline(proof, trusted, other.rpcUrl()), ProofError.WRONG_CHAIN);
        }
    }

    @Test
    void aProofForAnotherContractIsRefused() throws Exception {
        // The verifier trusts B; the proof names A.
        assertCode(() -> ProofVerifier.verifyOnline(proof, new TrustedRegistry(CHAIN, registryB.address()), node.rpcUrl()),
                ProofError.WRONG_CONTRACT);
        // The same root anchored in B (anyone can deploy a registry) does not count for a verifier trusting A.
        AnchoredBatch inB = registryB.anchor(tree, Hash32.keccakOfUtf8("copy"));
        AnchorProof fromB = AnchorProof.of(tree, 123, inB);
        ProofVerifier.verifyOnline(fromB, new TrustedRegistry(CHAIN, registryB.address()), node.rpcUrl());
        assertCode(() -> ProofVerifier.verifyOnline(fromB, trusted, node.rpcUrl()), ProofError.WRONG_CONTRACT);
        // A proof edited to name A while its transaction went to B.
        ObjectNode b = Json.parseObject(fromB.toJson());
        b.put("contract", registryA.address());
        AnchorProof relabelled = AnchorProof.parse(Json.write(b));
        assertCode(() -> ProofVerifier.verifyOnline(relabelled, trusted, node.rpcUrl()), ProofError.WRONG_CONTRACT);
    }

    @Test
    void aRootNeverAnchoredIsRefused() throws Exception {
        MerkleTree never = MerkleTree.of(TestHashes.of(20, 9));
        // A valid path to a root that was never anchored, pointing at a real anchoring transaction.
        Hash32 leaf = never.value(0);
        List<Hash32> neverPath = never.proof(0);
        AnchorProof otherRoot = editedProof(o -> {
            o.put("leaf", leaf.toHex());
            ArrayNode path = o.putArray("path");
            neverPath.forEach(h -> path.add(h.toHex()));
            o.put("root", never.root().toHex());
        });
        ProofVerifier.verifyOffline(otherRoot);
        assertCode(() -> ProofVerifier.verifyOnline(otherRoot, trusted, node.rpcUrl()), ProofError.ROOT_NOT_ANCHORED);
        // ...and at a transaction that does not exist.
        AnchorProof noTx = editedProof(o -> o.put("txHash", Hash32.keccakOfUtf8("no such tx").toHex()));
        assertCode(() -> ProofVerifier.verifyOnline(noTx, trusted, node.rpcUrl()), ProofError.ROOT_NOT_ANCHORED);
        assertThat(registryA.verify(never.root(), never.value(0), never.proof(0))).isFalse();
    }

    @Test
    void editedAnchorDetailsAreAMismatch() throws Exception {
        for (Consumer<ObjectNode> edit : List.<Consumer<ObjectNode>>of(
                o -> o.put("blockHash", Hash32.keccakOfUtf8("other block").toHex()),
                o -> o.put("blockNumber", batch.blockNumber() + 1),
                o -> o.put("logIndex", batch.logIndex() + 1),
                o -> o.put("leafCount", 999),
                o -> o.put("anchoredAt", batch.anchoredAt().plusSeconds(1).toString()))) {
            AnchorProof p = editedProof(edit);
            assertCode(() -> ProofVerifier.verifyOnline(p, trusted, node.rpcUrl()), ProofError.ANCHOR_MISMATCH);
        }
    }

    @Test
    void aNodeThatIsDownIsRpcUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertCode(() -> ProofVerifier.verifyOnline(proof, trusted, URI.create("http://127.0.0.1:" + port)),
                ProofError.RPC_UNAVAILABLE);
    }
}
