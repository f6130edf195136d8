package org.creditmesh.anchor.testing;

import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.batch.Batcher;
import org.creditmesh.anchor.batch.BatcherConfig;
import org.creditmesh.anchor.batch.StageHook;
import org.creditmesh.anchor.batch.TickReport;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorKind;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.outbox.Outbox;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.outbox.Submission;
import org.web3j.crypto.Credentials;

/**
 * A fresh outbox database and a freshly deployed AnchorRegistry on a real anvil node, with one
 * anchorer account, for the batcher tests.
 */
public final class AnchorFixture implements AutoCloseable {

    public final AnvilNode node;
    public final OutboxDatabase db;
    public final Outbox outbox;
    public final String registry;
    public final Credentials signer;
    public final ChainSettings settings;
    private final List<Batcher> batchers = new ArrayList<>();

    private AnchorFixture(AnvilNode node, OutboxDatabase db, String registry, Credentials signer, ChainSettings settings) {
        this.node = node;
        this.db = db;
        this.outbox = new Outbox(db.dataSource());
        this.registry = registry;
        this.signer = signer;
        this.settings = settings;
    }

    /** Deploys a registry (admin: account 0) with account {@code signerIndex} as its anchorer. */
    public static AnchorFixture create(AnvilNode node, int signerIndex, ChainSettings settings) throws Exception {
        String registry;
        try (ChainClient admin = ChainClient.connect(node.rpcUrl(), node.account(0), settings)) {
            registry = AnchorRegistryClient.deploy(admin, admin.address(), List.of(node.account(signerIndex).getAddress())).address();
        }
        return new AnchorFixture(node, TestDatabases.fresh(), registry, node.account(signerIndex), settings);
    }

    public static AnchorFixture create(AnvilNode node, int signerIndex) throws Exception {
        return create(node, signerIndex, ChainSettings.anvil(node.chainId()));
    }

    /** A batcher on this outbox and chain; closed with the fixture. */
    public Batcher batcher(BatcherConfig config, StageHook hook) {
        Batcher b = new Batcher(db.dataSource(), () -> ChainClient.connect(node.rpcUrl(), signer, settings), registry, config, hook);
        batchers.add(b);
        return b;
    }

    public Batcher batcher(BatcherConfig config) {
        return batcher(config, StageHook.NONE);
    }

    /** Submits {@code count} deterministic hashes of {@code kind}. */
    public List<Hash32> submit(int count, long seed, AnchorKind kind) throws Exception {
        List<Hash32> hashes = TestHashes.of(count, seed);
        List<Submission> subs = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            subs.add(new Submission(hashes.get(i), kind, new AnchorRef(kind.code() + "/" + seed + "/" + i)));
        }
        outbox.submitAll(subs);
        return hashes;
    }

    /** The signer's mined nonce (transactions it has on chain). */
    public long minedNonce() throws Exception {
        try (ChainClient c = ChainClient.connect(node.rpcUrl(), signer, settings)) {
            return c.minedNonce();
        }
    }

    /**
     * Ticks until nothing is queued or unfinished, at most {@code maxTicks} times (anvil mines each
     * transaction at once, so this is a count of steps, not a wait).
     */
    public static int tickUntilSettled(Batcher b, Outbox outbox, int maxTicks) throws Exception {
        for (int i = 1; i <= maxTicks; i++) {
            TickReport r = b.tick();
            if (r.unfinished() == 0 && outbox.queued() == 0) {
                return i;
            }
        }
        throw new AssertionError("not settled after " + maxTicks + " ticks");
    }

    /**
     * Ticks until one batch is mined, at most {@code maxTicks} times: the tick that sends may find the receipt or
     * leave it to the next one (anvil mines on its own thread), so a test must not expect it from a single tick.
     * Returns the ticks' summed {@link TickReport#mined()} (1 unless more batches were in flight).
     */
    public static int tickUntilMined(Batcher b, int maxTicks) throws Exception {
        int mined = 0;
        for (int i = 0; i < maxTicks && mined == 0; i++) {
            mined += b.tick().mined();
        }
        return mined;
    }

    @Override
    public void close() {
        batchers.forEach(Batcher::close);
        db.close();
    }
}
