package org.creditmesh.scoring.server.anchoring;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.anchor.chain.AnchorException;
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
import org.creditmesh.anchor.service.AnchoringConfig;
import org.creditmesh.anchor.service.AnchoringService;
import org.creditmesh.scoring.server.registry.ModelRef;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Anchors registered models' fingerprints on the chain through ledger-anchor (issue 6), so that anyone holding a
 * score credential can check which model version scored it and that it was registered before. On when
 * {@code creditmesh.anchor.rpc-url} is set (keys of ledger-anchor's {@link AnchoringConfig}): the outbox tables live
 * in the scoring database (history table {@code anchor_schema_history}), so that a registration and its queued
 * fingerprint commit together; ledger-anchor's {@link AnchoringService} batches them on chain in the background.
 */
@ApplicationScoped
public class ModelAnchoring {

    private static final Logger LOG = Logger.getLogger(ModelAnchoring.class);
    private static final HexFormat HEX = HexFormat.of();
    /**
     * The keys {@link AnchoringConfig#fromProperties} reads. Looked up one by one: MicroProfile Config finds
     * {@code CREDITMESH_ANCHOR_SIGNER_KEY} in the environment for {@code creditmesh.anchor.signer-key}, but does not
     * list it under that name.
     */
    private static final List<String> KEYS = List.of("rpc-url", "chain-id", "registry", "signer-key", "fee-mode", "gas-price",
            "priority-fee", "confirmations", "batch.max-size", "batch.interval", "stuck-after", "fee-bump-percent",
            "poll-interval", "max-backoff");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Config config;

    private volatile AnchoringService service;

    void start(@Observes StartupEvent event) throws AnchorException, OutboxException {
        Map<String, String> properties = new HashMap<>();
        for (String key : KEYS) {
            String name = AnchoringConfig.PREFIX + key;
            config.getOptionalValue(name, String.class).ifPresent(v -> properties.put(name, v));
        }
        String rpc = properties.get(AnchoringConfig.PREFIX + "rpc-url");
        if (rpc == null || rpc.isBlank()) {
            LOG.info("Anchoring of model fingerprints is off (creditmesh.anchor.rpc-url is not set)");
            return;
        }
        AnchoringConfig anchoring = AnchoringConfig.fromProperties(properties);
        OutboxDatabase db = OutboxDatabase.of(dataSource);
        AnchoringService started = AnchoringService.create(db, anchoring);
        started.start();
        service = started;
        int queued = queueUnanchored();
        // The config's toString names node, chain and registry; the signer key never appears in it.
        LOG.infof("Anchoring model fingerprints: %s (%d registered model(s) queued that were not yet)", anchoring, queued);
    }

    void stop(@Observes ShutdownEvent event) {
        AnchoringService s = service;
        if (s != null) {
            service = null;
            s.stop();
        }
    }

    /** Whether fingerprints are anchored. */
    public boolean enabled() {
        return service != null;
    }

    /**
     * Queues a just-registered model's fingerprint on {@code c}, inside the registration's transaction; nothing when
     * anchoring is off.
     */
    public void queueIn(Connection c, ModelRef ref, String fingerprintHex) throws SQLException {
        if (enabled()) {
            Outbox.submitIn(c, submission(ref, fingerprintHex));
        }
    }

    /** The proof of a fingerprint, once its batch is confirmed. */
    public Optional<AnchorProof> proof(String fingerprintHex) throws OutboxException {
        return running().proofFor(hash(fingerprintHex));
    }

    /** Where a fingerprint is in the outbox; empty when it was never queued. */
    public Optional<AnchorStatus> status(String fingerprintHex) throws OutboxException {
        return running().status(hash(fingerprintHex));
    }

    private AnchoringService running() {
        AnchoringService s = service;
        if (s == null) {
            throw new IllegalStateException("anchoring is off");
        }
        return s;
    }

    /** Models registered while anchoring was off (or before it existed) are queued too; the outbox ignores repeats. */
    private int queueUnanchored() throws OutboxException {
        List<Submission> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select model_id, version, fingerprint from scoring_model");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                all.add(submission(new ModelRef(r.getString(1), r.getString(2)), r.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
        return all.isEmpty() ? 0 : (int) running().submitAll(all).stream().filter(SubmitResult::created).count();
    }

    private static Submission submission(ModelRef ref, String fingerprintHex) {
        return new Submission(hash(fingerprintHex), AnchorKind.MODEL, reference(ref, fingerprintHex));
    }

    /**
     * {@code id:version} when the outbox admits it (its references are 1-128 characters of A-Z a-z 0-9 . _ : / -),
     * else the fingerprint's prefix: a model's id and version are not personal data, but may hold other characters.
     */
    static AnchorRef reference(ModelRef ref, String fingerprintHex) {
        try {
            return new AnchorRef(ref.id() + ":" + ref.version());
        } catch (IllegalArgumentException e) {
            return new AnchorRef("model-sha256:" + fingerprintHex.substring(0, 32));
        }
    }

    /** The fingerprint is SHA-256 in hex: its 32 bytes are the leaf. */
    static Hash32 hash(String fingerprintHex) {
        return new Hash32(HEX.parseHex(fingerprintHex));
    }
}
