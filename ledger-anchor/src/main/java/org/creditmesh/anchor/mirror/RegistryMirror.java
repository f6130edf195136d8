package org.creditmesh.anchor.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.creditmesh.anchor.batch.Backoff;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.chain.Proposal;
import org.creditmesh.anchor.outbox.OutboxError;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.core.error.CreditMeshException;
import org.jboss.logging.Logger;

/**
 * Makes the queued {@link RegistryChange}s on chain with this host's governance admin key: proposes each one (the
 * proposer's approval counts, so with a threshold of one it executes at once), or approves an identical proposal
 * another admin made first, then follows it until the registry has run it. Changes of one DID go strictly in order.
 * While the chain is unreachable changes stay queued and the worker backs off; the registry refusing a change for good
 * (a revert such as {@code unknown_issuer}) marks it failed.
 *
 * <p>Crash safety: before its first attempt a change records the registry's proposal count; after a crash between a
 * mined proposal and its record, the identical proposal at or after that count is found and adopted instead of
 * proposing again. (A proposal whose transaction was lost unmined is proposed again.)
 */
public final class RegistryMirror implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RegistryMirror.class);

    /** Refusals that retrying cannot cure: the change is marked failed. */
    private static final Set<AnchorError> PERMANENT = Set.of(AnchorError.TX_REVERTED, AnchorError.UNKNOWN_ISSUER,
            AnchorError.INVALID_GOVERNANCE_CHANGE, AnchorError.ONLY_BY_PROPOSAL, AnchorError.INVALID_ADDRESS);

    private final DataSource db;
    private final MirrorConfig config;
    private final Clock clock;
    private final Backoff backoff;
    private final Object wake = new Object();
    private ChainClient client;
    private IssuerRegistryClient registry;
    private volatile Thread worker;
    private volatile boolean running;
    private volatile CreditMeshException lastError;

    private RegistryMirror(DataSource db, MirrorConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.backoff = new Backoff(config.pollInterval(), config.maxBackoff());
    }

    /** A mirror on a database migrated by {@link org.creditmesh.anchor.outbox.OutboxDatabase} (which holds the queue). */
    public static RegistryMirror create(DataSource db, MirrorConfig config) {
        return new RegistryMirror(Objects.requireNonNull(db, "db"), Objects.requireNonNull(config, "config"), Clock.systemUTC());
    }

    /** Starts the background worker; an unreachable chain is not an error (changes wait in the queue). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("creditmesh-registry-mirror").start(this::loop);
    }

    /** Wakes the worker (after a host queued a change) instead of letting it sleep out its poll interval. */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Duration wait = config.pollInterval();
            try {
                tick();
                backoff.reset();
                lastError = null;
            } catch (AnchorException | OutboxException e) {
                lastError = e;
                wait = backoff.next();
                // codes and chain data only: a change's reference and DID hash are not logged
                LOG.warnf("Registry mirroring paused for %s: [%s] %s", wait, e.code().code(), e.getMessage());
            } catch (RuntimeException e) {
                wait = backoff.next();
                LOG.errorf("Registry mirroring paused for %s after an unexpected %s", wait, e.getClass().getName());
            }
            synchronized (wake) {
                if (!running) {
                    return;
                }
                try {
                    wake.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The last failure of the worker, cleared by the next successful tick (for health checks). */
    public Optional<CreditMeshException> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** One row of the queue. */
    private record Row(long id, String action, String calldata, Instant notBefore, ChangeState state, Long scanFrom, Long proposalId) {
    }

    /**
     * Moves every change that can move: the oldest unfinished change of each DID, once its time has come. Throws when
     * the chain or the database cannot be reached (the changes stay as they were).
     */
    public synchronized MirrorTick tick() throws AnchorException, OutboxException {
        List<Row> heads = heads();
        Instant now = clock.instant();
        int proposed = 0;
        int executed = 0;
        int failed = 0;
        int waiting = 0;
        for (Row row : heads) {
            if (row.notBefore().isAfter(now)) {
                waiting++;
                continue;
            }
            ChangeState after;
            try {
                after = step(connected(), row);
            } catch (AnchorException e) {
                if (PERMANENT.contains(e.error())) {
                    update(row.id(), "UPDATE registry_change SET state = 'FAILED', error_code = ?, attempts = attempts + 1, "
                            + "updated_at = now() WHERE id = ?", e.code().code());
                    LOG.warnf("Registry change %d (%s) refused by the registry: [%s]", row.id(), row.action(), e.code().code());
                    failed++;
                    continue;
                }
                // Every change that was due waits for the same reason: each one says so.
                long[] due = heads.stream().filter(r -> !r.notBefore().isAfter(now)).mapToLong(Row::id).toArray();
                waitingFor(due, e.code().code());
                if (e.error() == AnchorError.RPC_UNAVAILABLE || e.error() == AnchorError.CHAIN_ID_MISMATCH) {
                    disconnect(); // the next tick connects again and checks the chain id again
                }
                throw e;
            }
            switch (after) {
                case EXECUTED -> executed++;
                case PROPOSED -> {
                    if (row.state() == ChangeState.PENDING) {
                        proposed++;
                    } else {
                        waiting++;
                    }
                }
                default -> waiting++;
            }
        }
        return new MirrorTick(proposed, executed, failed, waiting);
    }

    private ChangeState step(IssuerRegistryClient registry, Row row) throws AnchorException, OutboxException {
        String me = config.signer().getAddress();
        if (row.state() == ChangeState.PROPOSED) {
            Proposal p = registry.proposal(row.proposalId());
            if (p.executed()) {
                record(row.id(), ChangeState.EXECUTED, p.id(), null);
                return ChangeState.EXECUTED;
            }
            return ChangeState.PROPOSED;
        }
        long count = registry.proposalCount();
        long scanFrom = row.scanFrom() != null ? row.scanFrom() : count;
        if (row.scanFrom() == null) {
            update(row.id(), "UPDATE registry_change SET scan_from = ?::bigint, updated_at = now() WHERE id = ?", Long.toString(count));
        }
        // Newest first: another admin's identical pending proposal is approved rather than duplicated, and after a
        // crash this change's own proposal (at or after scan_from) is adopted.
        long oldest = Math.max(0, Math.min(scanFrom, count - config.scanWindow()));
        for (long id = count - 1; id >= oldest; id--) {
            Proposal p = registry.proposal(id);
            if (!p.calldata().equalsIgnoreCase(row.calldata())) {
                continue;
            }
            if (p.executed()) {
                if (id >= scanFrom) {
                    record(row.id(), ChangeState.EXECUTED, id, null);
                    return ChangeState.EXECUTED;
                }
                continue; // an earlier, identical change: not this one
            }
            if (registry.hasApproved(id, me)) {
                record(row.id(), ChangeState.PROPOSED, id, null);
                return ChangeState.PROPOSED;
            }
            IssuerRegistryClient.Submitted s = registry.approve(id);
            ChangeState state = s.executed() ? ChangeState.EXECUTED : ChangeState.PROPOSED;
            record(row.id(), state, id, s.txHash());
            LOG.infof("Registry change %d (%s): approved proposal %d%s", row.id(), row.action(), id, s.executed() ? ", executed" : "");
            return state;
        }
        IssuerRegistryClient.Submitted s = registry.propose(new GovernanceAction(row.action(), row.calldata()));
        ChangeState state = s.executed() ? ChangeState.EXECUTED : ChangeState.PROPOSED;
        record(row.id(), state, s.proposalId(), s.txHash());
        LOG.infof("Registry change %d (%s): proposal %d%s", row.id(), row.action(), s.proposalId(),
                s.executed() ? " executed" : " waits for other admins");
        return state;
    }

    private IssuerRegistryClient connected() throws AnchorException {
        if (registry == null) {
            ChainClient c = ChainClient.connect(config.rpcUrl(), config.signer(), config.chain());
            try {
                IssuerRegistryClient r = IssuerRegistryClient.at(c, config.registry());
                if (!r.isAdmin(config.signer().getAddress())) {
                    throw new AnchorException(AnchorError.NOT_ADMIN, "the mirror's key " + config.signer().getAddress()
                            + " is not an admin of the IssuerRegistry " + r.address());
                }
                client = c;
                registry = r;
            } catch (AnchorException e) {
                c.close();
                throw e;
            }
        }
        return registry;
    }

    private void disconnect() {
        if (client != null) {
            client.close();
        }
        client = null;
        registry = null;
    }

    /** The oldest unfinished change of every DID, in queue order. */
    private List<Row> heads() throws OutboxException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT DISTINCT ON (did_hash) id, action, calldata, not_before, state, "
                     + "scan_from, proposal_id FROM registry_change WHERE state IN ('PENDING', 'PROPOSED') ORDER BY did_hash, id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                Long scanFrom = rs.getLong(6);
                if (rs.wasNull()) {
                    scanFrom = null;
                }
                Long proposalId = rs.getLong(7);
                if (rs.wasNull()) {
                    proposalId = null;
                }
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        ChangeState.valueOf(rs.getString(5)), scanFrom, proposalId));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        rows.sort(Comparator.comparingLong(Row::id));
        return rows;
    }

    private void record(long id, ChangeState state, long proposalId, String txHash) throws OutboxException {
        try (Connection c = db.getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE registry_change SET state = ?, proposal_id = ?, "
                     + "tx_hash = coalesce(?, tx_hash), error_code = NULL, attempts = attempts + 1, updated_at = ? WHERE id = ?")) {
            u.setString(1, state.name());
            u.setLong(2, proposalId);
            u.setString(3, txHash == null ? null : txHash.toLowerCase(java.util.Locale.ROOT));
            u.setTimestamp(4, Timestamp.from(clock.instant()));
            u.setLong(5, id);
            u.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void waitingFor(long[] ids, String code) throws OutboxException {
        try (Connection c = db.getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE registry_change SET error_code = ?, attempts = attempts + 1, "
                     + "updated_at = now() WHERE id = ANY (?)")) {
            u.setString(1, code);
            u.setArray(2, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
            u.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void update(long id, String sql, String value) throws OutboxException {
        try (Connection c = db.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setString(1, value);
            u.setLong(2, id);
            u.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static OutboxException unavailable(SQLException e) {
        // SQL state only: no statement parameters in the error
        return new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "registry change queue: database error " + e.getSQLState(), e);
    }

    /** Stops the worker (a tick in progress finishes first); queued changes stay queued. */
    public void stop() {
        Thread w;
        synchronized (this) {
            running = false;
            w = worker;
            worker = null;
        }
        if (w != null) {
            nudge();
            try {
                w.join(TimeUnit.MINUTES.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            disconnect();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
