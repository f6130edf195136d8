package org.creditmesh.core.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Status list credentials that verified, remembered by the SHA-256 of their exact bytes for a short time, so that a
 * verifier checking many credentials against one list verifies that list's proof once (for a Data Integrity list,
 * canonicalization and a signature: most of a credential verify's cost otherwise). Keyed by content, an updated list
 * (a revocation) is a new key and is verified afresh at once; what the time bound covers is what the same bytes could
 * come to mean differently: the issuer's key being removed from its DID document, or the list's validity period
 * ending. Bitstring Status List v1.0 section 3.2 lets verifiers cache lists for their {@code ttl}; a lifetime of the
 * same order (a minute by default) keeps this within that. Only successful verifications are kept. Thread-safe;
 * share one per service, configured with the same DID resolution as the verifiers that use it.
 */
public final class VerifiedStatusLists {

    /** What a verification of a list established. */
    public record Verified(String issuer, JsonNode claims) {
        public Verified {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(claims, "claims");
        }
    }

    private record Entry(Verified verified, Instant expires) {
    }

    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Entry> entries;

    public VerifiedStatusLists(Duration lifetime, int capacity, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || capacity < 1) {
            throw new IllegalArgumentException("a positive lifetime and capacity");
        }
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
        // Access order: the least recently used list is dropped first when full.
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** A minute, 256 lists, the system clock. */
    public static VerifiedStatusLists defaults() {
        return new VerifiedStatusLists(Duration.ofMinutes(1), 256, Clock.systemUTC());
    }

    /** The remembered verification of exactly {@code fetched}, if it is still within its lifetime. */
    public synchronized Optional<Verified> get(String fetched) {
        String key = key(fetched);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(new Verified(entry.verified().issuer(), entry.verified().claims().deepCopy()));
    }

    /** Remembers a successful verification of exactly {@code fetched}. */
    public synchronized void put(String fetched, Verified verified) {
        entries.put(key(fetched), new Entry(new Verified(verified.issuer(), verified.claims().deepCopy()),
                clock.instant().plus(lifetime)));
        while (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private static String key(String fetched) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fetched.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
