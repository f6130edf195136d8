package org.creditmesh.anchor.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.trust.TrustDecision;
import org.creditmesh.core.trust.TrustPolicy;

/**
 * Issuer trust read from the on-chain IssuerRegistry: an issuer is trusted for a credential when the registry says it
 * was accredited, and not suspended, for every one of the credential's specific types at the credential's issuance
 * instant. Types are the registry's hashes of the type names; an SD-JWT VC's {@code vct} under CreditMesh's prefix
 * maps to its type name, and the generic {@code VerifiableCredential} asks nothing. A registry that cannot be read
 * is a refusal (fail closed), never a pass.
 */
public final class OnChainTrustPolicy implements TrustPolicy {

    private static final String GENERIC = "VerifiableCredential";

    private final IssuerRegistryClient registry;

    public OnChainTrustPolicy(IssuerRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public TrustDecision evaluate(String issuer, Set<String> credentialTypes, Instant issuedAt) {
        List<String> types = new ArrayList<>();
        for (String type : credentialTypes) {
            String name = type.startsWith(CredentialIssuer.VCT_PREFIX) ? type.substring(CredentialIssuer.VCT_PREFIX.length()) : type;
            if (!name.equals(GENERIC)) {
                types.add(name);
            }
        }
        if (types.isEmpty()) {
            return new TrustDecision.Untrusted("the credential names no specific type the registry could accredit");
        }
        if (issuedAt == null) {
            return new TrustDecision.Untrusted("the credential has no issuance time to check the accreditation at");
        }
        try {
            for (String type : types.stream().sorted().toList()) {
                if (!registry.isAccredited(IssuerRegistryClient.didHash(issuer), IssuerRegistryClient.credentialTypeHash(type), issuedAt)) {
                    return new TrustDecision.Untrusted("the on-chain registry " + registry.address() + " has " + issuer
                            + " not accredited for " + type + " at " + issuedAt);
                }
            }
        } catch (AnchorException e) {
            return new TrustDecision.Untrusted("the on-chain registry could not be read [" + e.code().code() + "]");
        }
        return new TrustDecision.Trusted("accredited for " + String.join(", ", types.stream().sorted().toList()) + " at "
                + issuedAt + " in the on-chain registry " + registry.address());
    }
}
