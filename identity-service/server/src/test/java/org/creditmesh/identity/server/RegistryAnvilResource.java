package org.creditmesh.identity.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.node.AnvilNode;
import org.web3j.utils.Numeric;

/**
 * A real anvil (with {@code --state}, so it can be stopped and started again as the same chain) executing our
 * IssuerRegistry, governed 2-of-3 by anvil's first three development accounts: the service mirrors accreditations with
 * the first, the test approves as the second (and acts as the third where the service is not to take part). The service's verifier trusts issuers by this registry
 * ({@code creditmesh.trust.source=chain}).
 */
public class RegistryAnvilResource implements QuarkusTestResourceLifecycleManager {

    static final long CHAIN_ID = 31_337;
    private static Path state;
    private static volatile AnvilNode anvil;
    private static int port;
    private static String registry;

    @Override
    public Map<String, String> start() {
        try {
            state = Files.createTempDirectory("creditmesh-registry-anvil-").resolve("state.json");
            anvil = AnvilNode.builder().chainId(CHAIN_ID).stateFile(state).start();
            port = anvil.port();
            try (ChainClient chain = ChainClient.connect(anvil.rpcUrl(), anvil.account(0), ChainSettings.anvil(CHAIN_ID))) {
                registry = IssuerRegistryClient.deploy(chain, List.of(anvil.account(0).getAddress(), anvil.account(1).getAddress(),
                        anvil.account(2).getAddress()), 2)
                        .address();
            }
            return Map.of(
                    "creditmesh.registry.rpc-url", anvil.rpcUrl().toString(),
                    "creditmesh.registry.chain-id", Long.toString(CHAIN_ID),
                    "creditmesh.registry.address", registry,
                    "creditmesh.registry.signer-key", Numeric.toHexStringWithPrefixZeroPadded(anvil.account(0).getEcKeyPair().getPrivateKey(), 64),
                    "creditmesh.registry.poll-interval", "PT0.2S",
                    "creditmesh.registry.max-backoff", "PT1S",
                    "creditmesh.trust.source", "chain");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("anvil could not be started (build ledger-anchor first: it installs anvil)", e);
        }
    }

    /** The registry as the second admin (the other one is the service). */
    static ChainClient secondAdmin() throws Exception {
        return ChainClient.connect(anvil.rpcUrl(), anvil.account(1), ChainSettings.anvil(CHAIN_ID));
    }

    /** The third admin. */
    static ChainClient thirdAdmin() throws Exception {
        return ChainClient.connect(anvil.rpcUrl(), anvil.account(2), ChainSettings.anvil(CHAIN_ID));
    }

    static String registry() {
        return registry;
    }

    /** Stops the chain (its state is written to the state file). */
    static synchronized void stopChain() {
        anvil.close();
    }

    /** Starts it again on the same port from its state: the same chain and registry. */
    static synchronized void startChain() throws Exception {
        anvil = AnvilNode.builder().chainId(CHAIN_ID).stateFile(state).port(port).start();
    }

    @Override
    public void stop() {
        if (anvil != null) {
            anvil.close();
        }
    }
}
