package org.creditmesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.trust.StaticTrustList;
import org.creditmesh.core.verifier.CheckResult;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a credential or presentation in any format (vc+jwt, SD-JWT VC, Data Integrity) and print every check.",
            "Exit code: 0 all checks passed or did not apply, 1 a check failed, 2 usage error."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Option(names = "--nonce", description = "presentations: the nonce the holder must have signed")
    String nonce;

    @Option(names = "--audience", description = "presentations: this verifier's identifier (aud / domain)")
    String audience;

    @Option(names = "--status-list", paramLabel = "LISTFILE", description = "status list credential files to check status against")
    List<Path> statusLists = new ArrayList<>();

    @Option(names = "--status-list-token", paramLabel = "TOKENFILE",
            description = "Status List Token files (IETF Token Status List; SD-JWT VCs reference these) to check status against")
    List<Path> statusListTokens = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "FILE",
            description = "accredited issuers: JSON array of {issuer, types, validFrom[, validUntil]}")
    Path trust;

    @Option(names = "--trust-registry", paramLabel = "ADDRESS",
            description = "check the issuer's accreditation in this on-chain IssuerRegistry (with --rpc and --chain-id)")
    String trustRegistry;

    @Option(names = "--rpc", paramLabel = "URL", description = "the chain's JSON-RPC endpoint, for --trust-registry")
    java.net.URI rpc;

    @Option(names = "--chain-id", paramLabel = "ID", description = "the chain id the node must report, for --trust-registry")
    Long chainId;

    @Override
    public Integer call() throws Exception {
        CredentialVerifier.Builder builder = CredentialVerifier.builder()
                .statusFetcher(StatusLists.offline(statusLists))
                .tokenStatusFetcher(StatusLists.offlineTokens(statusListTokens));
        if (nonce != null || audience != null) {
            if (nonce == null || audience == null) {
                System.err.println("error [usage]: --nonce and --audience go together");
                return 2;
            }
            builder.challenge(new Challenge(nonce, audience));
        }
        if (trust != null && trustRegistry != null) {
            System.err.println("error [usage]: --trust and --trust-registry are alternatives");
            return 2;
        }
        if (trust != null) {
            builder.trustPolicy(readTrustList(trust));
        }
        if (trustRegistry != null) {
            if (rpc == null || chainId == null) {
                System.err.println("error [usage]: --trust-registry needs --rpc and --chain-id");
                return 2;
            }
            // Read-only: no key; the node must be on the chain the user named.
            try (var chain = org.creditmesh.anchor.chain.ChainClient.connect(rpc, null,
                    org.creditmesh.anchor.chain.ChainSettings.anvil(chainId))) {
                builder.trustPolicy(new org.creditmesh.anchor.trust.OnChainTrustPolicy(
                        org.creditmesh.anchor.chain.IssuerRegistryClient.at(chain, trustRegistry)));
                return report(builder);
            }
        }
        return report(builder);
    }

    private int report(CredentialVerifier.Builder builder) throws Exception {
        VerificationReport report = builder.build().verify(CredentialFiles.read(file));
        if (json) {
            System.out.println(Json.writePretty(report.toJson()));
        } else {
            print(report, "");
        }
        return report.verified() ? 0 : FailureHandler.FAILED;
    }

    private static void print(VerificationReport report, String indent) {
        System.out.println(indent + (report.verified() ? "VERIFIED" : "NOT VERIFIED") + " "
                + (report.presentation() ? "presentation" : "credential")
                + report.format().map(f -> " (" + f.id() + ")").orElse("")
                + report.issuer().map(i -> (report.presentation() ? " holder " : " issuer ") + i).orElse(""));
        for (CheckResult check : report.checks()) {
            String mark = switch (check.outcome()) {
                case PASSED -> "ok  ";
                case FAILED -> "FAIL";
                case SKIPPED -> "--  ";
            };
            System.out.printf(Locale.ROOT, "%s  %s %-16s %s%s%n", indent, mark, check.check().id(),
                    check.failure().map(f -> "[" + f.code() + "] ").orElse(""), check.detail());
        }
        for (VerificationReport nested : report.credentials()) {
            print(nested, indent + "    ");
        }
    }

    static StaticTrustList readTrustList(Path file) throws Exception {
        List<StaticTrustList.Accreditation> accreditations = new ArrayList<>();
        for (JsonNode entry : Json.parse(CredentialFiles.read(file))) {
            var types = new HashSet<String>();
            entry.path("types").forEach(t -> types.add(t.asText()));
            accreditations.add(new StaticTrustList.Accreditation(entry.path("issuer").asText(), types,
                    Instant.parse(entry.path("validFrom").asText()),
                    entry.hasNonNull("validUntil") ? Instant.parse(entry.get("validUntil").asText()) : null));
        }
        return new StaticTrustList(accreditations);
    }
}
