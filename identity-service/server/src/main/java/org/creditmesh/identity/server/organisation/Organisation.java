package org.creditmesh.identity.server.organisation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.identity.server.security.Roles;

/**
 * An organisation that calls the service: its OAuth2 client id, name, single role, and for a bureau the DID it
 * issues as (absent: the service's own issuer DID).
 */
public record Organisation(String clientId, String name, String role, Optional<String> issuerDid, Instant createdAt,
                           Optional<Instant> disabledAt) {

    /** Lower case so that ids compare as users expect; URL-safe so they need no escaping in Basic auth. */
    public static final String CLIENT_ID_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";
    public static final Set<String> ROLES = Set.of(Roles.BUREAU, Roles.LENDER, Roles.REGULATOR, Roles.ADMIN);

    public Organisation {
        Objects.requireNonNull(clientId, "clientId");
        if (!clientId.matches(CLIENT_ID_PATTERN)) {
            throw new IllegalArgumentException("a client id is 3-64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a name is 1-200 characters");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("the role must be one of bureau, lender, regulator, admin");
        }
        Objects.requireNonNull(issuerDid, "issuerDid");
        issuerDid.ifPresent(did -> {
            if (!role.equals(Roles.BUREAU)) {
                throw new IllegalArgumentException("only a bureau issues, so only a bureau has an issuer DID");
            }
            if (!did.matches("did:web:[A-Za-z0-9.%:_-]+")) {
                throw new IllegalArgumentException("the issuer DID must be a did:web this service serves");
            }
        });
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }

    public boolean disabled() {
        return disabledAt.isPresent();
    }
}
