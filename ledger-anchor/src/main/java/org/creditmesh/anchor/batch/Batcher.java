package org.creditmesh.anchor.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.chain.Broadcast;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.Fees;
import org.creditmesh.anchor.chain.SignedTransaction;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleException;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.outbox.OutboxError;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.proof.AnchorProof;
import org.jboss.logging.Logger;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Takes hashes from the outbox into Merkle batches and each batch through
 * {@code OPEN → BUILT → SENT → MINED → CONFIRMED}, one {@link #tick()} at a time. Every step is
 * recorded in PostgreSQL before the next one starts, and a transaction is recorded before it is
 * broadcast, so a batcher started on the same database after a crash at any point (see
 * {@link Stage}) finishes the work with every hash anchored exactly once:
 *
 * <ul>
 *   <li>OPEN: the tree is built from the claimed entries;</li>
 *   <li>BUILT: sent (nonce from the chain's pending count, or a nonce a reorged batch released);</li>
 *   <li>SENT: the recorded transactions are looked up, never blindly re-sent: a receipt makes the
 *       batch MINED; a transaction the node does not know is broadcast again byte for byte (same
 *       hash); one pending for longer than {@code stuckAfter} is replaced with the same nonce and fees
 *       raised by {@code feeBumpPercent} (not on a zero-gas-price chain, where there is nothing to
 *       out-bid); a nonce used by a transaction not its own fails the batch;</li>
 *   <li>MINED: confirmed once {@code confirmations} blocks include and follow its block, with the
 *       receipt still in the same block; a receipt that disappeared (reorganisation) makes it
 *       REORGED and queues its hashes again, a receipt in another block updates it.</li>
 * </ul>
 *
 * <p>One batcher per outbox: a PostgreSQL advisory lock, held on a connection of its own, makes any
 * other batcher on the same database stand by. Only one batch waits for its first receipt at a
 * time, so nonces are used in order.
 */
public final class Batcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Batcher.class);
    /** The advisory lock key: "anchor" in ASCII. */
    private static final long LOCK_KEY = 0x616e63686f72L;

    private final DataSource db;
    private final BatchStore store;
    private final ChainConnector connector;
    private final String registryAddress;
    private final BatcherConfig config;
    private final StageHook hook;

    private Connection lock;
    private ChainClient chain;
    private AnchorRegistryClient registry;
    private String signer;

    public Batcher(DataSource db, ChainConnector connector, String registryAddress, BatcherConfig config, StageHook hook) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = new BatchStore(db);
        this.connector = Objects.requireNonNull(connector, "connector");
        this.registryAddress = Objects.requireNonNull(registryAddress, "registryAddress");
        this.config = Objects.requireNonNull(config, "config");
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    public BatcherConfig config() {
        return config;
    }

    /**
     * Connects to the chain (checking chain id, that the signer is an anchorer, and that unfinished
     * batches were made for this chain and registry) if not connected. Typed errors:
     * {@code rpc_unavailable}, {@code chain_id_mismatch}, {@code not_anchorer},
     * {@code outbox_bound_to_other_chain}.
     */
    public synchronized void connect() throws AnchorException, OutboxException {
        if (chain != null) {
            return;
        }
        ChainClient client = connector.connect();
        try {
            AnchorRegistryClient reg = AnchorRegistryClient.at(client, registryAddress);
            String address = client.address();
            if (!reg.isAnchorer(address)) {
                throw new AnchorException(AnchorError.NOT_ANCHORER, "the signer " + address
                        + " is not an anchorer of the registry " + reg.address());
            }
            BatchStore.Target target = new BatchStore.Target(client.chainId(), reg.address(), address);
            Optional<BatchStore.Target> stored = store.target();
            if (stored.isPresent() && !stored.get().equals(target)) {
                if (!store.unfinished().isEmpty()) {
                    throw new OutboxException(OutboxError.OTHER_TARGET, "the outbox has unfinished batches for chain "
                            + stored.get().chainId() + ", registry " + stored.get().contract() + ", signer " + stored.get().anchorer()
                            + "; configured: chain " + target.chainId() + ", registry " + target.contract() + ", signer " + target.anchorer());
                }
                LOG.warnf("Anchoring target changed to chain %d, registry %s (no unfinished batches)", target.chainId(), target.contract());
            }
            if (stored.isEmpty() || !stored.get().equals(target)) {
                store.saveTarget(target);
            }
            chain = client;
            registry = reg;
            signer = address;
        } catch (SQLException e) {
            client.close();
            throw unavailable(e);
        } catch (AnchorException | OutboxException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * One pass: advances every unfinished batch as far as the chain allows without waiting, then
     * closes a new batch if {@code maxBatchSize} hashes are queued or the oldest has waited
     * {@code interval}, and advances it. A node that is unreachable drops the connection (the next
     * tick reconnects and checks the chain id again).
     */
    public synchronized TickReport tick() throws AnchorException, OutboxException {
        try {
            if (!holdLock()) {
                return TickReport.standbyReport();
            }
            connect();
            Counts n = new Counts();
            resolveReleasedNonces(n);
            for (BatchRecord b : store.unfinished()) {
                advance(b, n);
            }
            BatchStore.Queue queue = store.queue();
            if (queue.count() > 0 && (queue.count() >= config.maxBatchSize()
                    || !queue.oldest().plus(config.interval()).isAfter(config.clock().instant()))
                    && store.unfinished().stream().noneMatch(b -> b.state() == BatchState.OPEN || b.state() == BatchState.BUILT)) {
                Optional<Long> opened = store.open(config.maxBatchSize());
                if (opened.isPresent()) {
                    n.opened++;
                    hook.reached(Stage.OPENED, opened.get());
                    advance(store.batch(opened.get()).orElseThrow(), n);
                }
            }
            return new TickReport(false, n.opened, n.sent, n.replaced, n.rebroadcast, n.mined, n.confirmed, n.reorged, n.failed,
                    store.unfinished().size());
        } catch (AnchorException e) {
            if (e.error() == AnchorError.RPC_UNAVAILABLE) {
                disconnect();
            }
            throw e;
        } catch (SQLException e) {
            releaseLockQuietly();
            throw unavailable(e);
        }
    }

    private static final class Counts {
        int opened;
        int sent;
        int replaced;
        int rebroadcast;
        int mined;
        int confirmed;
        int reorged;
        int failed;
    }

    private void advance(BatchRecord b, Counts n) throws AnchorException, OutboxException, SQLException {
        BatchRecord current = b;
        while (true) {
            BatchState before = current.state();
            switch (current.state()) {
                case OPEN -> build(current);
                case BUILT -> {
                    if (!maySend(current)) {
                        return;
                    }
                    send(current, n);
                }
                case SENT -> track(current, n);
                case MINED -> confirm(current, n);
                default -> {
                    return;
                }
            }
            current = store.batch(current.id()).orElseThrow();
            if (current.state() == before) {
                return; // waiting for the chain
            }
        }
    }

    /**
     * A reorged batch's transaction can come back (some pool kept it) before the nonce it released is
     * reused: if that nonce is used on chain by one of its transactions, the batch is mined after all
     * and takes its hashes back from the queue and from unsent batches.
     */
    private void resolveReleasedNonces(Counts n) throws AnchorException, SQLException {
        List<Long> candidates = store.reorgedWithUsedNonce(chain.minedNonce());
        for (long id : candidates) {
            BatchRecord reorged = store.batch(id).orElseThrow();
            boolean back = false;
            for (BatchStore.TxRecord tx : store.txs(id)) {
                Optional<TransactionReceipt> r = chain.receipt(tx.tx().hash().toHex());
                if (r.isPresent() && r.get().isStatusOK()) {
                    store.resurrect(id, registry.anchoredBatch(r.get(), reorged.root(), reorged.leafCount(), reorged.meta()), -1);
                    LOG.warnf("Batch %d: its reorged transaction %s was mined after all, in block %s; its hashes are taken back",
                            id, tx.tx().hash(), r.get().getBlockNumber());
                    n.mined++;
                    back = true;
                    break;
                }
            }
            if (!back) {
                store.clearReleased(id);
            }
        }
    }

    private void build(BatchRecord b) throws OutboxException, SQLException {
        List<Hash32> leaves = store.claimedHashes(b.id());
        if (leaves.isEmpty()) {
            store.markFailed(b.id(), "empty_batch");
            return;
        }
        try {
            MerkleTree tree = MerkleTree.of(leaves);
            store.build(b.id(), leaves, tree.root(), meta(b.id()));
        } catch (MerkleException e) {
            throw new OutboxException(OutboxError.CORRUPT_RECORD, "batch " + b.id() + ": " + e.getMessage(), e);
        }
        LOG.debugf("Batch %d built: %d hashes", b.id(), leaves.size());
        hook.reached(Stage.BUILT, b.id());
    }

    /** The {@code meta} word anchored with a batch's root: which CreditMesh outbox batch it is. */
    static Hash32 meta(long batchId) {
        return Hash32.keccakOfUtf8("creditmesh/anchor-batch/" + batchId);
    }

    /** A first transaction goes out when no batch waits for its first receipt, or into a nonce a reorged batch released. */
    private boolean maySend(BatchRecord b) throws AnchorException, SQLException {
        boolean waiting = store.unfinished().stream().anyMatch(o -> o.state() == BatchState.SENT && o.id() != b.id());
        return !waiting || store.releasedNonce(chain.minedNonce()).isPresent();
    }

    private void send(BatchRecord b, Counts n) throws AnchorException, SQLException {
        String data = AnchorRegistryClient.anchorCalldata(b.root(), b.leafCount(), b.meta());
        java.math.BigInteger gas;
        try {
            gas = chain.estimateGas(registry.address(), data, "anchor batch " + b.id());
        } catch (AnchorException e) {
            if (e.error() == AnchorError.ROOT_ALREADY_ANCHORED || e.error() == AnchorError.INVALID_BATCH) {
                int released = store.markFailed(b.id(), e.code().code());
                LOG.errorf("Batch %d refused before sending (%s); %d hashes queued again", b.id(), e.code().code(), released);
                n.failed++;
                return;
            }
            throw e;
        }
        long mined = chain.minedNonce();
        Optional<Long> released = store.releasedNonce(mined);
        Fees fees = chain.currentFees();
        long nonce;
        if (released.isPresent()) {
            nonce = released.get();
            Optional<BatchStore.TxRecord> previous = store.lastTxWithNonce(nonce);
            if (previous.isPresent() && !previous.get().tx().fees().free()) {
                // the reorged transaction may still sit in some pool: out-bid it so this one replaces it there
                fees = previous.get().tx().fees().bumped(config.feeBumpPercent(), fees);
            }
        } else {
            nonce = Math.max(chain.pendingNonce(), store.highestNonceInFlight().map(x -> x + 1).orElse(0L));
        }
        SignedTransaction tx = chain.sign(nonce, gas, registry.address(), data, fees);
        store.recordTx(b.id(), tx, config.clock().instant());
        hook.reached(Stage.SIGNED, b.id());
        Broadcast outcome = chain.broadcast(tx, "anchor batch " + b.id());
        LOG.infof("Batch %d sent: %d hashes, transaction %s, nonce %d (%s)", b.id(), b.leafCount(), tx.hash(), nonce, outcome);
        n.sent++;
        hook.reached(Stage.BROADCAST, b.id());
    }

    private void track(BatchRecord b, Counts n) throws AnchorException, OutboxException, SQLException {
        List<BatchStore.TxRecord> txs = store.txs(b.id());
        if (foundReceipt(b, txs, n)) {
            return;
        }
        if (chain.minedNonce() > b.nonce()) {
            // The nonce is used on chain. Mined between the two lookups? Then the receipt is there now.
            if (foundReceipt(b, txs, n)) {
                return;
            }
            for (BatchStore.TxRecord old : store.reorgedTxsWithNonce(b.nonce())) {
                Optional<TransactionReceipt> r = chain.receipt(old.tx().hash().toHex());
                if (r.isPresent() && r.get().isStatusOK()) {
                    BatchRecord reorged = store.batch(old.batchId()).orElseThrow();
                    AnchoredBatch at = registry.anchoredBatch(r.get(), reorged.root(), reorged.leafCount(), reorged.meta());
                    store.resurrect(reorged.id(), at, b.id());
                    LOG.warnf("Batch %d: its nonce %d went to the transaction of reorged batch %d, mined after all; "
                            + "batch %d is mined again, batch %d failed and its other hashes are queued again",
                            b.id(), b.nonce(), reorged.id(), reorged.id(), b.id());
                    n.mined++;
                    n.failed++;
                    return;
                }
            }
            int released = store.markFailed(b.id(), "nonce_taken");
            LOG.errorf("Batch %d: nonce %d was used by a transaction that is not one of its own (is the signer key used "
                    + "elsewhere?); %d hashes queued again", b.id(), b.nonce(), released);
            n.failed++;
            return;
        }
        BatchStore.TxRecord latest = txs.get(txs.size() - 1);
        String action = "anchor batch " + b.id();
        Duration pending = Duration.between(latest.signedAt(), config.clock().instant());
        boolean stuck = pending.compareTo(config.stuckAfter()) >= 0 && !latest.tx().fees().free();
        if (!chain.isKnown(latest.tx().hash().toHex())) {
            // Crashed before the broadcast, or the node lost it (restart, reorg) or refused it: the same bytes, the same hash.
            Broadcast outcome;
            try {
                outcome = chain.broadcast(latest.tx(), action);
            } catch (AnchorException e) {
                if (e.error() != AnchorError.FEE_TOO_LOW && e.error() != AnchorError.FEE_CAP_EXCEEDED) {
                    throw e; // typed, the batch stays SENT with its hashes; the service backs off
                }
                reprice(b, latest, e, n);
                return;
            }
            switch (outcome) {
                case ACCEPTED, ALREADY_KNOWN -> {
                    LOG.infof("Batch %d: transaction %s unknown to the node, broadcast again (%s)", b.id(), latest.tx().hash(), outcome);
                    n.rebroadcast++;
                    return;
                }
                case NONCE_USED -> {
                    // mined meanwhile: the next tick finds the receipt, or fails the batch if the nonce went elsewhere
                    LOG.debugf("Batch %d: nonce %d was used while broadcasting %s again", b.id(), b.nonce(), latest.tx().hash());
                    return;
                }
                case UNDERPRICED -> {
                    // an earlier transaction of this nonce is pending (a replacement the node refused): not progress;
                    // once this one waited stuckAfter, the next replacement bids above it
                    if (!stuck) {
                        LOG.debugf("Batch %d: %s refused as underpriced; another transaction with nonce %d is pending",
                                (Object) b.id(), latest.tx().hash(), b.nonce());
                        return;
                    }
                }
            }
        }
        if (stuck) {
            Fees fees = latest.tx().fees().bumped(config.feeBumpPercent(), chain.currentFees());
            String data = AnchorRegistryClient.anchorCalldata(b.root(), b.leafCount(), b.meta());
            SignedTransaction replacement = chain.sign(b.nonce(), latest.tx().gasLimit(), registry.address(), data, fees);
            store.recordTx(b.id(), replacement, config.clock().instant());
            hook.reached(Stage.SIGNED, b.id());
            Broadcast outcome = chain.broadcast(replacement, action);
            LOG.infof("Batch %d: transaction %s pending for %s, replaced by %s with nonce %d and fees %s (%s)", b.id(),
                    latest.tx().hash(), pending, replacement.hash(), b.nonce(), fees.maxFeePerGas(), outcome);
            n.replaced++;
            hook.reached(Stage.BROADCAST, b.id());
        }
    }

    /**
     * The node refused a recorded transaction for its fees (below its minimum gas price or base fee,
     * above its fee cap): the same bytes would be refused forever, so the nonce is signed again with
     * the fees configured now, once they differ (the operator fixed {@code gas-price}/{@code fee-mode}).
     * Same nonce, so at most one of the batch's transactions can be mined.
     */
    private void reprice(BatchRecord b, BatchStore.TxRecord refused, AnchorException why, Counts n)
            throws AnchorException, SQLException {
        Fees now = chain.currentFees();
        if (now.equals(refused.tx().fees())) {
            throw why;
        }
        String data = AnchorRegistryClient.anchorCalldata(b.root(), b.leafCount(), b.meta());
        SignedTransaction repriced = chain.sign(b.nonce(), refused.tx().gasLimit(), registry.address(), data, now);
        store.recordTx(b.id(), repriced, config.clock().instant());
        hook.reached(Stage.SIGNED, b.id());
        LOG.warnf("Batch %d: the node refused %s (%s); signed again as %s with nonce %d and fees %s", b.id(), refused.tx().hash(),
                why.code().code(), repriced.hash(), b.nonce(), now.maxFeePerGas());
        n.replaced++;
        Broadcast outcome = chain.broadcast(repriced, "anchor batch " + b.id());
        LOG.infof("Batch %d: %s broadcast (%s)", b.id(), repriced.hash(), outcome);
        hook.reached(Stage.BROADCAST, b.id());
    }

    private boolean foundReceipt(BatchRecord b, List<BatchStore.TxRecord> txs, Counts n)
            throws AnchorException, SQLException {
        for (BatchStore.TxRecord tx : txs) {
            Optional<TransactionReceipt> receipt = chain.receipt(tx.tx().hash().toHex());
            if (receipt.isPresent()) {
                hook.reached(Stage.RECEIPT_SEEN, b.id());
                recordReceipt(b, receipt.get(), n);
                return true;
            }
        }
        return false;
    }

    private void recordReceipt(BatchRecord b, TransactionReceipt receipt, Counts n) throws AnchorException, SQLException {
        if (!receipt.isStatusOK()) {
            AnchorException why = chain.revertReason(signer, registry.address(),
                    AnchorRegistryClient.anchorCalldata(b.root(), b.leafCount(), b.meta()), receipt, "anchor batch " + b.id());
            int released = store.markFailed(b.id(), why.code().code());
            LOG.errorf("Batch %d: transaction %s reverted (%s); %d hashes queued again", b.id(), receipt.getTransactionHash(),
                    why.code().code(), released);
            n.failed++;
            return;
        }
        AnchoredBatch at = registry.anchoredBatch(receipt, b.root(), b.leafCount(), b.meta());
        store.markMined(b.id(), at);
        LOG.infof("Batch %d mined in block %d (%d gas)", b.id(), at.blockNumber(), at.gasUsed());
        n.mined++;
        hook.reached(Stage.MINED, b.id());
    }

    private void confirm(BatchRecord b, Counts n) throws AnchorException, OutboxException, SQLException {
        Optional<TransactionReceipt> receipt = chain.receipt(b.txHash().toHex());
        if (receipt.isEmpty()) {
            // A replacement of the same nonce may be the one in the canonical chain now.
            for (BatchStore.TxRecord tx : store.txs(b.id())) {
                Optional<TransactionReceipt> other = chain.receipt(tx.tx().hash().toHex());
                if (other.isPresent()) {
                    recordReceipt(b, other.get(), n);
                    return;
                }
            }
            int released = store.markReorged(b.id());
            LOG.warnf("Batch %d: block %d left the canonical chain with its transaction; %d hashes queued again, nonce %d released",
                    b.id(), b.blockNumber(), released, b.nonce());
            n.reorged++;
            return;
        }
        if (!receipt.get().getBlockHash().equalsIgnoreCase(b.blockHash().toHex())) {
            LOG.warnf("Batch %d: block %d was replaced; its transaction is now in block %s", b.id(), b.blockNumber(),
                    receipt.get().getBlockNumber());
            recordReceipt(b, receipt.get(), n);
            return;
        }
        if (chain.blockNumber() < b.blockNumber() + config.confirmations() - 1) {
            return;
        }
        hook.reached(Stage.CONFIRMATIONS_REACHED, b.id());
        List<Hash32> leaves = store.leaves(b.id());
        List<String> proofs = new ArrayList<>(leaves.size());
        try {
            MerkleTree tree = MerkleTree.of(leaves);
            if (!tree.root().equals(b.root())) {
                throw new OutboxException(OutboxError.CORRUPT_RECORD, "batch " + b.id() + ": the stored leaves do not give the stored root");
            }
            AnchoredBatch at = new AnchoredBatch(b.root(), b.leafCount(), b.meta(), chain.chainId(), registry.address(), signer,
                    b.txHash(), b.blockNumber(), b.blockHash(), b.logIndex(), b.anchoredAt(), b.gasUsed());
            for (int i = 0; i < leaves.size(); i++) {
                proofs.add(AnchorProof.of(tree, i, at).toJson());
            }
        } catch (MerkleException e) {
            throw new OutboxException(OutboxError.CORRUPT_RECORD, "batch " + b.id() + ": " + e.getMessage(), e);
        }
        store.confirm(b.id(), proofs);
        LOG.infof("Batch %d confirmed: %d hashes anchored in block %d", b.id(), leaves.size(), b.blockNumber());
        n.confirmed++;
    }

    private boolean holdLock() throws SQLException {
        if (lock != null) {
            if (lock.isValid(5)) {
                return true;
            }
            releaseLockQuietly();
        }
        Connection c = db.getConnection();
        try (PreparedStatement q = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            c.setAutoCommit(true);
            q.setLong(1, LOCK_KEY);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    lock = c;
                    return true;
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.close();
        return false;
    }

    private void releaseLockQuietly() {
        if (lock == null) {
            return;
        }
        try (Connection c = lock) {
            // a pooled connection outlives close(): unlock explicitly (a killed process's session ends and unlocks)
            try (PreparedStatement u = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                u.setLong(1, LOCK_KEY);
                u.execute();
            }
        } catch (SQLException e) {
            LOG.debugf("advisory unlock failed (%s); the session's end releases it", e.getSQLState());
        }
        lock = null;
    }

    private void disconnect() {
        if (chain != null) {
            chain.close();
        }
        chain = null;
        registry = null;
        signer = null;
    }

    private static OutboxException unavailable(SQLException e) {
        return new OutboxException(OutboxError.OUTBOX_UNAVAILABLE, "batcher: database error " + e.getSQLState(), e);
    }

    /** Releases the batcher lock and the chain connection. */
    @Override
    public synchronized void close() {
        releaseLockQuietly();
        disconnect();
    }
}
