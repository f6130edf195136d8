package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code anchor deploy} against a real anvil: the printed addresses are working contracts. */
class AnchorDeployCommandTest {

    private static final long CHAIN_ID = TestAnvil.CHAIN_ID;

    @RegisterExtension
    static final TestAnvil anvil = new TestAnvil();

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    private Path keyFile(int account) throws Exception {
        return anvil.keyFile(work, account);
    }

    @Test
    void deploysBothContractsWithTheGivenGovernanceAndPrintsTheirAddresses() throws Exception {
        String admin2 = anvil.node().account(2).getAddress();
        String admin3 = anvil.node().account(3).getAddress();
        int exit = cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID),
                "--key-file", keyFile(1).toString(), "--admins", anvil.node().account(1).getAddress() + "," + admin2 + "," + admin3);
        assertThat(exit).as(cli.err()).isZero();
        var out = Json.parseObject(cli.out().strip());
        assertThat(out.get("threshold").asInt()).isEqualTo(2);
        assertThat(out.get("deployer").asText()).isEqualToIgnoringCase(anvil.node().account(1).getAddress());

        try (ChainClient chain = ChainClient.connect(anvil.node().rpcUrl(), anvil.node().account(1), ChainSettings.anvil(CHAIN_ID))) {
            // The deployer is the default anchorer: anchoring through the printed address works.
            var registry = AnchorRegistryClient.at(chain, out.get("anchorRegistry").asText());
            var tree = MerkleTree.of(List.of(Hash32.keccakOfUtf8("a"), Hash32.keccakOfUtf8("b")));
            assertThat(registry.anchor(tree, Hash32.keccakOfUtf8("meta")).root()).isEqualTo(tree.root());
            // Governance is the 2-of-3 asked for.
            var issuers = IssuerRegistryClient.at(chain, out.get("issuerRegistry").asText());
            assertThat(issuers.threshold()).isEqualTo(2);
            assertThat(issuers.isAdmin(admin3)).isTrue();
        }
    }

    @Test
    void refusesANodeOnAnotherChainBeforeSendingAnything() throws Exception {
        int exit = cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", "1",
                "--key-file", keyFile(1).toString());
        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).startsWith("error [chain_id_mismatch]");
    }

    @Test
    void refusesAMissingOrMalformedKey() throws Exception {
        Path bad = work.resolve("bad.key");
        Files.writeString(bad, "not-a-key");
        assertThat(cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID),
                "--key-file", bad.toString())).isEqualTo(1);
        assertThat(cli.err()).startsWith("error [no_signer]").doesNotContain("not-a-key");
    }
}
