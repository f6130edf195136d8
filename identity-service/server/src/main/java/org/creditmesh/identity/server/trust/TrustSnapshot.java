package org.creditmesh.identity.server.trust;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditmesh.identity.server.cache.CacheVersions;
import org.creditmesh.identity.server.cache.VersionedCache;

/**
 * The whole trust registry in memory, for {@link TrustRegistry#decide}: every verify and every issuance asks it, and
 * the registry is small (one row per accreditation, a few events each) and changes rarely. The decision itself is
 * unchanged and exact — it is computed from the same accreditations and events; only where they are read from
 * changed. Freshness: {@link TrustRegistry} reloads this after each of its own commits (the next decision on this
 * instance sees the change), and {@link CacheVersions} reloads it within {@code creditmesh.cache.refresh-interval}
 * of a change committed by another replica (the {@code trust} counter of V8 is bumped by trigger on every insert).
 */
@ApplicationScoped
public class TrustSnapshot implements VersionedCache {

    static final String VERSION_NAME = "trust";

    private record State(long version, Map<String, List<Accreditation>> byDid) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CacheVersions versions;

    private final Object reloading = new Object();
    private volatile State state;

    @PostConstruct
    void init() {
        versions.watch(this);
    }

    /** Every accreditation of {@code did}, oldest first, each with its events in effect order. */
    public List<Accreditation> byDid(String did) {
        State current = state;
        if (current == null || !versions.fresh()) {
            reload();
            current = state;
        }
        return current.byDid().getOrDefault(did, List.of());
    }

    @Override
    public String versionName() {
        return VERSION_NAME;
    }

    @Override
    public long loadedVersion() {
        State current = state;
        return current == null ? -1 : current.version();
    }

    @Override
    public void reload() {
        // Reloads run one at a time, each reading after the one before it: the last to finish is the newest.
        synchronized (reloading) {
            try (Connection c = dataSource.getConnection()) {
                long version = CacheVersions.version(c, VERSION_NAME);
                Map<String, List<Accreditation>> byDid = new HashMap<>();
                for (Accreditation a : TrustRegistry.loadAll(c)) {
                    byDid.computeIfAbsent(a.did(), d -> new ArrayList<>()).add(a);
                }
                byDid.replaceAll((did, list) -> List.copyOf(list));
                state = new State(version, Map.copyOf(byDid));
            } catch (SQLException e) {
                throw new IllegalStateException("database failure while reading the trust registry", e);
            }
        }
    }
}
