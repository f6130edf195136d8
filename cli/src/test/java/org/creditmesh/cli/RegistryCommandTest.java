package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry} on a real anvil with a 2-of-3 IssuerRegistry: one admin's proposal does not accredit, a second
 * admin's approval does; anyone checks it without a key; a suspension takes two admins as well.
 */
class RegistryCommandTest {

    private static final long CHAIN_ID = TestAnvil.CHAIN_ID;

    @RegisterExtension
    static final TestAnvil anvil = new TestAnvil();

    @TempDir
    Path work;

    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    private Path key(int account) throws Exception {
        return anvil.keyFile(work, account);
    }

    private String[] with(String registry, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID), "--registry", registry));
        return all.toArray(String[]::new);
    }

    private com.fasterxml.jackson.databind.JsonNode lastJson() throws Exception {
        String[] lines = cli.out().strip().split("\n");
        return Json.parse(lines[lines.length - 1]);
    }

    @Test
    void twoOfThreeAdminsAccreditAndSuspendAndAnyoneChecksOnChain() throws Exception {
        String admins = anvil.node().account(1).getAddress() + "," + anvil.node().account(2).getAddress() + "," + anvil.node().account(3).getAddress();
        assertThat(cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID),
                "--key-file", key(1).toString(), "--admins", admins, "--threshold", "2")).as(cli.err()).isZero();
        String registry = lastJson().get("issuerRegistry").asText();
        String bureau = DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString();

        assertThat(cli.run(with(registry, "registry", "accredit", "--key-file", key(1).toString(), "--did", bureau,
                "--types", "KycCredential,RepaymentHistoryCredential", "--from", "2026-01-01T00:00:00Z",
                "--until", "2030-01-01T00:00:00Z"))).as(cli.err()).isZero();
        var proposal = lastJson();
        assertThat(proposal.get("executed").asBoolean()).as("one admin of three is not enough").isFalse();
        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "KycCredential",
                "--at", "2027-06-01T00:00:00Z"))).isEqualTo(1);

        assertThat(cli.run(with(registry, "registry", "approve", "--key-file", key(2).toString(),
                "--proposal", proposal.get("proposalId").asText()))).as(cli.err()).isZero();
        assertThat(lastJson().get("executed").asBoolean()).isTrue();

        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "KycCredential",
                "--at", "2027-06-01T00:00:00Z"))).isZero();
        assertThat(lastJson().get("signingKey").asText()).isEqualToIgnoringCase(org.creditmesh.anchor.trust.SigningKeyAddress.ofDid(bureau));
        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "CreditScoreCredential",
                "--at", "2027-06-01T00:00:00Z"))).as("a type it is not accredited for").isEqualTo(1);
        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "KycCredential",
                "--at", "2025-06-01T00:00:00Z"))).as("before its period").isEqualTo(1);

        assertThat(cli.run(with(registry, "registry", "suspend", "--key-file", key(3).toString(), "--did", bureau))).isZero();
        String suspension = lastJson().get("proposalId").asText();
        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "KycCredential",
                "--at", "2027-06-01T00:00:00Z"))).as("a proposal alone suspends nothing").isZero();
        assertThat(cli.run(with(registry, "registry", "approve", "--key-file", key(1).toString(), "--proposal", suspension))).isZero();
        assertThat(cli.run(with(registry, "registry", "check", "--did", bureau, "--type", "KycCredential",
                "--at", "2027-06-01T00:00:00Z"))).isEqualTo(1);
        assertThat(lastJson().get("status").asText()).isEqualTo("suspended");
    }

    /** {@code verify --trust-registry}: a lender checks the issuer's accreditation on chain, with no CreditMesh service. */
    @Test
    void verifyChecksTheIssuersAccreditationOnChain() throws Exception {
        assertThat(cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID),
                "--key-file", key(1).toString())).isZero();
        String registry = lastJson().get("issuerRegistry").asText();
        Path template = work.resolve("kyc.json");
        assertThat(cli.run("template", "kyc", "--out", template.toString())).isZero();

        SigningKey accredited = SigningKey.generate(KeyType.ED25519);
        SigningKey unknown = SigningKey.generate(KeyType.ED25519);
        Path good = credential(template, accredited, "good.sd-jwt");
        Path other = credential(template, unknown, "other.sd-jwt");
        String did = DidKey.create(accredited.publicKey()).toString();
        assertThat(cli.run(with(registry, "registry", "accredit", "--key-file", key(1).toString(), "--did", did,
                "--types", "KycCredential", "--from", "2020-01-01T00:00:00Z", "--until", "2099-01-01T00:00:00Z"))).isZero();

        String[] onChain = {"--trust-registry", registry, "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID)};
        List<String> verifyGood = new ArrayList<>(List.of("verify", good.toString()));
        verifyGood.addAll(List.of(onChain));
        assertThat(cli.run(verifyGood.toArray(String[]::new))).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("in the on-chain registry");

        List<String> verifyOther = new ArrayList<>(List.of("verify", other.toString()));
        verifyOther.addAll(List.of(onChain));
        assertThat(cli.run(verifyOther.toArray(String[]::new))).isEqualTo(1);
        assertThat(cli.out()).contains("untrusted_issuer");
    }

    private Path credential(Path template, SigningKey key, String name) throws Exception {
        var unsigned = Json.parseObject(Files.readAllBytes(template));
        var issuer = new org.creditmesh.core.issuer.CredentialIssuer(key);
        unsigned.put("issuer", issuer.issuer());
        Path file = work.resolve(name);
        Files.writeString(file, issuer.issue(unsigned, org.creditmesh.core.verifier.SecuringFormat.SD_JWT,
                org.creditmesh.core.issuer.CredentialIssuer.Options.defaults()));
        return file;
    }

    @Test
    void aNonAdminCannotProposeAndTheErrorIsTyped() throws Exception {
        assertThat(cli.run("anchor", "deploy", "--rpc", anvil.node().rpcUrl().toString(), "--chain-id", Long.toString(CHAIN_ID),
                "--key-file", key(1).toString())).isZero();
        String registry = lastJson().get("issuerRegistry").asText();
        assertThat(cli.run(with(registry, "registry", "suspend", "--key-file", key(5).toString(), "--did", "did:web:bureau.example")))
                .isEqualTo(1);
        assertThat(cli.err()).startsWith("error [not_admin]");
    }
}
