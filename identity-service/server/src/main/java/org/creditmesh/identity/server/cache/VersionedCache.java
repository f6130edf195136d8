package org.creditmesh.identity.server.cache;

/** An in-memory copy of some tables, reloaded when their {@code cache_version} counter moves ({@link CacheVersions}). */
public interface VersionedCache {

    /** The {@code cache_version} row that counts changes to what this cache holds. */
    String versionName();

    /** The counter as read by the last reload (data loaded after reading it is at least that new). */
    long loadedVersion();

    /** Reloads from the database; must not let an older load replace a newer one. */
    void reload();
}
