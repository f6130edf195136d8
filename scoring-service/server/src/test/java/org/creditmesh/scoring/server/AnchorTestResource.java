package org.creditmesh.scoring.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.node.AnvilNode;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * A real anvil node (the one ledger-anchor installed from npm, {@code creditmesh.anvil.binary}) with a freshly
 * deployed AnchorRegistry (admin: account 0; anchorer: account 1), and the scoring service configured to anchor there
 * with a short batch interval and one confirmation.
 */
public class AnchorTestResource implements QuarkusTestResourceLifecycleManager {

    private AnvilNode node;

    @Override
    public Map<String, String> start() {
        try {
            node = AnvilNode.builder().start();
            ChainSettings settings = ChainSettings.anvil(node.chainId());
            Credentials anchorer = node.account(1);
            String registry;
            try (ChainClient admin = ChainClient.connect(node.rpcUrl(), node.account(0), settings)) {
                registry = AnchorRegistryClient.deploy(admin, admin.address(), List.of(anchorer.getAddress())).address();
            }
            return Map.of(
                    "creditmesh.anchor.rpc-url", node.rpcUrl().toString(),
                    "creditmesh.anchor.chain-id", Long.toString(node.chainId()),
                    "creditmesh.anchor.registry", registry,
                    "creditmesh.anchor.signer-key", Numeric.toHexStringNoPrefixZeroPadded(anchorer.getEcKeyPair().getPrivateKey(), 64),
                    "creditmesh.anchor.confirmations", "1",
                    "creditmesh.anchor.batch.interval", "PT0.2S",
                    "creditmesh.anchor.poll-interval", "PT0.2S");
        } catch (Exception e) {
            if (node != null) {
                node.close();
            }
            throw new IllegalStateException("the test chain could not be started", e);
        }
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
        }
    }
}
