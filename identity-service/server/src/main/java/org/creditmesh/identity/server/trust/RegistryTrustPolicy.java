package org.creditmesh.identity.server.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.creditmesh.core.trust.TrustDecision;
import org.creditmesh.core.trust.TrustPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The core verifier's {@link TrustPolicy} backed by this service's {@link TrustRegistry}: an issuer is trusted for a
 * credential when an accreditation covering its types was in force, and not suspended, at the instant the core passes
 * — the credential's {@code validFrom} ({@code issuanceDate} in VCDM 1.1), else its JWT {@code iat}, else the Data
 * Integrity proof's {@code created}. A credential issued while accredited therefore stays trusted after a later
 * suspension. With {@code creditmesh.trust.enforce=false} the check is reported as not evaluated.
 *
 * <p>With {@code creditmesh.trust.source=chain} the answer comes from the on-chain IssuerRegistry instead (ledger-anchor's
 * {@code OnChainTrustPolicy}, the same the scoring service uses): a lender running its own identity service trusts
 * issuers by the public chain, not by any service's database. Issuance's own gate stays on this service's registry.
 */
@ApplicationScoped
public class RegistryTrustPolicy implements TrustPolicy {

    @Inject
    TrustRegistry registry;

    @Inject
    org.creditmesh.identity.server.onchain.OnChainRegistry onChain;

    /** Off only where credentials of unaccredited test issuers must pass, e.g. for the W3C conformance suites. */
    @ConfigProperty(name = "creditmesh.trust.enforce", defaultValue = "true")
    boolean enforce;

    @Override
    public TrustDecision evaluate(String issuer, Set<String> credentialTypes, Instant issuedAt) {
        if (!enforce) {
            return new TrustDecision.NotEvaluated("the trust registry is not enforced (creditmesh.trust.enforce=false)");
        }
        var chain = onChain.chainTrust();
        if (chain.isPresent()) {
            return chain.get().evaluate(issuer, credentialTypes, issuedAt);
        }
        return registry.decide(issuer, credentialTypes, issuedAt).toDecision();
    }

    /** Whether issuance and verification consult the registry. */
    public boolean enforced() {
        return enforce;
    }
}
