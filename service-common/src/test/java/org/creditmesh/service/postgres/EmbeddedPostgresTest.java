package org.creditmesh.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL on its own: a real server, stopped and reopened on the same cluster folder. */
class EmbeddedPostgresTest {

    private Path root;

    @BeforeEach
    void createFolder() throws IOException {
        root = Files.createTempDirectory("creditmesh-pg-test-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void keepsCommittedDataAcrossAStopAndAStartOnTheSameCluster() throws Exception {
        Path cluster = root.resolve("cluster");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(cluster, "creditmesh", "creditmesh");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(cluster, "creditmesh", "creditmesh");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v, current_user, inet_server_addr()::text FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(rs.getString(2)).isEqualTo("creditmesh");
            assertThat(rs.getString(3)).startsWith("127.0.0.1");
        }
    }

    @Test
    void startsAgainOverAServerLeftRunningByAKilledProcess() throws Exception {
        Path cluster = root.resolve("cluster");
        EmbeddedPostgres leftover = EmbeddedPostgres.start(cluster, "creditmesh", "creditmesh");
        // Not closed: as if the JVM that started it had been killed.
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(cluster, "creditmesh", "creditmesh");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(pg.port()).isNotEqualTo(leftover.port());
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), leftover.port()).close()).isInstanceOf(IOException.class);
        leftover.close();
    }

    @Test
    void stopsTheServerOnClose() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.start(root.resolve("cluster"), "creditmesh", "creditmesh");
        int port = pg.port();
        pg.close();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(root.resolve("cluster"), "creditmesh", "creditmesh")) {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "wrong").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(Files.getPosixFilePermissions(pg.clusterDir().resolve("password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void asRootSaysWhichFolderTheUnprivilegedUserCannotEnter() throws IOException {
        // The check applies to root only; as any other user PostgreSQL runs as that user.
        org.junit.jupiter.api.Assumptions.assumeTrue(EmbeddedPostgres.runningAsRoot(), "not running as root");
        Path closed = root.resolve("closed");
        Files.createDirectories(closed);
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> EmbeddedPostgres.start(closed.resolve("cluster"), "creditmesh", "creditmesh"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(closed.toString()).hasMessageContaining("nobody")
                .hasMessageContaining("creditmesh.database.embedded.dir");
    }
}
