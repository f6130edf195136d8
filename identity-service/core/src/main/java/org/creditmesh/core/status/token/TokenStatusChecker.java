package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Objects;
import org.creditmesh.core.error.CreditMeshException;

/**
 * The status check of draft-ietf-oauth-status-list-20 section 8.3, run after the Referenced Token itself was
 * verified: read {@code status.status_list}, retrieve the Status List Token from its {@code uri}, verify it
 * ({@link StatusListTokenVerifier}), and read the value at {@code idx}. Every failure is a
 * {@link TokenStatusException}: "no statement about the status can be made", which a caller should treat as a
 * rejection (section 8.3, last paragraph).
 *
 * <p>This class does not cache; section 13.7 ({@code ttl}) caching belongs in the fetcher.
 */
public final class TokenStatusChecker {

    private final StatusListTokenFetcher fetcher;
    private final StatusListTokenVerifier verifier;

    public TokenStatusChecker(StatusListTokenFetcher fetcher, StatusListKeyResolver keys, Clock clock) {
        this(fetcher, new StatusListTokenVerifier(keys, clock));
    }

    public TokenStatusChecker(StatusListTokenFetcher fetcher, StatusListTokenVerifier verifier) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Checks the Referenced Token whose {@code status} claim is {@code statusClaim}. */
    public TokenStatus check(JsonNode statusClaim) throws TokenStatusException {
        return check(StatusReference.parse(statusClaim));
    }

    public TokenStatus check(StatusReference reference) throws TokenStatusException {
        String fetched;
        try {
            fetched = fetcher.fetch(reference.uri());
        } catch (TokenStatusException e) {
            if (e.code() == TokenStatusError.STATUS_LIST_UNAVAILABLE) {
                throw e;
            }
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE,
                    "the Status List Token could not be retrieved: " + e.code().code(), e);
        } catch (CreditMeshException e) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE,
                    "the Status List Token could not be retrieved: " + e.code().code(), e);
        } catch (RuntimeException e) {
            // A fetcher is caller code (HTTP clients throw unchecked exceptions); a failed retrieval is still
            // only "unavailable", never a crash of the verification.
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE,
                    "the Status List Token could not be retrieved: " + e.getClass().getSimpleName(), e);
        }
        if (fetched == null || fetched.isBlank()) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE, "the Status List Token retrieved is empty");
        }
        StatusListToken token = verifier.verify(fetched, reference.uri());
        return new TokenStatus(reference, token.statusList().get(reference.idx()), token);
    }
}
