package org.creditmesh.core.trust;

import java.time.Instant;
import java.util.Set;

/**
 * Decides whether an issuer may issue credentials of given types at a given time. The identity
 * service plugs in its trust registry (and later the on-chain IssuerRegistry); the CLI a static list.
 */
@FunctionalInterface
public interface TrustPolicy {

    /**
     * @param issuer          the issuer's identifier (a DID or URL)
     * @param credentialTypes the credential's {@code type} values (or {@code vct} for SD-JWT VC)
     * @param issuedAt        when the credential became valid ({@code validFrom}, {@code iat}); the
     *                        accreditation must have been in force then
     */
    TrustDecision evaluate(String issuer, Set<String> credentialTypes, Instant issuedAt);

    /** No policy configured: issuer trust is reported as not checked, never as passed. */
    static TrustPolicy notConfigured() {
        return (issuer, types, at) -> new TrustDecision.NotEvaluated("no trust policy configured");
    }
}
