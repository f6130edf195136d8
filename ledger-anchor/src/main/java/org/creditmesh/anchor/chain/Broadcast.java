package org.creditmesh.anchor.chain;

/** What the node said to {@code eth_sendRawTransaction}. */
public enum Broadcast {
    /** Accepted into the node's pool. */
    ACCEPTED,
    /** The node has this very transaction already (pool or chain): sending it again is harmless. */
    ALREADY_KNOWN,
    /** The nonce is used by a mined transaction: this one can never be mined. */
    NONCE_USED,
    /** Another transaction with this nonce is pending and this one does not out-bid it by enough. */
    UNDERPRICED
}
