package org.creditmesh.scoring.server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.node.AnvilNode;

/**
 * A real anvil with an IssuerRegistry (one admin) in which the test bureau ({@link Wallet#bureauDid()}) is accredited
 * for KYC and repayment-history credentials and a second bureau ({@link #KYC_ONLY}) for KYC only, and the scoring
 * service configured to take bureau trust from that registry.
 */
public class IssuerRegistryTestResource implements QuarkusTestResourceLifecycleManager {

    /** A bureau accredited for KYC credentials only. */
    static final org.creditmesh.core.keys.SigningKey KYC_ONLY =
            org.creditmesh.core.keys.SigningKey.generate(org.creditmesh.core.keys.KeyType.ED25519);

    private AnvilNode node;

    @Override
    public Map<String, String> start() {
        try {
            node = AnvilNode.builder().start();
            String registry;
            try (ChainClient admin = ChainClient.connect(node.rpcUrl(), node.account(0), ChainSettings.anvil(node.chainId()))) {
                IssuerRegistryClient issuers = IssuerRegistryClient.deploy(admin, List.of(admin.address()), 1);
                issuers.propose(GovernanceAction.accredit(IssuerRegistryClient.didHash(Wallet.bureauDid()),
                        node.account(7).getAddress(), List.of(IssuerRegistryClient.credentialTypeHash(Wallet.KYC),
                                IssuerRegistryClient.credentialTypeHash(Wallet.REPAYMENT)),
                        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")));
                String kycOnly = org.creditmesh.core.did.DidKey.create(KYC_ONLY.publicKey()).toString();
                issuers.propose(GovernanceAction.accredit(IssuerRegistryClient.didHash(kycOnly),
                        node.account(8).getAddress(), List.of(IssuerRegistryClient.credentialTypeHash(Wallet.KYC)),
                        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2099-01-01T00:00:00Z")));
                registry = issuers.address();
            }
            return Map.of(
                    "creditmesh.scoring.trust.registry", registry,
                    "creditmesh.scoring.trust.rpc-url", node.rpcUrl().toString(),
                    "creditmesh.scoring.trust.chain-id", Long.toString(node.chainId()));
        } catch (Exception e) {
            if (node != null) {
                node.close();
            }
            throw new IllegalStateException("the test chain could not be started", e);
        }
    }

    @Override
    public void stop() {
        if (node != null) {
            node.close();
        }
    }
}
