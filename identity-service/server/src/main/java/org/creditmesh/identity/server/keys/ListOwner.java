package org.creditmesh.identity.server.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose status lists: the service's issuer ({@link IssuerKeys#DEFAULT}) or a bureau issuing under its own did:web
 * ({@link IssuerKeys#issuerFor}). W3C Bitstring Status List v1.0 and the IETF Token Status List both require a
 * credential's list to be issued by the credential's issuer, so each owner has its own lists, signed with its key.
 *
 * @param bureauDid the bureau's did:web; empty for the service's issuer
 */
public record ListOwner(Optional<String> bureauDid) {

    /** The service's issuer, owner of every list made before per-issuer lists. */
    public static final ListOwner SERVICE = new ListOwner(Optional.empty());

    public ListOwner {
        Objects.requireNonNull(bureauDid, "bureauDid");
        if (bureauDid.isPresent() && !bureauDid.get().startsWith("did:web:")) {
            throw new IllegalArgumentException("a bureau's lists belong to its did:web, not " + bureauDid.get());
        }
    }

    public static ListOwner of(Optional<String> bureauDid) {
        return bureauDid.isEmpty() ? SERVICE : new ListOwner(bureauDid);
    }

    /** From the {@code issuer} column of {@code status_list} / {@code token_status_list} (V12). */
    public static ListOwner ofColumn(String column) {
        return IssuerKeys.DEFAULT.equals(column) ? SERVICE : new ListOwner(Optional.of(column));
    }

    /** The {@code issuer} column value: {@value IssuerKeys#DEFAULT} (its DID is configuration) or the bureau's DID. */
    public String column() {
        return bureauDid.orElse(IssuerKeys.DEFAULT);
    }

    /**
     * What a list id starts with: nothing for the service's issuer (its ids and URLs predate per-issuer lists and
     * stay valid), else 16 hex digits of SHA-256 of the DID and a dash. A digest rather than the DID keeps ids short,
     * URL-safe path segments that stay unique across issuers.
     */
    public String prefix() {
        if (bureauDid.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bureauDid.get().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + "-";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
