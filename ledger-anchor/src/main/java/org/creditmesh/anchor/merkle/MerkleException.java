package org.creditmesh.anchor.merkle;

import java.io.Serial;
import org.creditmesh.core.error.CreditMeshException;

/** A Merkle tree input or proof was refused; {@link #code()} says why. */
public final class MerkleException extends CreditMeshException {

    @Serial
    private static final long serialVersionUID = 1L;

    public MerkleException(MerkleError code, String message) {
        super(code, message);
    }
}
