package org.creditmesh.anchor.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.core.trust.TrustDecision;
import org.junit.jupiter.api.Test;

/** The core verifier's trust policy read from a real IssuerRegistry on anvil; an unreadable registry refuses. */
class OnChainTrustPolicyTest {

    private static final String BUREAU = "did:web:bureau.example";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2028-01-01T00:00:00Z");

    @Test
    void trustsOnlyTheAccreditedTypesWithinTheirPeriodAndFailsClosedWhenTheChainIsGone() throws Exception {
        AnvilNode node = TestChain.start(31_337);
        try (ChainClient admin = ChainClient.connect(node.rpcUrl(), node.account(0), ChainSettings.anvil(31_337))) {
            IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin, List.of(admin.address()), 1);
            registry.propose(GovernanceAction.accredit(IssuerRegistryClient.didHash(BUREAU), node.account(5).getAddress(),
                    List.of(IssuerRegistryClient.credentialTypeHash("KycCredential")), FROM, UNTIL));
            OnChainTrustPolicy policy = new OnChainTrustPolicy(registry);
            Instant inside = Instant.parse("2027-01-01T00:00:00Z");

            assertThat(policy.evaluate(BUREAU, Set.of("VerifiableCredential", "KycCredential"), inside))
                    .isInstanceOf(TrustDecision.Trusted.class);
            assertThat(policy.evaluate(BUREAU, Set.of("https://creditmesh.org/vct/KycCredential"), inside))
                    .as("an SD-JWT VC's vct").isInstanceOf(TrustDecision.Trusted.class);
            assertThat(policy.evaluate(BUREAU, Set.of("KycCredential", "RepaymentHistoryCredential"), inside))
                    .as("every type must be accredited").isInstanceOf(TrustDecision.Untrusted.class);
            assertThat(policy.evaluate(BUREAU, Set.of("KycCredential"), Instant.parse("2029-01-01T00:00:00Z")))
                    .isInstanceOf(TrustDecision.Untrusted.class);
            assertThat(policy.evaluate("did:web:other.example", Set.of("KycCredential"), inside))
                    .isInstanceOf(TrustDecision.Untrusted.class);
            assertThat(policy.evaluate(BUREAU, Set.of("VerifiableCredential"), inside))
                    .as("no specific type").isInstanceOf(TrustDecision.Untrusted.class);

            node.close();
            TrustDecision gone = policy.evaluate(BUREAU, Set.of("KycCredential"), inside);
            assertThat(gone).isInstanceOf(TrustDecision.Untrusted.class);
            assertThat(((TrustDecision.Untrusted) gone).detail()).contains("could not be read");
        } finally {
            node.close();
        }
    }
}
