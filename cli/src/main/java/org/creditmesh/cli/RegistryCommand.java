package org.creditmesh.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRecord;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.trust.SigningKeyAddress;
import org.creditmesh.core.json.Json;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The on-chain trust registry (IssuerRegistry) from the command line: governance admins propose and approve
 * accreditations and suspensions (M-of-N, each admin with their own key), and anyone checks an issuer on chain
 * without trusting any CreditMesh service. Only hashes of DIDs and type names, and a key address, go on chain.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Govern and read the on-chain trust registry (IssuerRegistry).",
        subcommands = {RegistryCommand.Accredit.class, RegistryCommand.Suspend.class, RegistryCommand.Approve.class,
            RegistryCommand.Check.class})
final class RegistryCommand {

    /** Where the registry is. */
    static final class Chain {
        @Option(names = "--rpc", required = true, paramLabel = "URL", description = "the chain's JSON-RPC endpoint")
        URI rpc;

        @Option(names = "--chain-id", required = true, paramLabel = "ID", description = "the chain id the node must report")
        long chainId;

        @Option(names = "--registry", required = true, paramLabel = "ADDRESS", description = "the IssuerRegistry contract")
        String registry;

        @Option(names = "--free-gas", description = "a zero-gas-price network (Besu QBFT with min-gas-price=0)")
        boolean freeGas;

        ChainSettings settings() {
            return freeGas ? ChainSettings.besuFreeGas(chainId, 1) : ChainSettings.anvil(chainId);
        }
    }

    /** A governance admin's key: from a file or the environment, never the command line. */
    static final class AdminKey {
        @Option(names = "--key-file", paramLabel = "FILE", description = "file holding this admin's hex private key"
                + " (default: the " + AnchorDeployCommand.KEY_ENV + " environment variable)")
        Path keyFile;

        Credentials credentials() throws IOException, AnchorException {
            String key = keyFile != null ? Files.readString(keyFile, StandardCharsets.US_ASCII).strip()
                    : System.getenv(AnchorDeployCommand.KEY_ENV);
            if (key == null || key.isBlank() || !WalletUtils.isValidPrivateKey(key)) {
                throw new AnchorException(AnchorError.NO_SIGNER,
                        "no admin key: pass --key-file FILE or set " + AnchorDeployCommand.KEY_ENV + " (a 32-byte hex private key)");
            }
            return Credentials.create(key);
        }
    }

    private static void print(IssuerRegistryClient.Submitted submitted) {
        var out = Json.mapper().createObjectNode();
        out.put("proposalId", submitted.proposalId());
        out.put("executed", submitted.executed());
        out.put("txHash", submitted.txHash());
        System.out.println(Json.write(out));
    }

    @Command(name = "accredit", mixinStandardHelpOptions = true,
            description = "Propose accrediting an issuer DID for credential types over a period (executes at once when"
                    + " the threshold is 1; otherwise other admins approve).")
    static final class Accredit implements Callable<Integer> {
        @Mixin
        Chain chain;

        @Mixin
        AdminKey admin;

        @Option(names = "--did", required = true, paramLabel = "DID", description = "the issuer (a bureau's DID)")
        String did;

        @Option(names = "--types", required = true, split = ",", paramLabel = "TYPE",
                description = "credential types it may issue, e.g. KycCredential,RepaymentHistoryCredential")
        List<String> types;

        @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "start, RFC 3339 (e.g. 2026-01-01T00:00:00Z)")
        Instant from;

        @Option(names = "--until", required = true, paramLabel = "INSTANT", description = "end, RFC 3339")
        Instant until;

        @Option(names = "--signing-key", paramLabel = "ADDRESS",
                description = "the issuer's signing key as an address (default for did:key/did:jwk: its key hash)")
        String signingKey;

        @Override
        public Integer call() throws Exception {
            String key = signingKey != null ? signingKey : SigningKeyAddress.ofDid(did);
            GovernanceAction action = GovernanceAction.accredit(IssuerRegistryClient.didHash(did), key,
                    types.stream().map(IssuerRegistryClient::credentialTypeHash).toList(), from, until);
            try (ChainClient client = ChainClient.connect(chain.rpc, admin.credentials(), chain.settings())) {
                print(IssuerRegistryClient.at(client, chain.registry).propose(action));
            }
            return 0;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true, description = "Propose suspending an issuer DID.")
    static final class Suspend implements Callable<Integer> {
        @Mixin
        Chain chain;

        @Mixin
        AdminKey admin;

        @Option(names = "--did", required = true, paramLabel = "DID")
        String did;

        @Override
        public Integer call() throws Exception {
            try (ChainClient client = ChainClient.connect(chain.rpc, admin.credentials(), chain.settings())) {
                print(IssuerRegistryClient.at(client, chain.registry).propose(GovernanceAction.suspend(IssuerRegistryClient.didHash(did))));
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a proposal as another admin; it executes when the threshold is reached.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        Chain chain;

        @Mixin
        AdminKey admin;

        @Option(names = "--proposal", required = true, paramLabel = "ID")
        long proposal;

        @Override
        public Integer call() throws Exception {
            try (ChainClient client = ChainClient.connect(chain.rpc, admin.credentials(), chain.settings())) {
                print(IssuerRegistryClient.at(client, chain.registry).approve(proposal));
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Is the DID accredited for the type at the instant, on chain? Needs no key.",
                "Exit code: 0 accredited, 1 not accredited, 2 usage error."})
    static final class Check implements Callable<Integer> {
        @Mixin
        Chain chain;

        @Option(names = "--did", required = true, paramLabel = "DID")
        String did;

        @Option(names = "--type", required = true, paramLabel = "TYPE")
        String type;

        @Option(names = "--at", paramLabel = "INSTANT", description = "when (default: now), e.g. a credential's validFrom")
        Instant at;

        @Override
        public Integer call() throws Exception {
            Instant when = at != null ? at : Instant.now();
            try (ChainClient client = ChainClient.connect(chain.rpc, null, chain.settings())) {
                IssuerRegistryClient registry = IssuerRegistryClient.at(client, chain.registry);
                Hash32 didHash = IssuerRegistryClient.didHash(did);
                boolean accredited = registry.isAccredited(didHash, IssuerRegistryClient.credentialTypeHash(type), when);
                IssuerRecord record = registry.issuer(didHash);
                var out = Json.mapper().createObjectNode();
                out.put("did", did);
                out.put("type", type);
                out.put("at", when.toString());
                out.put("accredited", accredited);
                out.put("status", record.status().name().toLowerCase(java.util.Locale.ROOT));
                out.put("signingKey", record.signingKey());
                out.put("validFrom", record.validFrom().toString());
                out.put("validUntil", record.validUntil().toString());
                System.out.println(Json.write(out));
                return accredited ? 0 : FailureHandler.FAILED;
            }
        }
    }
}
