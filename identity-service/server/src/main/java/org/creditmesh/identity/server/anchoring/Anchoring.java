package org.creditmesh.identity.server.anchoring;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.outbox.AnchorStatus;
import org.creditmesh.anchor.outbox.Outbox;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.outbox.Submission;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.service.AnchoringConfig;
import org.creditmesh.anchor.service.AnchoringService;
import org.creditmesh.core.error.CreditMeshException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Anchoring of what this service publishes: every status list version, every accreditation, audit-log checkpoints
 * and, when {@code creditmesh.anchor.credentials} is on, the hash of every issued credential. Hashes are queued in the
 * ledger-anchor outbox, whose tables live in this service's database, inside the same transaction as the change
 * they attest: a committed change always has its hash queued, and a rolled-back one never. Only SHA-256 hashes and
 * non-personal references reach the outbox, never a claim. Off unless {@code creditmesh.anchor.rpc-url} is set.
 */
@ApplicationScoped
public class Anchoring {

    private static final Logger LOG = Logger.getLogger(Anchoring.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Config config;

    @ConfigProperty(name = "creditmesh.anchor.credentials", defaultValue = "false")
    boolean anchorCredentials;

    @ConfigProperty(name = "creditmesh.anchor.audit-checkpoint-every", defaultValue = "100")
    int auditCheckpointEvery;

    /** The keys {@link AnchoringConfig#fromProperties} reads (the outbox lives in this service's own database). */
    private static final List<String> KEYS = List.of("rpc-url", "chain-id", "registry", "signer-key",
            "fee-mode", "gas-price", "priority-fee", "confirmations", "batch.max-size", "batch.interval", "stuck-after",
            "fee-bump-percent", "poll-interval", "max-backoff");

    private volatile AnchoringService service;
    private volatile OutboxDatabase outboxDatabase;

    /**
     * Before the other start-up observers (default priority), so that what they publish — the trust bootstrap's
     * accreditation — is queued in its own transaction like everything published later.
     */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        // Looked up by name rather than listed by prefix: values from environment variables
        // (CREDITMESH_ANCHOR_RPC_URL...) are found only under the dotted name they map to.
        Map<String, String> properties = new HashMap<>();
        for (String key : KEYS) {
            String name = AnchoringConfig.PREFIX + key;
            config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name, v));
        }
        String rpc = properties.get(AnchoringConfig.PREFIX + "rpc-url");
        if (rpc == null || rpc.isBlank()) {
            LOG.info("Anchoring is off (creditmesh.anchor.rpc-url is not set)");
            return;
        }
        if (auditCheckpointEvery < 1) {
            throw new IllegalStateException("creditmesh.anchor.audit-checkpoint-every must be at least 1");
        }
        try {
            AnchoringConfig anchoring = AnchoringConfig.fromProperties(properties);
            outboxDatabase = OutboxDatabase.of(dataSource);
            service = AnchoringService.create(outboxDatabase, anchoring);
            service.start();
            LOG.infof("Anchoring to registry %s on chain %d", anchoring.registry(), anchoring.chain().chainId());
            queuePublished();
        } catch (CreditMeshException e) {
            // A wrong chain, a signer that may not anchor, or a broken outbox: refuse to run rather than accept
            // changes whose hashes would never be anchored.
            throw new IllegalStateException("anchoring cannot start: [" + e.code().code() + "] " + e.getMessage(), e);
        }
    }

    /**
     * Queues what is published now — every accreditation credential and the current version of every status list —
     * so that documents published while anchoring was off (or before this service anchored at all) are anchored too.
     * The outbox keeps one entry per kind and hash, so at every later start this queues nothing new.
     */
    private void queuePublished() {
        int queued = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                queued += queueAll(c, "SELECT id, credential FROM accreditation", AnchorKind.ACCREDITATION, "accreditation:");
                queued += queueAll(c, "SELECT id, credential FROM status_list", AnchorKind.STATUS_LIST, "status-list:");
                queued += queueAll(c, "SELECT id, token FROM token_status_list", AnchorKind.STATUS_LIST, "token-status-list:");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while queueing published documents for anchoring", e);
        }
        if (queued > 0) {
            LOG.infof("Queued %d documents published before anchoring started", queued);
        }
    }

    private int queueAll(Connection c, String select, AnchorKind kind, String refPrefix) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(select); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        int created = 0;
        for (String[] row : rows) {
            try {
                if (Outbox.submitIn(c, new Submission(new Hash32(sha256(row[1])), kind, AnchorRef.of(refPrefix + row[0]))).created()) {
                    created++;
                }
            } catch (OutboxException e) {
                throw new IllegalArgumentException("not an anchor reference: " + e.getMessage(), e);
            }
        }
        return created;
    }

    void stop(@Observes ShutdownEvent event) {
        AnchoringService running = service;
        if (running != null) {
            running.stop();
        }
    }

    public boolean enabled() {
        return service != null;
    }

    public boolean anchorsCredentials() {
        return enabled() && anchorCredentials;
    }

    /** Whether the audit entry {@code seq} is a checkpoint whose hash is anchored. */
    public boolean isAuditCheckpoint(long seq) {
        return enabled() && seq % auditCheckpointEvery == 0;
    }

    /** Queues the SHA-256 of {@code published} (as published, UTF-8) in {@code c}'s transaction; a no-op when off. */
    public void queue(Connection c, AnchorKind kind, String published, String ref) throws SQLException {
        queueHash(c, kind, sha256(published), ref);
    }

    /** Queues a 32-byte hash in {@code c}'s transaction; a no-op when off. */
    public void queueHash(Connection c, AnchorKind kind, byte[] hash, String ref) throws SQLException {
        if (!enabled()) {
            return;
        }
        try {
            Outbox.submitIn(c, new Submission(new Hash32(hash), kind, AnchorRef.of(ref)));
        } catch (OutboxException e) {
            throw new IllegalArgumentException("not an anchor reference: " + e.getMessage(), e);
        }
    }

    /** The proof of an anchored hash, once its batch is confirmed. */
    public Optional<AnchorProof> proof(Hash32 hash) throws OutboxException {
        return enabled() ? service.proofFor(hash) : Optional.empty();
    }

    /** Where a submitted hash is; empty if it was never submitted (or anchoring is off). */
    public Optional<AnchorStatus> status(Hash32 hash) throws OutboxException {
        return enabled() ? service.status(hash) : Optional.empty();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
