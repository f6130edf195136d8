package org.creditmesh.identity.server.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditmesh.identity.server.cache.CacheVersions;
import org.creditmesh.identity.server.cache.DatabaseSnapshot;

/**
 * The whole trust registry in memory, for {@link TrustRegistry#decide}: every verify and every issuance asks it, and
 * the registry is small (one row per accreditation, a few events each) and changes rarely. The decision itself is
 * unchanged and exact — it is computed from the same accreditations and events; only where they are read from
 * changed. Freshness: {@link TrustRegistry} reloads this after each of its own commits (the next decision on this
 * instance sees the change), and {@link CacheVersions} reloads it within {@code creditmesh.cache.refresh-interval}
 * of a change committed by another replica (the {@code trust} counter of V8 is bumped by trigger on every insert).
 */
@ApplicationScoped
public class TrustSnapshot extends DatabaseSnapshot<Map<String, List<Accreditation>>> {

    static final String VERSION_NAME = "trust";

    /** Every accreditation of {@code did}, oldest first, each with its events in effect order. */
    public List<Accreditation> byDid(String did) {
        return current().getOrDefault(did, List.of());
    }

    @Override
    public String versionName() {
        return VERSION_NAME;
    }

    @Override
    protected String description() {
        return "the trust registry";
    }

    @Override
    protected Map<String, List<Accreditation>> load(Connection c) throws SQLException {
        Map<String, List<Accreditation>> byDid = new HashMap<>();
        for (Accreditation a : TrustRegistry.loadAll(c)) {
            byDid.computeIfAbsent(a.did(), d -> new ArrayList<>()).add(a);
        }
        byDid.replaceAll((did, list) -> List.copyOf(list));
        return Map.copyOf(byDid);
    }
}
