package org.creditmesh.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.proof.VerifiedAnchor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "anchor", mixinStandardHelpOptions = true,
        description = "Deploy the contracts and check anchor proofs against the chain.",
        subcommands = {AnchorDeployCommand.class, AnchorCommand.Verify.class})
final class AnchorCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify an anchor proof (ledger-anchor/PROOF-FORMAT.md). Without --rpc: the Merkle path from the leaf"
                    + " to the root, offline. With --rpc: also the anchoring transaction's receipt on that node.",
                "Exit code: 0 verified, 1 not verified, 2 usage error."})
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PROOF.json")
        Path proofFile;

        @Option(names = "--rpc", paramLabel = "URL", description = "an Ethereum JSON-RPC endpoint (anvil, Besu, ...)")
        URI rpc;

        @Option(names = "--contract", paramLabel = "ADDRESS",
                description = "the AnchorRegistry you trust (default: the proof's own, which a forger chooses too)")
        String contract;

        @Option(names = "--chain-id", paramLabel = "ID", description = "the chain you trust (default: the proof's)")
        Long chainId;

        @Override
        public Integer call() throws Exception {
            AnchorProof proof = AnchorProof.parse(CredentialFiles.read(proofFile));
            if (rpc == null) {
                ProofVerifier.verifyOffline(proof);
                System.out.println("VERIFIED offline: the path leads from leaf " + proof.leaf().toHex() + " to root "
                        + proof.root().toHex() + " (pass --rpc to check that the root is on chain)");
                return 0;
            }
            if (contract == null) {
                System.err.println("warning: trusting the proof's own registry address; pass --contract to pin the one you trust");
            }
            TrustedRegistry trusted = new TrustedRegistry(chainId != null ? chainId : proof.chainId(),
                    contract != null ? contract : proof.contract());
            VerifiedAnchor anchor = ProofVerifier.verifyOnline(proof, trusted, rpc);
            System.out.println("VERIFIED on chain " + trusted.chainId() + ": root " + anchor.root().toHex() + " anchored in block "
                    + anchor.blockNumber() + " at " + anchor.anchoredAt() + " (" + anchor.confirmations() + " confirmations)");
            return 0;
        }
    }
}
