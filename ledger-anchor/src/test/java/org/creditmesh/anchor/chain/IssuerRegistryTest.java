package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.testing.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IssuerRegistry on a real anvil node: 2-of-3 governance, accreditation, suspension, admin changes. */
class IssuerRegistryTest {

    private static final Hash32 KYC = IssuerRegistryClient.credentialTypeHash("KycCredential");
    private static final Hash32 REPAYMENT = IssuerRegistryClient.credentialTypeHash("RepaymentHistoryCredential");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-12-31T23:59:59Z");

    private static AnvilNode node;
    private static ChainClient a1;
    private static ChainClient a2;
    private static ChainClient a3;
    private static ChainClient outsider;
    private static String bureauKey;

    @BeforeAll
    static void start() throws Exception {
        node = TestChain.start(31337);
        a1 = TestChain.client(node, 0);
        a2 = TestChain.client(node, 1);
        a3 = TestChain.client(node, 2);
        outsider = TestChain.client(node, 3);
        bureauKey = node.account(9).getAddress();
    }

    @AfterAll
    static void stop() {
        for (ChainClient c : new ChainClient[] {a1, a2, a3, outsider}) {
            if (c != null) {
                c.close();
            }
        }
        if (node != null) {
            node.close();
        }
    }

    private static IssuerRegistryClient deploy2of3() throws AnchorException {
        return IssuerRegistryClient.deploy(a1, List.of(a1.address(), a2.address(), a3.address()), 2);
    }

