package org.creditmesh.anchor.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The Merkle tree whose root goes on chain: OpenZeppelin's {@code StandardMerkleTree} for one
 * {@code bytes32} value per leaf ({@code @openzeppelin/merkle-tree}, {@code StandardMerkleTree.of(values,
 * ["bytes32"])}), so the roots and proofs made here are the ones that library makes, and they verify
 * with OpenZeppelin's {@code MerkleProof} and with {@code AnchorRegistry.verify}.
 *
 * <ul>
 *   <li>leaf node = {@code keccak256(keccak256(abi.encode(value)))}; for a {@code bytes32} value
 *       {@code abi.encode} is the 32 bytes themselves. Hashing twice means no inner node (64 bytes
 *       hashed once) can pass for a leaf: no second-preimage trick.</li>
 *   <li>inner node = {@code keccak256(min(a, b) ‖ max(a, b))}, children ordered as unsigned bytes, so a
 *       proof is a plain list of siblings with no left/right flags.</li>
 *   <li>leaf nodes are sorted, then laid out as OpenZeppelin's {@code makeMerkleTree} does: a complete
 *       binary tree in one array (children of {@code i} at {@code 2i+1}, {@code 2i+2}), leaves at the
 *       end in reverse order.</li>
 * </ul>
 *
 * Written by hand (no Java port of the library exists on Maven Central); {@code MerkleTreeTest}
 * checks it against the JavaScript library's own roots and proofs.
 */
public final class MerkleTree {

    private static final int H = Hash32.LENGTH;

    /** All 2n-1 nodes, 32 bytes each, in OpenZeppelin's array layout. */
    private final byte[] nodes;
    private final int nodeCount;
    /** The submitted values, in submission order. */
    private final byte[] values;
    /** Tree position of each submitted value. */
    private final int[] treeIndexOfValue;

    private MerkleTree(byte[] nodes, int nodeCount, byte[] values, int[] treeIndexOfValue) {
        this.nodes = nodes;
        this.nodeCount = nodeCount;
        this.values = values;
        this.treeIndexOfValue = treeIndexOfValue;
    }

    /** Builds the tree of {@code values} (duplicates allowed: each is its own leaf). */
    public static MerkleTree of(List<Hash32> values) throws MerkleException {
        Objects.requireNonNull(values, "values");
        int n = values.size();
        if (n == 0) {
            throw new MerkleException(MerkleError.EMPTY_TREE, "a Merkle tree needs at least one leaf");
        }
        byte[] valueBytes = new byte[n * H];
        byte[] leafHashes = new byte[n * H];
        KeccakDigest digest = new KeccakDigest(256);
        byte[] once = new byte[H];
        for (int i = 0; i < n; i++) {
            values.get(i).copyTo(valueBytes, i * H);
            digest.update(valueBytes, i * H, H);
            digest.doFinal(once, 0);
            digest.update(once, 0, H);
            digest.doFinal(leafHashes, i * H);
        }
        // Sort the submitted values by leaf hash, as StandardMerkleTree.of does (sortLeaves = true).
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Arrays.compareUnsigned(leafHashes, a * H, a * H + H, leafHashes, b * H, b * H + H);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int nodeCount = 2 * n - 1;
        byte[] nodes = new byte[nodeCount * H];
        int[] treeIndexOfValue = new int[n];
        for (int leafIndex = 0; leafIndex < n; leafIndex++) {
            int valueIndex = order[leafIndex];
            int treeIndex = nodeCount - 1 - leafIndex;
            System.arraycopy(leafHashes, valueIndex * H, nodes, treeIndex * H, H);
            treeIndexOfValue[valueIndex] = treeIndex;
        }
        for (int i = nodeCount - 1 - n; i >= 0; i--) {
            hashPair(digest, nodes, (2 * i + 1) * H, nodes, (2 * i + 2) * H, nodes, i * H);
        }
        return new MerkleTree(nodes, nodeCount, valueBytes, treeIndexOfValue);
    }

    public Hash32 root() {
        return Hash32.of(nodes, 0);
    }

    /** Number of leaves (submitted values). */
    public int size() {
        return treeIndexOfValue.length;
    }

    /** The {@code index}-th submitted value. */
    public Hash32 value(int index) throws MerkleException {
        checkIndex(index);
        return Hash32.of(values, index * H);
    }

    /** Index of the first submitted value equal to {@code value}. */
    public int indexOf(Hash32 value) throws MerkleException {
        byte[] v = value.bytes();
        for (int i = 0; i < size(); i++) {
            if (Arrays.equals(values, i * H, i * H + H, v, 0, H)) {
                return i;
            }
        }
        throw new MerkleException(MerkleError.LEAF_NOT_IN_TREE, "the value is not a leaf of this tree");
    }

    /** Proof (siblings from the leaf up) of the {@code index}-th submitted value. */
    public List<Hash32> proof(int index) throws MerkleException {
        checkIndex(index);
        List<Hash32> proof = new ArrayList<>(32);
        int i = treeIndexOfValue[index];
        while (i > 0) {
            int sibling = (i % 2 == 1) ? i + 1 : i - 1;
            proof.add(Hash32.of(nodes, sibling * H));
            i = (i - 1) / 2;
        }
        return Collections.unmodifiableList(proof);
    }

    /** Proof of the first leaf holding {@code value}. */
    public List<Hash32> proof(Hash32 value) throws MerkleException {
        return proof(indexOf(value));
    }

    /** The leaf node of a value: {@code keccak256(keccak256(abi.encode(value)))}. */
    public static Hash32 leafHash(Hash32 value) {
        return new Hash32(Keccak.keccak256(Keccak.keccak256(value.bytes())));
    }

    /** The inner node over two children, in sorted order. */
    public static Hash32 hashPair(Hash32 a, Hash32 b) {
        byte[] out = new byte[H];
        hashPair(new KeccakDigest(256), a.bytes(), 0, b.bytes(), 0, out, 0);
        return new Hash32(out);
    }

    /** The root that {@code proof} leads to from the leaf holding {@code value}. */
    public static Hash32 processProof(Hash32 value, List<Hash32> proof) {
        KeccakDigest digest = new KeccakDigest(256);
        byte[] computed = leafHash(value).bytes();
        for (Hash32 sibling : proof) {
            hashPair(digest, computed, 0, sibling.bytes(), 0, computed, 0);
        }
        return new Hash32(computed);
    }

    /** True when {@code proof} leads from the leaf holding {@code value} to {@code root}. Never throws. */
    public static boolean verify(Hash32 root, Hash32 value, List<Hash32> proof) {
        return root.equals(processProof(value, proof));
    }

    private void checkIndex(int index) throws MerkleException {
        if (index < 0 || index >= size()) {
            throw new MerkleException(MerkleError.LEAF_NOT_IN_TREE, "leaf index " + index + " outside 0.." + (size() - 1));
        }
    }

    /** keccak256 of the two 32-byte nodes in unsigned order into {@code out} (which may alias an input). */
    private static void hashPair(KeccakDigest digest, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        if (Arrays.compareUnsigned(a, aOff, aOff + H, b, bOff, bOff + H) < 0) {
            digest.update(a, aOff, H);
            digest.update(b, bOff, H);
        } else {
            digest.update(b, bOff, H);
            digest.update(a, aOff, H);
        }
        digest.doFinal(out, outOff);
    }
}
