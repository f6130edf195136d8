package org.creditmesh.anchor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.service.postgres.EmbeddedPostgres;

/**
 * One real embedded PostgreSQL server for the test JVM (started on first use, stopped by its
 * shutdown hook) and a fresh database on it per test.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path root = Files.createTempDirectory("creditmesh-anchor-pg-");
                // as root, PostgreSQL runs as nobody, who must be able to enter the folder
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
                server = EmbeddedPostgres.start(root.resolve("cluster"), "creditmesh_anchor", "creditmesh");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new, empty database on the shared server, migrated as the outbox does. */
    public static OutboxDatabase fresh() throws OutboxException {
        return OutboxDatabase.connect(freshUrl(), server().user(), server().password());
    }

    /** The JDBC URL of a new, empty database (not migrated). */
    public static String freshUrl() {
        EmbeddedPostgres pg = server();
        String name = "anchor_test_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name;
    }
}