    private static void assertCode(ThrowingCallable call, AnchorError code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(code));
    }

    @Test
    void oneApprovalOfTwoDoesNotAccreditTheSecondDoes() throws Exception {
        IssuerRegistryClient registry = deploy2of3();
        Hash32 did = IssuerRegistryClient.didHash("did:web:bureau.example");
        IssuerRegistryClient.Submitted proposed = registry.propose(
                GovernanceAction.accredit(did, bureauKey, List.of(KYC, REPAYMENT), FROM, UNTIL));
        assertThat(proposed.executed()).isFalse();
        assertThat(registry.proposal(proposed.proposalId()).approvals()).isEqualTo(1);
        assertThat(registry.issuer(did).status()).isEqualTo(IssuerStatus.NONE);
        assertThat(registry.isAccredited(did, KYC, Instant.parse("2026-06-01T00:00:00Z"))).isFalse();

        IssuerRegistryClient.Submitted approved = registry.as(a2).approve(proposed.proposalId());
        assertThat(approved.executed()).isTrue();
        Proposal p = registry.proposal(proposed.proposalId());
        assertThat(p.executed()).isTrue();
        assertThat(p.approvals()).isEqualTo(2);

        IssuerRecord issuer = registry.issuer(did);
        assertThat(issuer.status()).isEqualTo(IssuerStatus.ACCREDITED);
        assertThat(issuer.signingKey()).isEqualTo(bureauKey);
        assertThat(issuer.credentialTypes()).containsExactly(KYC, REPAYMENT);
        assertThat(issuer.validFrom()).isEqualTo(FROM);
        assertThat(issuer.validUntil()).isEqualTo(UNTIL);
        assertThat(registry.isAccredited(did, KYC, Instant.parse("2026-06-01T00:00:00Z"))).isTrue();
        assertThat(registry.isAccredited(did, KYC, UNTIL)).as("validUntil is inclusive").isTrue();
        assertThat(registry.isAccredited(did, KYC, UNTIL.plusSeconds(1))).isFalse();
        assertThat(registry.isAccredited(did, KYC, FROM.minusSeconds(1))).isFalse();
        assertThat(registry.isAccredited(did, IssuerRegistryClient.credentialTypeHash("CreditScoreCredential"),
                Instant.parse("2026-06-01T00:00:00Z"))).isFalse();

        assertCode(() -> registry.as(a3).approve(proposed.proposalId()), AnchorError.PROPOSAL_ALREADY_EXECUTED);
    }

    @Test
    void suspensionGoesThroughAProposalToo() throws Exception {
        IssuerRegistryClient registry = deploy2of3();
        Hash32 did = IssuerRegistryClient.didHash("did:web:kyc.example");
        long id = registry.propose(GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL)).proposalId();
        registry.as(a3).approve(id);
        Instant mid = Instant.parse("2026-07-01T00:00:00Z");
        assertThat(registry.isAccredited(did, KYC, mid)).isTrue();

        long suspend = registry.as(a2).propose(GovernanceAction.suspend(did)).proposalId();
        assertThat(registry.isAccredited(did, KYC, mid)).isTrue();
        assertThat(registry.as(a1).approve(suspend).executed()).isTrue();
        assertThat(registry.issuer(did).status()).isEqualTo(IssuerStatus.SUSPENDED);
        assertThat(registry.isAccredited(did, KYC, mid)).isFalse();
    }

    @Test
    void nonAdminsCanNeitherProposeNorApprove() throws Exception {
        IssuerRegistryClient registry = deploy2of3();
        Hash32 did = IssuerRegistryClient.didHash("did:web:rogue.example");
        GovernanceAction accredit = GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL);
        assertCode(() -> registry.as(outsider).propose(accredit), AnchorError.NOT_ADMIN);
        long id = registry.propose(accredit).proposalId();
        assertCode(() -> registry.as(outsider).approve(id), AnchorError.NOT_ADMIN);
        assertThat(registry.issuer(did).status()).isEqualTo(IssuerStatus.NONE);
    }

    @Test
    void changesCannotBeCalledDirectlyAndApprovalsCountOnce() throws Exception {
        IssuerRegistryClient registry = deploy2of3();
        Hash32 did = IssuerRegistryClient.didHash("did:web:direct.example");
        GovernanceAction accredit = GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL);
        assertCode(() -> registry.callDirectly(accredit), AnchorError.ONLY_BY_PROPOSAL);
        assertCode(() -> registry.callDirectly(GovernanceAction.addAdmin(outsider.address())), AnchorError.ONLY_BY_PROPOSAL);
        long id = registry.propose(accredit).proposalId();
        assertCode(() -> registry.approve(id), AnchorError.ALREADY_APPROVED);
        assertCode(() -> registry.approve(id + 1), AnchorError.UNKNOWN_PROPOSAL);
        assertThat(registry.proposal(id).executed()).isFalse();
    }

    @Test
    void theAdminSetChangesOnlyByProposal() throws Exception {
        IssuerRegistryClient registry = deploy2of3();
        String newcomer = outsider.address();

        long add = registry.propose(GovernanceAction.addAdmin(newcomer)).proposalId();
        assertThat(registry.isAdmin(newcomer)).isFalse();
        registry.as(a2).approve(add);
        assertThat(registry.isAdmin(newcomer)).isTrue();
        assertThat(registry.admins()).containsExactlyInAnyOrder(a1.address(), a2.address(), a3.address(), newcomer);

        // a3 approves a pending change, then is removed: its approval no longer counts.
        Hash32 did = IssuerRegistryClient.didHash("did:web:pending.example");
        long pending = registry.as(a3).propose(GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL))
                .proposalId();
        long remove = registry.propose(GovernanceAction.removeAdmin(a3.address())).proposalId();
        registry.as(outsider).approve(remove);
        assertThat(registry.isAdmin(a3.address())).isFalse();
        assertThat(registry.proposal(pending).approvals()).isZero();
        assertCode(() -> registry.as(a3).approve(pending), AnchorError.NOT_ADMIN);
        assertThat(registry.as(a1).approve(pending).executed()).isFalse();
        assertThat(registry.as(outsider).approve(pending).executed()).isTrue();

        // Threshold changes too; an impossible threshold reverts at execution with a typed error.
        long raise = registry.propose(GovernanceAction.setThreshold(3)).proposalId();
        registry.as(a2).approve(raise);
        assertThat(registry.threshold()).isEqualTo(3);
        long impossible = registry.propose(GovernanceAction.setThreshold(4)).proposalId();
        registry.as(a2).approve(impossible);
        assertCode(() -> registry.as(outsider).approve(impossible), AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertThat(registry.threshold()).isEqualTo(3);
        assertThat(registry.proposal(impossible).executed()).isFalse();
    }

    @Test
    void aProposalWithEnoughApprovalsAfterTheThresholdIsLoweredCanBeExecuted() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(a1, List.of(a1.address(), a2.address(), a3.address()), 3);
        Hash32 did = IssuerRegistryClient.didHash("did:web:late.example");
        long pending = registry.propose(GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL)).proposalId();
        assertThat(registry.as(a2).approve(pending).executed()).isFalse();
        assertCode(() -> registry.execute(pending), AnchorError.NOT_ENOUGH_APPROVALS);

        long lower = registry.propose(GovernanceAction.setThreshold(2)).proposalId();
        registry.as(a2).approve(lower);
        assertThat(registry.as(a3).approve(lower).executed()).isTrue();
        assertThat(registry.threshold()).isEqualTo(2);

        assertCode(() -> registry.as(outsider).execute(pending), AnchorError.NOT_ADMIN);
        assertThat(registry.as(a3).execute(pending).executed()).isTrue();
        assertThat(registry.issuer(did).status()).isEqualTo(IssuerStatus.ACCREDITED);
        assertCode(() -> registry.execute(pending), AnchorError.PROPOSAL_ALREADY_EXECUTED);
    }

    @Test
    void aReadOnlyClientCannotSend() throws Exception {
        try (ChainClient readOnly = ChainClient.connect(node.rpcUrl(), null, ChainSettings.anvil(31337))) {
            IssuerRegistryClient registry = deploy2of3();
            assertThat(registry.as(readOnly).threshold()).isEqualTo(2);
            assertCode(() -> registry.as(readOnly).approve(0), AnchorError.NO_SIGNER);
        }
    }

    @Test
    void theRegistryRefusesInvalidSetups() throws Exception {
        assertCode(() -> IssuerRegistryClient.deploy(a1, List.of(a1.address(), a2.address()), 3),
                AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertCode(() -> IssuerRegistryClient.deploy(a1, List.of(a1.address(), a1.address()), 1),
                AnchorError.INVALID_GOVERNANCE_CHANGE);
        IssuerRegistryClient single = IssuerRegistryClient.deploy(a1, List.of(a1.address()), 1);
        Hash32 did = IssuerRegistryClient.didHash("did:web:x.example");
        // With a threshold of 1 a proposal executes at once; invalid data reverts the proposal itself.
        assertCode(() -> single.propose(GovernanceAction.accredit(did, bureauKey, List.of(), FROM, UNTIL)),
                AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertCode(() -> single.propose(GovernanceAction.accredit(did, bureauKey, List.of(KYC), UNTIL, FROM)),
                AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertCode(() -> single.propose(GovernanceAction.suspend(did)), AnchorError.UNKNOWN_ISSUER);
        assertCode(() -> single.propose(GovernanceAction.removeAdmin(a1.address())), AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertCode(() -> single.propose(new GovernanceAction("transfer", "0xa9059cbb")), AnchorError.INVALID_GOVERNANCE_CHANGE);
        assertThat(single.propose(GovernanceAction.accredit(did, bureauKey, List.of(KYC), FROM, UNTIL)).executed()).isTrue();
    }
}
