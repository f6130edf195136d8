package org.creditmesh.anchor.batch;

import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;

/**
 * Opens the signing client the batcher uses, checking the node's chain id (as
 * {@link ChainClient#connect} does). Called again after the node was unreachable, so a node that
 * comes back on another chain is refused.
 */
@FunctionalInterface
public interface ChainConnector {

    ChainClient connect() throws AnchorException;
}
