package org.creditmesh.identity.server.cache;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the in-memory copies of the verify path ({@link VersionedCache}s) in step with the database across
 * replicas: every committed change to a cached table bumps a counter in {@code cache_version} (V8, by trigger), and
 * one background thread reads the counters every {@code creditmesh.cache.refresh-interval} and reloads each cache
 * whose counter moved. A change made on this instance is reloaded by the writer itself after its commit, so it is
 * seen by the very next request here; a change made on another replica is seen here within one interval (plus the
 * time of a reload). When the counters cannot be read for {@code creditmesh.cache.max-staleness}, {@link #fresh()}
 * turns false and the caches read through to the database (which then fails loudly if it is down) instead of
 * answering from an unconfirmed copy.
 *
 * <p>A plain scheduled thread rather than quarkus-scheduler: one fixed-rate task, stopped at shutdown, is all it needs.
 */
@ApplicationScoped
public class CacheVersions {

    private static final Logger LOG = Logger.getLogger(CacheVersions.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "creditmesh.cache.refresh-interval", defaultValue = "PT1S")
    Duration interval;

    @ConfigProperty(name = "creditmesh.cache.max-staleness", defaultValue = "PT5S")
    Duration maxStaleness;

    private final List<VersionedCache> caches = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;
    private volatile long confirmedAtNanos = System.nanoTime();
    private volatile boolean failing;

    /** Starts watching {@code cache} (the poller starts with the first cache). */
    public synchronized void watch(VersionedCache cache) {
        caches.add(cache);
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "creditmesh-cache-versions");
                t.setDaemon(true);
                return t;
            });
            poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the counters were read successfully within {@code creditmesh.cache.max-staleness}. */
    public boolean fresh() {
        return System.nanoTime() - confirmedAtNanos < maxStaleness.toNanos();
    }

    /** The counter {@code name} as {@code c} sees it; read before the data a reload reads, in the same connection. */
    public static long version(Connection c, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM cache_version WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no cache_version row " + name);
                }
                return rs.getLong(1);
            }
        }
    }

    /** One round: read every counter, reload the caches that are behind. Public for tests that cannot wait. */
    public void poll() {
        long started = System.nanoTime();
        try {
            Map<String, Long> versions = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT name, version FROM cache_version");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (VersionedCache cache : caches) {
                Long version = versions.get(cache.versionName());
                if (version != null && version > cache.loadedVersion()) {
                    cache.reload();
                }
            }
            confirmedAtNanos = started;
            if (failing) {
                LOG.info("cache versions readable again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf("cache versions could not be read (%s); caches read through once they are %s old",
                        e.getClass().getSimpleName(), maxStaleness);
                failing = true;
            }
        }
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
