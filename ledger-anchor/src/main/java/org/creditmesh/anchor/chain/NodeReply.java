package org.creditmesh.anchor.chain;

/**
 * What a node's JSON-RPC error means, whichever node said it (recognised by {@link NodeReplies}).
 * The refusals carry the {@link AnchorError} the client throws for them.
 */
public enum NodeReply {
    /** The node has this very transaction (pool or chain): sending it again is harmless. */
    ALREADY_KNOWN(null),
    NONCE_TOO_LOW(AnchorError.NONCE_TOO_LOW),
    NONCE_TOO_HIGH(AnchorError.NONCE_TOO_HIGH),
    REPLACEMENT_UNDERPRICED(AnchorError.REPLACEMENT_UNDERPRICED),
    INSUFFICIENT_FUNDS(AnchorError.INSUFFICIENT_FUNDS),
    FEE_TOO_LOW(AnchorError.FEE_TOO_LOW),
    FEE_CAP_EXCEEDED(AnchorError.FEE_CAP_EXCEEDED),
    SENDER_NOT_AUTHORIZED(AnchorError.SENDER_NOT_AUTHORIZED),
    GAS_LIMIT(AnchorError.GAS_LIMIT_REFUSED),
    NODE_BUSY(AnchorError.NODE_BUSY),
    INVALID_TRANSACTION(AnchorError.INVALID_TRANSACTION),
    /** Execution reverted (gas estimation, {@code eth_call}); the revert data says why. */
    REVERTED(AnchorError.TX_REVERTED),
    /** Not recognised: a typed refusal that keeps the transaction, never a reason to drop it. */
    UNRECOGNISED(AnchorError.TX_REJECTED);

    private final AnchorError error;

    NodeReply(AnchorError error) {
        this.error = error;
    }

    /** The typed error for this refusal ({@code null} for {@link #ALREADY_KNOWN}, which is no failure). */
    public AnchorError error() {
        return error;
    }

    /** True when re-signing the same nonce with other fees may make the node take it. */
    public boolean aboutFees() {
        return this == FEE_TOO_LOW || this == FEE_CAP_EXCEEDED;
    }
}
