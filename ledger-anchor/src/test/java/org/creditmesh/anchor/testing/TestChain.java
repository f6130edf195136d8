package org.creditmesh.anchor.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.node.AnvilNode;

/** Starts a real anvil for a test class; skips only when npm could not install anvil on this platform. */
public final class TestChain {

    private TestChain() {
    }

    public static AnvilNode start(long chainId) throws AnchorException {
        assumeTrue(AnvilNode.isInstalled(), "anvil is not installed: the Maven build installs it with npm ci "
                + "(package @foundry-rs/anvil-linux-amd64); on this platform npm could not. Chain tests skipped.");
        return AnvilNode.builder().chainId(chainId).start();
    }

    /** A client signing with the node's {@code index}-th dev account. */
    public static ChainClient client(AnvilNode node, int index) throws AnchorException {
        return ChainClient.connect(node.rpcUrl(), node.account(index), ChainSettings.anvil(node.chainId()));
    }
}
