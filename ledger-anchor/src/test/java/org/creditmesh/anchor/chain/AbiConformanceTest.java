package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.Keccak;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The hand-written ABI calls match the ABI the build compiled from the contracts: every function,
 * event and error the Java side uses exists there with the same signature, and every custom error
 * has a typed code. Plus exact-payload checks of the encoder.
 */
class AbiConformanceTest {

    private static Set<String> signatures(ContractArtifact artifact, String kind) throws Exception {
        Set<String> out = new HashSet<>();
        for (JsonNode entry : Json.parse(artifact.abi())) {
            if (!kind.equals(entry.get("type").textValue())) {
                continue;
            }
            List<String> types = new ArrayList<>();
            entry.get("inputs").forEach(input -> types.add(input.get("type").textValue()));
            out.add(entry.get("name").textValue() + "(" + String.join(",", types) + ")");
        }
        return out;
    }

    @Test
    void everyCustomErrorOfBothContractsHasATypedCode() throws Exception {
        Set<String> errors = new HashSet<>(signatures(ContractArtifact.anchorRegistry(), "error"));
        errors.addAll(signatures(ContractArtifact.issuerRegistry(), "error"));
        assertThat(Reverts.ERRORS.keySet()).containsExactlyInAnyOrderElementsOf(errors);
    }

    @Test
    void theAnchorRegistryCallsAndEventMatchItsAbi() throws Exception {
        Set<String> functions = signatures(ContractArtifact.anchorRegistry(), "function");
        assertThat(functions).contains("anchor(bytes32,uint256,bytes32)", "anchorOf(bytes32)", "isAnchorer(address)",
                "setAnchorer(address,bool)", "verify(bytes32,bytes32,bytes32[])", "isAnchored(bytes32)");
        assertThat(signatures(ContractArtifact.anchorRegistry(), "event"))
                .contains("Anchored(bytes32,uint256,bytes32,address)");
        assertThat(AnchorRegistryClient.ANCHORED_TOPIC)
                .isEqualTo(Hash32.keccakOfUtf8("Anchored(bytes32,uint256,bytes32,address)").toHex());
    }

    @Test
    void everyGovernanceActionCallsAProposalOnlyFunctionOfTheAbi() throws Exception {
        Set<String> functions = signatures(ContractArtifact.issuerRegistry(), "function");
        assertThat(functions).contains("propose(bytes)", "approve(uint256)", "getProposal(uint256)", "getIssuer(bytes32)",
                "isAccredited(bytes32,bytes32,uint256)", "admins()", "execute(uint256)", "threshold()", "isAdmin(address)",
                "proposalCount()", "hasApproved(uint256,address)");
        Set<String> selectors = new HashSet<>();
        functions.forEach(f -> selectors.add(Reverts.selector(f)));
        Hash32 h = Hash32.keccakOfUtf8("x");
        String addr = "0x00000000000000000000000000000000000000aa";
        for (GovernanceAction action : List.of(
                GovernanceAction.accredit(h, addr, List.of(h), java.time.Instant.EPOCH, java.time.Instant.EPOCH),
                GovernanceAction.suspend(h), GovernanceAction.addAdmin(addr), GovernanceAction.removeAdmin(addr),
                GovernanceAction.setThreshold(2))) {
            assertThat(selectors).as(action.name()).contains(action.calldata().substring(0, 10));
        }
    }

    @Test
    void encodesSetThresholdAsSelectorAndOneWord() {
        String selector = "0x" + java.util.HexFormat.of().formatHex(
                Keccak.keccak256("setThreshold(uint256)".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 4);
        assertThat(GovernanceAction.setThreshold(3).calldata()).isEqualTo(selector + "0".repeat(63) + "3");
    }

    @Test
    void decodesRevertDataOfCustomErrorsAndErrorString() {
        String notAnchorer = Reverts.selector("NotAnchorer(address)") + "0".repeat(24) + "ab".repeat(20);
        assertThat(Reverts.fromRevertData(notAnchorer, "anchor")).hasValueSatisfying(
                e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
        assertThat(Reverts.fromRevertData("execution reverted: custom error " + notAnchorer, "anchor")).hasValueSatisfying(
                e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
        // Error("nope"): selector, offset 0x20, length 4, "nope" padded.
        String errorString = "0x08c379a0" + "0".repeat(62) + "20" + "0".repeat(63) + "4" + "6e6f7065" + "0".repeat(56);
        assertThat(Reverts.fromRevertData(errorString, "call")).hasValueSatisfying(e -> {
            assertThat(e.error()).isEqualTo(AnchorError.TX_REVERTED);
            assertThat(e.getMessage()).endsWith("nope");
        });
        assertThat(Reverts.fromRevertData("0xdeadbeef", "call")).hasValueSatisfying(
                e -> assertThat(e.error()).isEqualTo(AnchorError.TX_REVERTED));
        assertThat(Reverts.fromRevertData("insufficient funds", "call")).isEmpty();
    }
}
