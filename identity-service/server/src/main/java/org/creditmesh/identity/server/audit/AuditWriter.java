package org.creditmesh.identity.server.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit for audit rows that have no transaction of their own to join — the verification events: every verify
 * is audited, and a transaction per verify (each taking the chain's advisory lock and an fsync at commit) was the
 * service's bottleneck. Callers hand their record to {@link #append} and wait for the returned future; one writer
 * thread takes whatever has queued up (at most {@code creditmesh.audit.max-batch}) and appends it in queue order in
 * one transaction through {@link AuditLog#appendAll} (same lock, same chain, interleaving correctly with appends
 * made inside other transactions). Durability contract, unchanged from a transaction per verify: a future completes
 * only after the commit that made its row durable, and a verify answers only after that; if the commit fails, every
 * future of the batch fails and the batch's rows are all absent (one transaction), so nothing is reported as audited
 * that was not, and queue order is chain order.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "creditmesh.audit.max-batch", defaultValue = "256")
    int maxBatch;

    private record Pending(AuditLog.Record record, CompletableFuture<AuditLog.Entry> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean stopping;

    /** Queues {@code record}; the future completes with its row once committed, or fails if the commit did. */
    public CompletableFuture<AuditLog.Entry> append(AuditLog.Record record) {
        CompletableFuture<AuditLog.Entry> done = new CompletableFuture<>();
        start();
        queue.add(new Pending(record, done));
        if (stopping) {
            // Raced with shutdown: the writer may have drained already; fail rather than leave the caller waiting.
            drainAndFail(new IllegalStateException("the service is stopping"));
        }
        return done;
    }

    private synchronized void start() {
        if (writer == null && !stopping) {
            writer = Thread.ofPlatform().name("creditmesh-audit-writer").daemon(true).start(this::run);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!stopping) {
                    LOG.warn("the audit writer was interrupted; it goes on");
                }
                Thread.interrupted();
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<AuditLog.Record> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            records.add(p.record());
        }
        List<AuditLog.Entry> entries;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                entries = audit.appendAll(c, records);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            IllegalStateException failure = new IllegalStateException("the audit log could not be written", e);
            for (Pending p : batch) {
                p.done().completeExceptionally(failure);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(entries.get(i));
        }
    }

    private void drainAndFail(RuntimeException failure) {
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(failure));
    }

    /** Writes what is queued, then stops (requests still arriving fail rather than wait forever). */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread w;
        synchronized (this) {
            stopping = true;
            w = writer;
        }
        if (w != null) {
            w.join(TimeUnit.SECONDS.toMillis(10));
        }
        drainAndFail(new IllegalStateException("the service is stopping"));
    }
}
