/**
 * The Merkle tree whose root is anchored: OpenZeppelin {@code StandardMerkleTree} for {@code bytes32}
 * leaves (double-hashed leaves, sorted-pair keccak256), its proofs and their offline check.
 */
package org.creditmesh.anchor.merkle;
