package org.creditmesh.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditmesh.anchor.node.AnvilNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.web3j.utils.Numeric;

/**
 * A real anvil for a test class ({@code @RegisterExtension static final TestAnvil anvil = new TestAnvil();}), the one
 * ledger-anchor installed from npm; the class is skipped with a message when it is not installed.
 */
final class TestAnvil implements BeforeAllCallback, AfterAllCallback {

    static final long CHAIN_ID = 31_337;
    private AnvilNode node;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(AnvilNode.isInstalled(), "anvil is not installed: build ledger-anchor first (it runs npm ci)");
        node = AnvilNode.builder().chainId(CHAIN_ID).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (node != null) {
            node.close();
        }
    }

    AnvilNode node() {
        return node;
    }

    /** A file in {@code dir} holding the private key of the node's {@code account}-th development account. */
    Path keyFile(Path dir, int account) throws Exception {
        Path file = dir.resolve("account-" + account + ".key");
        Files.writeString(file, Numeric.toHexStringWithPrefixZeroPadded(node.account(account).getEcKeyPair().getPrivateKey(), 64));
        return file;
    }
}
