package org.creditmesh.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.audit.AuditWriter;
import org.creditmesh.identity.server.issuance.RequestBodies;
import org.junit.jupiter.api.Test;

/**
 * Verification events are audited by group commit ({@link AuditWriter}). What must hold whatever the batching:
 * a completed future's row is committed with the seq and hash it reports; a failed one's row is absent; each caller's
 * rows are chained in the order it queued them; appends made inside other transactions interleave; the chain still
 * recomputes; and a verify answers only after its row is committed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuditGroupCommitTest {

    @Inject
    AuditWriter writer;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentAppendsAreAllCommittedInQueueOrderAndInterleaveWithTransactionalOnes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int callers = 6;
        int each = 60;
        ExecutorService pool = Executors.newFixedThreadPool(callers + 1);
        try {
            List<Future<List<CompletableFuture<AuditLog.Entry>>>> queued = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int caller = t;
                queued.add(pool.submit(() -> {
                    List<CompletableFuture<AuditLog.Entry>> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(writer.append(new AuditLog.Record("caller-" + run + "-" + caller, "verify-credential",
                                "sha256:" + run + "-" + caller + "-" + i, "verified")));
                    }
                    return mine;
                }));
            }
            // Meanwhile, audited actions that append inside their own transactions, as issuance does.
            Future<List<AuditLog.Entry>> transactional = pool.submit(() -> {
                List<AuditLog.Entry> rows = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        rows.add(audit.append(c, "tx-" + run, "issue", "urn:uuid:" + run + "-" + i, "ok"));
                        c.commit();
                    }
                }
                return rows;
            });

            Set<Long> seqs = new HashSet<>();
            for (int t = 0; t < callers; t++) {
                long previous = 0;
                List<CompletableFuture<AuditLog.Entry>> mine = queued.get(t).get();
                for (int i = 0; i < each; i++) {
                    AuditLog.Entry entry = mine.get(i).join();
                    assertThat(entry.subjectRef()).isEqualTo("sha256:" + run + "-" + t + "-" + i);
                    assertThat(entry.seq()).as("caller %d's rows in the order queued", t).isGreaterThan(previous);
                    previous = entry.seq();
                    assertThat(seqs.add(entry.seq())).isTrue();
                    assertThat(stored(entry.seq())).isEqualTo(List.of(entry.subjectRef(), entry.hash(), entry.prevHash()));
                }
            }
            for (AuditLog.Entry entry : transactional.get()) {
                assertThat(seqs.add(entry.seq())).isTrue();
                assertThat(stored(entry.seq())).isEqualTo(List.of(entry.subjectRef(), entry.hash(), entry.prevHash()));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(audit.verifyChain(c)).isEqualTo(-1);
        }
    }

    @Test
    void aBatchThatCannotCommitFailsEveryCallerInItAndLeavesNoRowOfIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<AuditLog.Entry>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // PostgreSQL refuses a NUL character in text: the row with it, and so its whole transaction, fails.
            String outcome = i == 20 ? "verified\u0000" : "verified";
            futures.add(writer.append(new AuditLog.Record("poison-" + run, "verify-credential", "sha256:" + run + "-" + i, outcome)));
        }
        int failed = 0;
        for (int i = 0; i < futures.size(); i++) {
            String ref = "sha256:" + run + "-" + i;
            try {
                AuditLog.Entry entry = futures.get(i).join();
                assertThat(stored(entry.seq())).isEqualTo(List.of(ref, entry.hash(), entry.prevHash()));
            } catch (CompletionException e) {
                failed++;
                assertThat(e.getCause()).hasMessageContaining("audit log could not be written");
                assertThat(countRef(ref)).as("a failed caller's row is absent").isZero();
            }
        }
        assertThat(futures.get(20)).isCompletedExceptionally();
        assertThat(failed).isPositive();
        // The writer goes on after a failed batch.
        AuditLog.Entry after = writer.append(new AuditLog.Record("poison-" + run, "verify-credential", "sha256:" + run + "-after", "verified")).join();
        assertThat(countRef(after.subjectRef())).isEqualTo(1);
        try (Connection c = dataSource.getConnection()) {
            assertThat(audit.verifyChain(c)).isEqualTo(-1);
        }
    }

    @Test
    void aVerifyAnswersOnlyOnceItsAuditRowIsCommitted() throws SQLException {
        for (int i = 0; i < 5; i++) {
            var vc = TrustFixtures.signKyc(TrustFixtures.newIssuer(), SecuringFormat.JOSE, TrustFixtures.now());
            VcApiTest.verify(vc).then().statusCode(422);
            assertThat(countRef("sha256:" + RequestBodies.sha256Hex(vc.asText()))).isEqualTo(1);
        }
    }

    private List<String> stored(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT subject_ref, hash, prev_hash FROM audit_log WHERE seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? List.of(rs.getString(1), rs.getString(2), rs.getString(3)) : List.of();
            }
        }
    }

    private long countRef(String ref) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM audit_log WHERE subject_ref = ?")) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
