package org.creditmesh.core.did;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps resolved documents for a while. Documents of deterministic methods (did:key, did:jwk: the DID
 * is the document) never expire; others (did:web) live for {@code ttl}. At most {@code maxEntries}
 * documents are kept, least recently used first out. Failures are not cached.
 */
public final class CachingDidResolver implements DidResolver {

    private record Cached(DidDocument document, Instant expires) {
    }

    private final DidResolver delegate;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Set<String> deterministicMethods;
    private final LinkedHashMap<String, Cached> cache;

    /**
     * @param delegate   the resolver to ask on a miss
     * @param ttl        how long non-deterministic documents are kept
     * @param maxEntries the most documents kept
     * @param clock      the time source (tests pass a fixed one)
     */
    public CachingDidResolver(DidResolver delegate, Duration ttl, int maxEntries, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deterministicMethods = Set.of(DidSpecs.METHOD_KEY, DidSpecs.METHOD_JWK);
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > CachingDidResolver.this.maxEntries;
            }
        };
    }

    /** A cache with the system clock. */
    public CachingDidResolver(DidResolver delegate, Duration ttl, int maxEntries) {
        this(delegate, ttl, maxEntries, Clock.systemUTC());
    }

    @Override
    public DidDocument resolve(String did) throws DidException {
        Did parsed = Did.parse(did);
        String key = parsed.toString();
        Instant now = clock.instant();
        synchronized (cache) {
            Cached hit = cache.get(key);
            if (hit != null && (hit.expires == null || now.isBefore(hit.expires))) {
                return hit.document;
            }
            if (hit != null) {
                cache.remove(key);
            }
        }
        DidDocument document = delegate.resolve(key);
        Instant expires = deterministicMethods.contains(parsed.method()) ? null : now.plus(ttl);
        synchronized (cache) {
            cache.put(key, new Cached(document, expires));
        }
        return document;
    }

    /** Number of documents held (expired ones included until next looked up). */
    public int size() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Drops every cached document. */
    public void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }

    @Override
    public String toString() {
        return "CachingDidResolver[ttl=" + ttl + ", maxEntries=" + maxEntries + ", " + delegate + "]";
    }
}
