package org.creditmesh.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.core.json.Json;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Deploys the two contracts a CreditMesh network needs (AnchorRegistry and IssuerRegistry) and prints their
 * addresses as JSON, the values the services' {@code creditmesh.anchor.*} configuration takes. The signer key is
 * read from a file or the environment, never from the command line, where every user of the machine sees it.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy AnchorRegistry and IssuerRegistry to a chain (anvil, Besu) and print their addresses as JSON.",
            "The deployer key (hex secp256k1 private key) comes from --key-file or the CREDITMESH_ANCHOR_KEY environment variable.",
            "Exit code: 0 deployed, 1 failed, 2 usage error."})
final class AnchorDeployCommand implements Callable<Integer> {

    static final String KEY_ENV = "CREDITMESH_ANCHOR_KEY";

    @Option(names = "--rpc", required = true, paramLabel = "URL", description = "the chain's JSON-RPC endpoint")
    URI rpc;

    @Option(names = "--chain-id", required = true, paramLabel = "ID",
            description = "the chain id the node must report (a wrong node is refused before anything is sent)")
    long chainId;

    @Option(names = "--key-file", paramLabel = "FILE", description = "file holding the deployer's hex private key")
    Path keyFile;

    @Option(names = "--anchorers", split = ",", paramLabel = "ADDRESS",
            description = "accounts allowed to anchor (default: the deployer)")
    List<String> anchorers;

    @Option(names = "--admins", split = ",", paramLabel = "ADDRESS",
            description = "trust-registry governance admins (default: the deployer)")
    List<String> admins;

    @Option(names = "--threshold", paramLabel = "M",
            description = "approvals a governance action needs (default: a majority of the admins)")
    Integer threshold;

    @Option(names = "--free-gas", description = "a zero-gas-price network (Besu QBFT with min-gas-price=0)")
    boolean freeGas;

    @Option(names = "--confirmations", defaultValue = "1", paramLabel = "N",
            description = "blocks to wait for after each deployment (default: ${DEFAULT-VALUE})")
    int confirmations;

    @Override
    public Integer call() throws Exception {
        Credentials deployer = Credentials.create(privateKey());
        String self = deployer.getAddress();
        List<String> anchorerList = anchorers == null || anchorers.isEmpty() ? List.of(self) : anchorers;
        List<String> adminList = admins == null || admins.isEmpty() ? List.of(self) : admins;
        int m = threshold != null ? threshold : adminList.size() / 2 + 1;
        if (m < 1 || m > adminList.size()) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--threshold must be between 1 and the number of admins (" + adminList.size() + ")");
        }
        ChainSettings settings = freeGas ? ChainSettings.besuFreeGas(chainId, confirmations)
                : ChainSettings.anvil(chainId).withConfirmations(confirmations);
        try (ChainClient chain = ChainClient.connect(rpc, deployer, settings)) {
            AnchorRegistryClient anchors = AnchorRegistryClient.deploy(chain, self, anchorerList);
            IssuerRegistryClient issuers = IssuerRegistryClient.deploy(chain, adminList, m);
            var out = Json.mapper().createObjectNode();
            out.put("chainId", chainId);
            out.put("deployer", self.toLowerCase(Locale.ROOT));
            out.put("anchorRegistry", anchors.address());
            out.put("issuerRegistry", issuers.address());
            out.put("threshold", m);
            System.out.println(Json.write(out));
        }
        return 0;
    }

    private String privateKey() throws IOException, AnchorException {
        String key = keyFile != null ? Files.readString(keyFile, StandardCharsets.US_ASCII).strip() : System.getenv(KEY_ENV);
        if (key == null || key.isBlank()) {
            throw new AnchorException(AnchorError.NO_SIGNER, "no deployer key: pass --key-file FILE or set " + KEY_ENV);
        }
        if (!WalletUtils.isValidPrivateKey(key)) {
            throw new AnchorException(AnchorError.NO_SIGNER, "the deployer key is not a 32-byte hex private key");
        }
        return key;
    }
}
