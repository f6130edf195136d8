package org.creditmesh.scoring.server.verification;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.trust.OnChainTrustPolicy;
import org.creditmesh.core.trust.TrustDecision;
import org.creditmesh.core.trust.TrustPolicy;

/**
 * Bureau trust from the on-chain IssuerRegistry, connected on first use and again after a failure: a chain that is
 * down at start does not stop the service, and while it is down every presentation is refused as from an issuer
 * whose accreditation could not be checked (never passed).
 */
final class RegistryTrust implements TrustPolicy, AutoCloseable {

    private final URI rpc;
    private final long chainId;
    private final String registry;
    private ChainClient client;
    private OnChainTrustPolicy policy;

    RegistryTrust(URI rpc, long chainId, String registry) {
        this.rpc = rpc;
        this.chainId = chainId;
        this.registry = registry;
    }

    @Override
    public TrustDecision evaluate(String issuer, Set<String> credentialTypes, Instant issuedAt) {
        OnChainTrustPolicy current;
        try {
            current = policy();
        } catch (AnchorException e) {
            return new TrustDecision.Untrusted("the on-chain registry could not be reached [" + e.code().code() + "]");
        }
        return current.evaluate(issuer, credentialTypes, issuedAt);
    }

    private synchronized OnChainTrustPolicy policy() throws AnchorException {
        if (policy == null) {
            // Read-only (no key); the node must report the configured chain id.
            client = ChainClient.connect(rpc, null, ChainSettings.anvil(chainId));
            policy = new OnChainTrustPolicy(IssuerRegistryClient.at(client, registry));
        }
        return policy;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
