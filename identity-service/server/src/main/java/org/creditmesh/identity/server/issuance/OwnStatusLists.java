package org.creditmesh.identity.server.issuance;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.identity.server.cache.CacheVersions;
import org.creditmesh.identity.server.cache.VersionedCache;

/**
 * This service's signed Bitstring Status List credentials in memory, by URL, each with the version it was stored at:
 * the status check of every verify of a credential issued here reads one, and a list changes only when one of its
 * credentials changes status. A status change reloads its lists after its commit ({@link #refresh}), before it
 * answers, so the next verify on this instance sees it; a change committed by another replica bumps V8's
 * {@code status_list} counter and is loaded here by {@link CacheVersions} within
 * {@code creditmesh.cache.refresh-interval}. A version never replaces a newer one, whichever load finishes last.
 */
@ApplicationScoped
public class OwnStatusLists implements VersionedCache {

    static final String VERSION_NAME = "status_list";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CacheVersions versions;

    /** By URL, which is unique across issuers (status_list.url is UNIQUE; a bureau's list ids carry its ListOwner prefix). */
    private final Map<String, StatusLists.StoredList> byUrl = new ConcurrentHashMap<>();
    private final Object reloading = new Object();
    private volatile long loadedVersion = -1;

    @PostConstruct
    void init() {
        versions.watch(this);
    }

    /** The signed list credential at {@code url}, if this service has one. */
    public Optional<String> credential(String url) {
        StatusLists.StoredList cached = versions.fresh() ? byUrl.get(url) : null;
        if (cached != null) {
            return Optional.of(cached.credential());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT url, credential, version FROM status_list WHERE url = ?")) {
            q.setString(1, url);
            return load(q).map(StatusLists.StoredList::credential);
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a status list", e);
        }
    }

    /** Reloads the lists {@code listIds} after the caller committed a change to them. */
    public void refresh(Collection<String> listIds) {
        if (listIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT url, credential, version FROM status_list WHERE id = ANY (?)")) {
            q.setArray(1, c.createArrayOf("text", listIds.toArray()));
            load(q);
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a status list", e);
        }
    }

    @Override
    public String versionName() {
        return VERSION_NAME;
    }

    @Override
    public long loadedVersion() {
        return loadedVersion;
    }

    /** Reloads every cached list whose stored version is newer than the one held. */
    @Override
    public void reload() {
        synchronized (reloading) {
            try (Connection c = dataSource.getConnection()) {
                long version = CacheVersions.version(c, VERSION_NAME);
                java.util.List<String> stale = new java.util.ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("SELECT url, version FROM status_list");
                     ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        StatusLists.StoredList held = byUrl.get(rs.getString(1));
                        if (held != null && held.version() < rs.getLong(2)) {
                            stale.add(rs.getString(1));
                        }
                    }
                }
                if (!stale.isEmpty()) {
                    try (PreparedStatement q = c.prepareStatement("SELECT url, credential, version FROM status_list WHERE url = ANY (?)")) {
                        q.setArray(1, c.createArrayOf("text", stale.toArray()));
                        load(q);
                    }
                }
                loadedVersion = version;
            } catch (SQLException e) {
                throw new IllegalStateException("database failure while reading status lists", e);
            }
        }
    }

    /** Runs {@code q} (url, credential, version rows) and keeps each row unless a newer version is held; returns the first. */
    private Optional<StatusLists.StoredList> load(PreparedStatement q) throws SQLException {
        Optional<StatusLists.StoredList> first = Optional.empty();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                StatusLists.StoredList row = new StatusLists.StoredList(rs.getString(2), rs.getLong(3));
                StatusLists.StoredList kept = byUrl.merge(rs.getString(1), row,
                        (held, fresh) -> fresh.version() >= held.version() ? fresh : held);
                if (first.isEmpty()) {
                    first = Optional.of(kept);
                }
            }
        }
        return first;
    }
}
