package org.creditmesh.anchor.merkle;

import org.creditmesh.core.error.ErrorCode;

/** Why a hash, a tree or a proof was refused. */
public enum MerkleError implements ErrorCode {
    /** Not a 32-byte value written as 64 hex digits with a {@code 0x} prefix. */
    INVALID_HASH("invalid_hash"),
    /** A tree needs at least one leaf. */
    EMPTY_TREE("empty_tree"),
    /** The value is not one of the tree's leaves, or the index is outside the tree. */
    LEAF_NOT_IN_TREE("leaf_not_in_tree"),
    /** The proof does not lead from the leaf to the root. */
    PROOF_MISMATCH("proof_mismatch");

    private final String code;

    MerkleError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
