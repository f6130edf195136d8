package org.creditmesh.anchor.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.testing.TestDatabases;
import org.creditmesh.anchor.testing.TestHashes;
import org.creditmesh.service.postgres.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbox on a real PostgreSQL: durable submissions, deduplication, refusals, its own migrations. */
class OutboxTest {

    @Test
    void aSubmittedHashSurvivesARestartOfTheDatabaseServer() throws Exception {
        Path root = Files.createTempDirectory("creditmesh-outbox-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        Hash32 h = TestHashes.of(1, 801).get(0);
        try (OutboxDatabase db = OutboxDatabase.embedded(root.resolve("cluster"))) {
            SubmitResult r = new Outbox(db.dataSource()).submit(new Submission(h, AnchorKind.CREDENTIAL, new AnchorRef("cred-1")));
            assertThat(r.created()).isTrue();
        } // the server is stopped here
        try (OutboxDatabase db = OutboxDatabase.embedded(root.resolve("cluster"))) {
            Outbox outbox = new Outbox(db.dataSource());
            assertThat(outbox.status(h)).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(AnchorState.QUEUED);
                assertThat(s.batchId()).isZero();
            });
            assertThat(outbox.queued()).isEqualTo(1);
            assertThat(outbox.proofFor(h)).isEmpty();
        }
    }

    @Test
    void theSameKindAndHashIsQueuedOnceAnotherKindIsItsOwnEntry() throws Exception {
        try (OutboxDatabase db = TestDatabases.fresh()) {
            Outbox outbox = new Outbox(db.dataSource());
            Hash32 h = TestHashes.of(1, 802).get(0);
            SubmitResult first = outbox.submit(new Submission(h, AnchorKind.STATUS_LIST, new AnchorRef("list-7/v1")));
            SubmitResult again = outbox.submit(new Submission(h, AnchorKind.STATUS_LIST, new AnchorRef("list-7/v1-retry")));
            SubmitResult other = outbox.submit(new Submission(h, AnchorKind.MODEL, new AnchorRef("model:3")));
            assertThat(again.created()).isFalse();
            assertThat(again.entryId()).isEqualTo(first.entryId());
            assertThat(other.created()).isTrue();
            assertThat(outbox.queued()).isEqualTo(2);
            List<Submission> many = new ArrayList<>();
            for (Hash32 x : TestHashes.of(50, 803)) {
                many.add(new Submission(x, AnchorKind.AUDIT_CHECKPOINT, new AnchorRef("audit/" + many.size())));
            }
            many.add(new Submission(h, AnchorKind.MODEL, new AnchorRef("model:3")));
            List<SubmitResult> results = outbox.submitAll(many);
            assertThat(results).filteredOn(SubmitResult::created).hasSize(50);
            assertThat(outbox.queued()).isEqualTo(52);
            assertThat(outbox.status(TestHashes.of(1, 804).get(0))).as("never submitted").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jane.doe@example.org", "Jane Doe", "ref\n", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ünïcode"})
    void aReferenceThatCouldCarryPersonalDataOrIsMalformedIsRefused(String ref) {
        assertThatThrownBy(() -> AnchorRef.of(ref)).isInstanceOfSatisfying(OutboxException.class,
                e -> assertThat(e.error()).isEqualTo(OutboxError.INVALID_SUBMISSION));
    }

    @Test
    void kindsParseByTheirStableCodesOnly() throws Exception {
        for (AnchorKind k : AnchorKind.values()) {
            assertThat(AnchorKind.parse(k.code())).isEqualTo(k);
        }
        assertThatThrownBy(() -> AnchorKind.parse("person")).isInstanceOfSatisfying(OutboxException.class,
                e -> assertThat(e.error()).isEqualTo(OutboxError.INVALID_SUBMISSION));
        assertThatThrownBy(() -> AnchorKind.parse(null)).isInstanceOf(OutboxException.class);
    }

    @Test
    void migratesBesideAHostServicesOwnFlywayHistoryAndStoresOnlyHashesAndReferences() throws Exception {
        String url = TestDatabases.freshUrl();
        EmbeddedPostgres pg = TestDatabases.server();
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password()); Statement s = c.createStatement()) {
            // what a host service's own Flyway leaves behind
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version TEXT)");
            s.execute("INSERT INTO flyway_schema_history VALUES (1, '1')");
            s.execute("CREATE TABLE credential (id TEXT PRIMARY KEY)");
        }
        try (OutboxDatabase db = OutboxDatabase.connect(url, pg.user(), pg.password())) {
            new Outbox(db.dataSource()).submit(new Submission(TestHashes.of(1, 805).get(0), AnchorKind.CREDENTIAL, new AnchorRef("c")));
        }
        try (OutboxDatabase again = OutboxDatabase.connect(url, pg.user(), pg.password());
             Connection c = again.dataSource().getConnection()) {
            assertThat(count(c, "SELECT count(*) FROM flyway_schema_history")).as("host history untouched").isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM anchor_schema_history WHERE version = '1' AND success")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM anchor_entry")).isEqualTo(1);
            List<String> columns = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'anchor_entry' ORDER BY ordinal_position");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertThat(columns).containsExactly("id", "kind", "hash", "ref", "submitted_at", "batch_id");
            // the database refuses what the Java API refuses, too
            assertThatThrownBy(() -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO anchor_entry (kind, hash, ref) VALUES ('credential', '\\x00'::bytea, 'a b')");
                }
            }).isInstanceOf(java.sql.SQLException.class);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
