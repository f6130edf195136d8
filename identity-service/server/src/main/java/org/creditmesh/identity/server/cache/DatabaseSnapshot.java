package org.creditmesh.identity.server.cache;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A small table (or a few) held in memory whole, read again when its {@link CacheVersions} counter moved: by the
 * writer after its own commit (so this instance's next request sees the change) and by {@link CacheVersions} within
 * {@code creditmesh.cache.refresh-interval} of another replica's commit. A request finding the counters stale
 * ({@link CacheVersions#fresh()} false) reads through instead of trusting the copy.
 *
 * @param <T> what a load builds from the rows; immutable, since every request shares it
 */
public abstract class DatabaseSnapshot<T> implements VersionedCache {

    private record Loaded<T>(long version, T value) {
    }

    @Inject
    protected AgroalDataSource dataSource;

    @Inject
    protected CacheVersions versions;

    private final Object reloading = new Object();
    private volatile Loaded<T> loaded;

    @PostConstruct
    void watchVersions() {
        versions.watch(this);
    }

    /** Builds the value from the rows as {@code c} sees them; runs under the reload lock. */
    protected abstract T load(Connection c) throws SQLException;

    /** What is read, for the error when the database fails ("the trust registry"). */
    protected abstract String description();

    /** The value loaded last, reloaded first when there is none yet or the counters are stale. */
    protected T current() {
        Loaded<T> current = loaded;
        if (current == null || !versions.fresh()) {
            reload();
            current = loaded;
        }
        return current.value();
    }

    @Override
    public long loadedVersion() {
        Loaded<T> current = loaded;
        return current == null ? -1 : current.version();
    }

    @Override
    public void reload() {
        // Reloads run one at a time, each reading after the one before it: the last to finish is the newest.
        synchronized (reloading) {
            try (Connection c = dataSource.getConnection()) {
                long version = CacheVersions.version(c, versionName());
                loaded = new Loaded<>(version, load(c));
            } catch (SQLException e) {
                throw new IllegalStateException("database failure while reading " + description(), e);
            }
        }
    }
}
