package org.creditmesh.identity.server.anchoring;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.node.AnvilNode;
import org.web3j.utils.Numeric;

/**
 * A real anvil with our AnchorRegistry deployed, and the service configured to anchor to it: the anchorer is anvil's
 * second development account, batches close every 200 ms, one confirmation.
 */
public class AnvilResource implements QuarkusTestResourceLifecycleManager {

    static final long CHAIN_ID = 31_337;
    private AnvilNode anvil;

    @Override
    public Map<String, String> start() {
        try {
            anvil = AnvilNode.builder().chainId(CHAIN_ID).start();
            var admin = anvil.account(0);
            var anchorer = anvil.account(1);
            String registry;
            try (ChainClient chain = ChainClient.connect(anvil.rpcUrl(), admin, ChainSettings.anvil(CHAIN_ID))) {
                registry = AnchorRegistryClient.deploy(chain, admin.getAddress(), List.of(anchorer.getAddress())).address();
            }
            return Map.of(
                    "creditmesh.anchor.rpc-url", anvil.rpcUrl().toString(),
                    "creditmesh.anchor.chain-id", Long.toString(CHAIN_ID),
                    "creditmesh.anchor.registry", registry,
                    "creditmesh.anchor.signer-key", Numeric.toHexStringWithPrefixZeroPadded(anchorer.getEcKeyPair().getPrivateKey(), 64),
                    "creditmesh.anchor.batch.interval", "PT0.2S",
                    "creditmesh.anchor.poll-interval", "PT0.1S",
                    "creditmesh.anchor.confirmations", "1",
                    "creditmesh.anchor.credentials", "true",
                    "creditmesh.anchor.audit-checkpoint-every", "3");
        } catch (Exception e) {
            throw new IllegalStateException("anvil could not be started (build ledger-anchor first: it installs anvil)", e);
        }
    }

    @Override
    public void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }
}
