package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.node.AnvilNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The chain half of {@code up} on a real anvil: each service anchors with its own authorised account (a shared one
 * makes their transactions race for nonces), also on a chain kept from an older {@code up} whose registry knew only
 * the operator.
 */
class LocalNetworkTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceAnchorsWithItsOwnAuthorisedAccountAlsoOnAnOlderChain() throws Exception {
        assumeTrue(AnvilNode.isInstalled(), "anvil is not installed: build ledger-anchor first (it runs npm ci)");
        int port = freePort();
        String registry;
        try (LocalNetwork network = new LocalNetwork(dir)) {
            network.startChain(port);
            registry = network.contracts().anchorRegistry();
            assertOwnAuthorisedAnchorers(network);
            // What an older `up` left: a registry whose only anchorer is the operator (account 0).
            try (ChainClient chain = ChainClient.connect(network.rpcUrl(), network.operator(),
                    ChainSettings.anvil(LocalNetwork.CHAIN_ID))) {
                AnchorRegistryClient anchors = AnchorRegistryClient.at(chain, registry);
                for (String service : LocalNetwork.ANCHOR_ACCOUNTS.keySet()) {
                    anchors.setAnchorer(network.anchorAddress(service), false);
                    assertThat(anchors.isAnchorer(network.anchorAddress(service))).isFalse();
                }
            }
        }
        try (LocalNetwork network = new LocalNetwork(dir)) {
            network.startChain(port);
            assertThat(network.contracts().anchorRegistry()).as("the kept registry is reused, not redeployed")
                    .isEqualTo(registry);
            assertOwnAuthorisedAnchorers(network);
        }
    }

    @Test
    void secretsAreUrlSafeOwnerOnlyAndKeptWhileTheAesKeyIsStandardBase64() throws Exception {
        LocalNetwork network = new LocalNetwork(dir);
        for (int i = 0; i < 20; i++) {
            // 20 secrets of 32 random bytes: standard Base64 would show '+', '/' or '=' in almost every one.
            String secret = network.secret("secret-" + i);
            assertThat(secret).as("usable as is in HTTP Basic (RFC 6749 form-encodes it)").matches("[A-Za-z0-9_-]{43}");
            assertThat(network.secret("secret-" + i)).as("kept for the next start").isEqualTo(secret);
            assertThat(Files.getPosixFilePermissions(dir.resolve("secrets").resolve("secret-" + i)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(Base64.getDecoder().decode(network.aesKey("retention-key"))).hasSize(32);
    }

    private static void assertOwnAuthorisedAnchorers(LocalNetwork network) throws Exception {
        Map<String, String> identity = network.chainEnvironment("identity-service");
        Map<String, String> scoring = network.chainEnvironment("scoring-service");
        String identityKey = identity.get("CREDITMESH_ANCHOR_SIGNER_KEY");
        String scoringKey = scoring.get("CREDITMESH_ANCHOR_SIGNER_KEY");
        assertThat(identityKey).isNotEqualTo(scoringKey);
        try (ChainClient chain = ChainClient.connect(network.rpcUrl(), null, ChainSettings.anvil(LocalNetwork.CHAIN_ID))) {
            AnchorRegistryClient anchors = AnchorRegistryClient.at(chain, network.contracts().anchorRegistry());
            for (String key : new String[] {identityKey, scoringKey}) {
                String address = Credentials.create(key).getAddress();
                assertThat(address).as("a service's anchoring account is not the operator's")
                        .isNotEqualToIgnoringCase(network.operator().getAddress());
                assertThat(anchors.isAnchorer(address)).as(address + " may anchor").isTrue();
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
