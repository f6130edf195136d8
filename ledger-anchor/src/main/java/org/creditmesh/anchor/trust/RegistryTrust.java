package org.creditmesh.anchor.trust;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.core.trust.TrustDecision;
import org.creditmesh.core.trust.TrustPolicy;

/**
 * {@link OnChainTrustPolicy} for a service: read-only, connected on first use rather than at start, so a chain that is
 * down at start does not stop the service; while it cannot be reached every credential is refused as from an issuer
 * whose accreditation could not be checked (never passed). The scoring service and the identity service's verifier
 * (trust source {@code chain}) both use it.
 */
public final class RegistryTrust implements TrustPolicy, AutoCloseable {

    private final URI rpc;
    private final long chainId;
    private final String registry;
    private ChainClient client;
    private OnChainTrustPolicy policy;

    public RegistryTrust(URI rpc, long chainId, String registry) {
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
