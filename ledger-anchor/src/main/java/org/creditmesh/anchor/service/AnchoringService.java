package org.creditmesh.anchor.service;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditmesh.anchor.batch.Backoff;
import org.creditmesh.anchor.batch.Batcher;
import org.creditmesh.anchor.batch.StageHook;
import org.creditmesh.anchor.batch.TickReport;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.outbox.AnchorStatus;
import org.creditmesh.anchor.outbox.Outbox;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.outbox.SubmitResult;
import org.creditmesh.anchor.outbox.Submission;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.core.error.CreditMeshException;
import org.jboss.logging.Logger;

/**
 * The anchoring service a host (identity service, scoring service) embeds: {@link #submit} puts a
 * hash in the durable outbox and returns once it is committed; a background thread runs the
 * {@link Batcher} (Merkle batches, one transaction each, confirmations, proofs) and backs off while
 * the chain or the database is unreachable; {@link #proofFor} returns a hash's proof once its batch
 * is confirmed, {@link #status} where it is until then.
 *
 * <pre>{@code
 * try (OutboxDatabase db = OutboxDatabase.embedded(dir);
 *      AnchoringService anchoring = AnchoringService.create(db, config)) {
 *     anchoring.start();
 *     anchoring.submit(hash, AnchorKind.STATUS_LIST, "status-list/7/v12");
 *     ...
 *     anchoring.proofFor(hash).map(AnchorProof::toJson);
 * }
 * }</pre>
 */
public final class AnchoringService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AnchoringService.class);

    private final AnchoringConfig config;
    private final Outbox outbox;
    private final Batcher batcher;
    private final Backoff backoff;
    private final Object wake = new Object();
    private volatile Thread worker;
    private volatile boolean running;
    private volatile CreditMeshException lastError;

    private AnchoringService(OutboxDatabase db, AnchoringConfig config, StageHook hook) {
        this.config = config;
        this.outbox = new Outbox(db.dataSource());
        this.batcher = new Batcher(db.dataSource(),
                () -> ChainClient.connect(config.rpcUrl(), config.signer(), config.chain()),
                config.registry(), config.batching(), hook);
        this.backoff = new Backoff(config.pollInterval(), config.maxBackoff());
    }

    /** A service on an opened (migrated) outbox database; the caller closes the database after the service. */
    public static AnchoringService create(OutboxDatabase db, AnchoringConfig config) {
        return new AnchoringService(Objects.requireNonNull(db, "db"), Objects.requireNonNull(config, "config"), StageHook.NONE);
    }

    /**
     * Starts the background batcher. The chain is checked first: a node on another chain, a signer
     * that is not an anchorer, or an outbox with unfinished batches for another chain or registry is
     * refused with a typed error; an unreachable node is not an error (hashes wait in the outbox and
     * the check runs when it answers).
     */
    public synchronized void start() throws AnchorException, OutboxException {
        if (running) {
            return;
        }
        try {
            batcher.connect();
        } catch (AnchorException e) {
            if (e.error() != AnchorError.RPC_UNAVAILABLE) {
                throw e;
            }
            lastError = e;
            LOG.warnf("Anchoring starts with the chain unreachable [%s]; hashes wait in the outbox", e.code().code());
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("creditmesh-anchor-batcher").start(this::loop);
    }

    private void loop() {
        while (running) {
            Duration wait = config.pollInterval();
            try {
                TickReport report = batcher.tick();
                backoff.reset();
                lastError = null;
                if (!report.standby() && !report.idle()) {
                    wait = Duration.ZERO; // more may be ready at once (next batch, confirmations)
                }
            } catch (AnchorException | OutboxException e) {
                lastError = e;
                wait = backoff.next();
                // code and message only: they name batches, transactions and nodes, never submitted references
                LOG.warnf("Anchoring paused for %s: [%s] %s", wait, e.code().code(), e.getMessage());
            } catch (RuntimeException e) {
                wait = backoff.next();
                LOG.errorf("Anchoring paused for %s after an unexpected %s", wait, e.getClass().getName());
            }
            if (!wait.isZero()) {
                synchronized (wake) {
                    try {
                        wake.wait(Math.max(1, wait.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Queues a hash for anchoring; durable once this returns. Same kind and hash again: the first entry. */
    public SubmitResult submit(Hash32 hash, AnchorKind kind, String ref) throws OutboxException {
        SubmitResult r = outbox.submit(new Submission(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(kind, "kind"),
                AnchorRef.of(ref)));
        nudge();
        return r;
    }

    /** Queues many hashes in one database transaction. */
    public List<SubmitResult> submitAll(Collection<Submission> submissions) throws OutboxException {
        List<SubmitResult> r = outbox.submitAll(submissions);
        nudge();
        return r;
    }

    /** The hash's proof once its batch is confirmed; empty while pending or never submitted. */
    public Optional<AnchorProof> proofFor(Hash32 hash) throws OutboxException {
        return outbox.proofFor(hash);
    }

    /** Where the hash is (queued, batched, sent, mined, confirmed); empty if never submitted. */
    public Optional<AnchorStatus> status(Hash32 hash) throws OutboxException {
        return outbox.status(hash);
    }

    /** The last failure of the background batcher, cleared by the next successful tick (for health checks). */
    public Optional<CreditMeshException> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The batcher, for a host that drives ticks itself instead of calling {@link #start()}. */
    public Batcher batcher() {
        return batcher;
    }

    private void nudge() {
        if (config.batching().maxBatchSize() <= 1 || config.batching().interval().isZero()) {
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    /** Stops the background batcher (a tick in progress finishes first); submitted hashes stay in the outbox. */
    public synchronized void stop() {
        running = false;
        Thread w = worker;
        worker = null;
        if (w != null) {
            synchronized (wake) {
                wake.notifyAll();
            }
            try {
                w.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        batcher.close();
    }

    @Override
    public void close() {
        stop();
    }
}
