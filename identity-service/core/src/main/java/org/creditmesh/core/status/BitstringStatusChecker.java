package org.creditmesh.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.error.CreditMeshException;

/**
 * The status check a verifier runs: the Validate Algorithm of Bitstring Status List v1.0 section 3.2.
 * Fetching goes through a {@link StatusListFetcher}, the status list's own proof through a
 * {@link StatusListCredentialVerifier}; this class then checks the list credential (types, id, validity
 * period), that the entry's purpose is one of the list's, that the list has at least
 * {@link StatusSpecs#MIN_ENTRIES} entries, that the index is in range, and reads the status, decompressing
 * no more than a set bound.
 */
public final class BitstringStatusChecker {

    private final StatusListFetcher fetcher;
    private final StatusListCredentialVerifier proofVerifier;
    private final DataModelValidator validator;
    private final Clock clock;
    private final int minEntries;
    private final int maxUncompressedBytes;

    public BitstringStatusChecker(StatusListFetcher fetcher, StatusListCredentialVerifier proofVerifier,
            DataModelValidator validator, Clock clock) {
        this(fetcher, proofVerifier, validator, clock, StatusSpecs.MIN_ENTRIES, StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES);
    }

    /**
     * @param minEntries {@code minimumNumberOfEntries} of section 3.2 (131,072 unless an ecosystem sets another)
     * @param maxUncompressedBytes largest decompressed list accepted (GZIP bomb guard)
     */
    public BitstringStatusChecker(StatusListFetcher fetcher, StatusListCredentialVerifier proofVerifier,
            DataModelValidator validator, Clock clock, int minEntries, int maxUncompressedBytes) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.proofVerifier = Objects.requireNonNull(proofVerifier, "proofVerifier");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minEntries = minEntries;
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    /**
     * Checks every {@code BitstringStatusListEntry} of a credential. Entries of other types are skipped:
     * status mechanisms that are not understood are ignored (VC-JOSE-COSE "Validation", VCDM 2.0 section 4.10).
     */
    public List<StatusCheckResult> check(Credential credential) throws StatusException {
        List<StatusCheckResult> results = new ArrayList<>();
        for (ObjectNode entry : credential.credentialStatus()) {
            if (DataModelValidator.types(entry).contains(StatusSpecs.TYPE_ENTRY)) {
                results.add(check(entry));
            }
        }
        return results;
    }

    /** Fetches, verifies and reads the status list for one {@code credentialStatus} entry. */
    public StatusCheckResult check(JsonNode credentialStatusEntry) throws StatusException {
        BitstringStatusListEntry entry = BitstringStatusListEntry.parse(credentialStatusEntry);
        String fetched;
        try {
            fetched = fetcher.fetch(entry.statusListCredential());
        } catch (CreditMeshException | RuntimeException e) {
            throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED,
                    "the status list " + entry.statusListCredential() + " could not be retrieved", e);
        }
        if (fetched == null) {
            throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED,
                    "the status list " + entry.statusListCredential() + " could not be retrieved");
        }
        JsonNode verified;
        try {
            verified = proofVerifier.verify(entry.statusListCredential(), fetched);
        } catch (StatusException e) {
            throw e;
        } catch (CreditMeshException | RuntimeException e) {
            throw new StatusException(StatusError.STATUS_VERIFICATION_FAILED,
                    "the proof of the status list credential did not verify", e);
        }
        if (verified == null) {
            throw new StatusException(StatusError.STATUS_VERIFICATION_FAILED, "the status list credential was not verified");
        }
        return check(entry, BitstringStatusListCredential.from(verified, validator));
    }

    /**
     * Reads the status of {@code entry} from a status list credential whose proof the caller has already
     * verified (section 3.2 from "Verify that the status purpose ..." on).
     */
    public StatusCheckResult check(BitstringStatusListEntry entry, BitstringStatusListCredential list) throws StatusException {
        Credential listCredential = list.credential();
        Optional<String> listId = listCredential.id();
        if (listId.isPresent() && !listId.get().equals(entry.statusListCredential())) {
            throw new StatusException(StatusError.STATUS_LIST_MISMATCH,
                    "the status list credential's id is not the statusListCredential URL of the entry");
        }
        Instant now = clock.instant();
        if (listCredential.validUntil().map(now::isAfter).orElse(false)
                || listCredential.validFrom().map(now::isBefore).orElse(false)) {
            throw new StatusException(StatusError.STATUS_LIST_NOT_CURRENT,
                    "the status list credential is outside its validity period");
        }
        if (!list.statusPurposes().contains(entry.statusPurpose())) {
            throw new StatusException(StatusError.STATUS_PURPOSE_MISMATCH,
                    "the entry's statusPurpose is not a purpose of the status list (section 3.2)");
        }
        BitstringStatusList bits = list.list(maxUncompressedBytes);
        if (bits.entries(entry.statusSize()) < minEntries) {
            throw new StatusException(StatusError.STATUS_LIST_TOO_SHORT,
                    "the status list has " + bits.entries(entry.statusSize()) + " entries, fewer than "
                            + minEntries + " (section 3.2, STATUS_LIST_LENGTH_ERROR)");
        }
        return new StatusCheckResult(entry, bits.status(entry.statusListIndex(), entry.statusSize()));
    }

    /** The verifier's summary: REVOKED over SUSPENDED over FLAGGED over OK. */
    public static StatusCheckResult.State summarize(List<StatusCheckResult> results) {
        StatusCheckResult.State worst = StatusCheckResult.State.OK;
        for (StatusCheckResult r : results) {
            StatusCheckResult.State s = r.state();
            if (s == StatusCheckResult.State.REVOKED
                    || (s == StatusCheckResult.State.SUSPENDED && worst != StatusCheckResult.State.REVOKED)
                    || (s == StatusCheckResult.State.FLAGGED && worst == StatusCheckResult.State.OK)) {
                worst = s;
            }
        }
        return worst;
    }
}
