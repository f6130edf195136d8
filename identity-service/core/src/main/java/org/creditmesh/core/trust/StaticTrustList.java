package org.creditmesh.core.trust;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fixed list of accreditations, e.g. read from a file for the CLI or tests. An issuer may hold several
 * accreditations (different types or periods); one that covers every type at the time is enough.
 */
public final class StaticTrustList implements TrustPolicy {

    /**
     * One accreditation.
     *
     * @param issuer     issuer identifier
     * @param types      credential types it may issue; must not be empty
     * @param validFrom  start of the accreditation (inclusive)
     * @param validUntil end of the accreditation (exclusive), or null for open-ended
     */
    public record Accreditation(String issuer, Set<String> types, Instant validFrom, Instant validUntil) {
        public Accreditation {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(validFrom, "validFrom");
            types = Set.copyOf(types);
            if (types.isEmpty()) {
                throw new IllegalArgumentException("an accreditation names at least one credential type");
            }
            if (validUntil != null && !validUntil.isAfter(validFrom)) {
                throw new IllegalArgumentException("validUntil must be after validFrom");
            }
        }

        boolean covers(Set<String> requested, Instant at) {
            return !at.isBefore(validFrom) && (validUntil == null || at.isBefore(validUntil)) && types.containsAll(requested);
        }
    }

    /** Generic types every credential carries; accreditations are about the specific ones. */
    private static final Set<String> GENERIC_TYPES = Set.of("VerifiableCredential");

    private final Map<String, List<Accreditation>> byIssuer;

    public StaticTrustList(List<Accreditation> accreditations) {
        this.byIssuer = accreditations.stream().collect(Collectors.groupingBy(Accreditation::issuer,
                Collectors.toUnmodifiableList()));
    }

    @Override
    public TrustDecision evaluate(String issuer, Set<String> credentialTypes, Instant issuedAt) {
        List<Accreditation> held = byIssuer.get(issuer);
        if (held == null) {
            return new TrustDecision.Untrusted("issuer is not in the trust list");
        }
        Set<String> specific = new HashSet<>(credentialTypes);
        specific.removeAll(GENERIC_TYPES);
        if (issuedAt == null) {
            return new TrustDecision.Untrusted("the credential has no issuance time to check the accreditation against");
        }
        for (Accreditation accreditation : held) {
            if (accreditation.covers(specific, issuedAt)) {
                return new TrustDecision.Trusted("accredited for " + specific + " at " + issuedAt);
            }
        }
        return new TrustDecision.Untrusted("no accreditation covers " + specific + " at " + issuedAt);
    }
}
