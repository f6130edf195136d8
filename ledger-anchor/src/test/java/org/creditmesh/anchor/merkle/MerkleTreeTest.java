package org.creditmesh.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.creditmesh.anchor.testing.TestHashes;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {

    @Test
    void singleLeafTreeHasTheDoubleHashedLeafAsRootAndAnEmptyProof() throws Exception {
        Hash32 value = TestHashes.of(1, 7).get(0);
        MerkleTree tree = MerkleTree.of(List.of(value));
        assertThat(tree.root()).isEqualTo(new Hash32(Keccak.keccak256(Keccak.keccak256(value.bytes()))));
        assertThat(tree.proof(0)).isEmpty();
        assertThat(MerkleTree.verify(tree.root(), value, List.of())).isTrue();
    }

    @Test
    void innerNodesHashTheirChildrenInSortedOrder() {
        List<Hash32> two = TestHashes.of(2, 1);
        assertThat(MerkleTree.hashPair(two.get(0), two.get(1))).isEqualTo(MerkleTree.hashPair(two.get(1), two.get(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 100})
    void everyProofLeadsToTheRootAndNoOtherValueVerifies(int n) throws Exception {
        List<Hash32> values = TestHashes.of(n, n);
        MerkleTree tree = MerkleTree.of(values);
        Hash32 stranger = TestHashes.of(1, 99_999).get(0);
        for (int i = 0; i < n; i++) {
            List<Hash32> proof = tree.proof(i);
            assertThat(MerkleTree.verify(tree.root(), values.get(i), proof)).isTrue();
            assertThat(MerkleTree.verify(tree.root(), stranger, proof)).isFalse();
            assertThat(proof.size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n - 1) + 1);
        }
    }

    @Test
    void anInnerNodeCannotPassForALeaf() throws Exception {
        // With single hashing, an inner node's two children (64 bytes) would be a second preimage of
        // the node. Double-hashed leaves rule that out: the node as a "value" with a shortened proof fails.
        List<Hash32> values = TestHashes.of(4, 3);
        MerkleTree tree = MerkleTree.of(values);
        List<Hash32> proof = tree.proof(0);
        Hash32 parent = MerkleTree.hashPair(MerkleTree.leafHash(values.get(0)), proof.get(0));
        assertThat(MerkleTree.verify(tree.root(), parent, proof.subList(1, proof.size()))).isFalse();
    }

    @Test
    void aTamperedProofFails() throws Exception {
        List<Hash32> values = TestHashes.of(10, 4);
        MerkleTree tree = MerkleTree.of(values);
        List<Hash32> proof = new ArrayList<>(tree.proof(3));
        byte[] b = proof.get(1).bytes();
        b[31] ^= 1;
        proof.set(1, new Hash32(b));
        assertThat(MerkleTree.verify(tree.root(), values.get(3), proof)).isFalse();
        assertThat(MerkleTree.verify(tree.root(), values.get(3), proof.subList(0, proof.size() - 1))).isFalse();
    }

    @Test
    void duplicateValuesAreSeparateLeavesWithValidProofs() throws Exception {
        Hash32 v = TestHashes.of(1, 5).get(0);
        MerkleTree tree = MerkleTree.of(List.of(v, v, TestHashes.of(1, 6).get(0)));
        assertThat(MerkleTree.verify(tree.root(), v, tree.proof(0))).isTrue();
        assertThat(MerkleTree.verify(tree.root(), v, tree.proof(1))).isTrue();
        assertThat(tree.indexOf(v)).isZero();
    }

    @Test
    void refusesAnEmptyTreeAndUnknownLeavesWithTypedErrors() throws Exception {
        assertThatThrownBy(() -> MerkleTree.of(List.of()))
                .isInstanceOfSatisfying(MerkleException.class, e -> assertThat(e.code()).isEqualTo(MerkleError.EMPTY_TREE));
        MerkleTree tree = MerkleTree.of(TestHashes.of(3, 1));
        assertThatThrownBy(() -> tree.proof(3))
                .isInstanceOfSatisfying(MerkleException.class, e -> assertThat(e.code()).isEqualTo(MerkleError.LEAF_NOT_IN_TREE));
        assertThatThrownBy(() -> tree.proof(TestHashes.of(1, 2).get(0)))
                .isInstanceOfSatisfying(MerkleException.class, e -> assertThat(e.code()).isEqualTo(MerkleError.LEAF_NOT_IN_TREE));
    }

    @Test
    void hashesParseOnlyAs0xAnd64HexDigits() throws Exception {
        String good = "0x" + "ab".repeat(32);
        assertThat(Hash32.parse(good).toHex()).isEqualTo(good);
        assertThat(Hash32.parse(good.toUpperCase().replace("0X", "0x")).toHex()).isEqualTo(good);
        for (String bad : new String[] {null, "", "0x", good.substring(0, 65), good + "0", "ab".repeat(33), "0x" + "zz".repeat(32),
                "0x+" + "a".repeat(63)}) {
            assertThatThrownBy(() -> Hash32.parse(bad))
                    .isInstanceOfSatisfying(MerkleException.class, e -> assertThat(e.code()).isEqualTo(MerkleError.INVALID_HASH));
        }
    }

    @Test
    void buildsA100000LeafTreeQuickly() throws Exception {
        List<Hash32> values = TestHashes.of(100_000, 42);
        long start = System.nanoTime();
        MerkleTree tree = MerkleTree.of(values);
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        for (int i = 0; i < values.size(); i += 97) {
            assertThat(MerkleTree.verify(tree.root(), values.get(i), tree.proof(i))).isTrue();
        }
        long verifyNanos = (System.nanoTime() - start) / (values.size() / 97 + 1);
        System.out.printf("Merkle tree of 100,000 leaves built in %d ms; proof of %d nodes verifies in %.1f µs%n",
                buildMillis, tree.proof(0).size(), verifyNanos / 1000.0);
        assertThat(tree.proof(0)).hasSizeBetween(16, 17);
        // Generous bound for a loaded 2-core CI machine; typically well under a second.
        assertThat(buildMillis).isLessThan(10_000);
    }

    /**
     * The reference: OpenZeppelin's {@code @openzeppelin/merkle-tree} 1.0.8 ({@code StandardMerkleTree.of(values,
     * ["bytes32"])}), installed by the build's {@code npm ci}, run through {@code src/test/node/oz-merkle-tree.mjs}.
     * The roots and every proof must be the same.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 100, 1000})
    void rootAndProofsEqualOpenZeppelinStandardMerkleTree(int n) throws Exception {
        Path module = Path.of(System.getProperty("creditmesh.anchor.module.dir", "."));
        Path script = module.resolve("src/test/node/oz-merkle-tree.mjs");
        assumeTrue(Files.isDirectory(module.resolve("node_modules/@openzeppelin/merkle-tree")),
                "@openzeppelin/merkle-tree not installed (the build's npm ci installs it)");
        List<Hash32> values = TestHashes.of(n, 1000 + n);
        JsonNode reference = runNode(script, values.stream().map(Hash32::toHex).collect(Collectors.joining("\n")));
        MerkleTree tree = MerkleTree.of(values);
        assertThat(tree.root().toHex()).isEqualTo(reference.get("root").textValue());
        for (int i = 0; i < n; i++) {
            List<String> expected = new ArrayList<>();
            reference.get("proofs").get(i).forEach(node -> expected.add(node.textValue()));
            assertThat(tree.proof(i).stream().map(Hash32::toHex).toList()).as("proof %d", i).isEqualTo(expected);
        }
    }

    private static JsonNode runNode(Path script, String stdin) throws IOException, InterruptedException, Exception {
        String node = System.getProperty("creditmesh.node.executable", "node");
        Path out = Files.createTempFile("oz-tree", ".json");
        try {
            Process p = new ProcessBuilder(node, script.toString())
                    .directory(script.getParent().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            return Json.parse(Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
