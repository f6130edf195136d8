package org.creditmesh.anchor.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
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
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.testing.TestHashes;

/**
 * End-to-end benchmark of the anchoring service on a real anvil node and the embedded PostgreSQL
 * (not a unit test; see the ledger-anchor README for the command): hashes per second from submit
 * to confirmed (proofs stored), gas per batch and per hash, proof size, and off-chain verify time,
 * for Merkle batches and, in the same run, for the one-hash-per-transaction baseline through the
 * very same outbox and batcher ({@code maxBatchSize = 1}).
 *
 * <p>Arguments: {@code --hashes N} (default 100000), {@code --batch N} (hashes per batch, default
 * 100000), {@code --baseline N} (hashes anchored one per transaction, default 200),
 * {@code --confirmations K} (default 1; anvil mines a block per transaction, so more confirmations
 * only add empty blocks mined by the benchmark).
 */
public final class AnchorBenchmark {

    // strong references: java.util.logging keeps loggers weakly
    private static final List<Logger> QUIET = new ArrayList<>();

    private AnchorBenchmark() {
    }

    record Run(String name, int hashes, int batches, double submitSeconds, double anchorSeconds, long gasTotal, long gasMax) {
        double totalSeconds() {
            return submitSeconds + anchorSeconds;
        }

        double hashesPerSecond() {
            return hashes / totalSeconds();
        }

        double gasPerHash() {
            return (double) gasTotal / hashes;
        }
    }

    public static void main(String[] args) throws Exception {
        int hashes = intArg(args, "--hashes", 100_000);
        int batch = intArg(args, "--batch", 100_000);
        int baseline = intArg(args, "--baseline", 200);
        int confirmations = intArg(args, "--confirmations", 1);
        for (String name : new String[] {"org.creditmesh", "org.flywaydb", "io.agroal"}) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.WARNING);
            QUIET.add(l);
        }
        Path root = Files.createTempDirectory("creditmesh-anchor-bench-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        System.out.printf("anchoring benchmark: %,d hashes in batches of %,d; baseline %,d hashes one per transaction; "
                + "%d confirmation(s); %d cores, Java %s%n", hashes, batch, baseline, confirmations,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (AnvilNode node = AnvilNode.builder().chainId(31337).start();
             OutboxDatabase db = OutboxDatabase.embedded(root.resolve("cluster"))) {
            System.out.println("anvil " + node.rpcUrl() + ", PostgreSQL (embedded) in " + root);
            Run batched = run("Merkle batches", node, db, 1, hashes, batch, confirmations, 1);
            ProofFigures proofs = proofFigures(db);
            // what a host does per credential: one submit() call, one committed transaction each
            Outbox outbox = new Outbox(db.dataSource());
            List<Hash32> one = TestHashes.of(1_000, 3);
            long s0 = System.nanoTime();
            for (int i = 0; i < one.size(); i++) {
                outbox.submit(new Submission(one.get(i), AnchorKind.MODEL, new AnchorRef("single/" + i)));
            }
            double singleSubmitsPerSecond = one.size() / ((System.nanoTime() - s0) / 1e9);
            Run single = run("one hash per transaction", node, db, 2, baseline, 1, confirmations, 2);

            System.out.println();
            System.out.println("| run | hashes | transactions | submit s | submit → confirmed s | hashes/s (submit → confirmed) | gas per tx (max) | gas per hash |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Run r : List.of(batched, single)) {
                System.out.printf("| %s | %,d | %,d | %.2f | %.2f | %,.0f | %,d | %.3f |%n", r.name(), r.hashes(), r.batches(),
                        r.submitSeconds(), r.totalSeconds(), r.hashesPerSecond(), r.gasMax(), r.gasPerHash());
            }
            System.out.printf("%nratio batched / one-per-tx: throughput × %,.0f, gas per hash ÷ %,.0f%n",
                    batched.hashesPerSecond() / single.hashesPerSecond(), single.gasPerHash() / batched.gasPerHash());
            System.out.printf("single submit() calls (one committed transaction each): %,.0f per second (1,000 calls)%n",
                    singleSubmitsPerSecond);
            System.out.printf("proof (batch of %,d leaves): %.1f path entries on average, JSON %,d bytes (min %,d, max %,d over %,d proofs)%n",
                    proofs.leafCount, proofs.pathLength, Math.round(proofs.avgBytes), proofs.minBytes, proofs.maxBytes, proofs.count);
            System.out.printf("off-chain verify: %.2f µs per proof (path only), %.2f µs with JSON parsing (%,d proofs, after warm-up)%n",
                    proofs.verifyMicros, proofs.parseVerifyMicros, proofs.count);
        } finally {
            try (var all = Files.walk(root)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Run run(String name, AnvilNode node, OutboxDatabase db, int signerIndex, int hashes, int batchSize,
            int confirmations, long seed) throws Exception {
        String registry;
        ChainSettings settings = ChainSettings.anvil(node.chainId());
        try (ChainClient admin = ChainClient.connect(node.rpcUrl(), node.account(0), settings)) {
            registry = AnchorRegistryClient.deploy(admin, admin.address(), List.of(node.account(signerIndex).getAddress())).address();
        }
        // each run has its own outbox tables' rows: clear what the previous run left
        try (Connection c = db.dataSource().getConnection(); var s = c.createStatement()) {
            s.execute("TRUNCATE anchor_entry, anchor_leaf, anchor_tx, anchor_batch, anchor_target RESTART IDENTITY CASCADE");
        }
        Outbox outbox = new Outbox(db.dataSource());
        List<Hash32> values = TestHashes.of(hashes, seed);
        BatcherConfig config = BatcherConfig.defaults().withMaxBatchSize(batchSize).withInterval(Duration.ZERO)
                .withConfirmations(confirmations).withStuckAfter(Duration.ofHours(1));
        // when the first batch reached each stage: where the submit → confirmed time goes
        java.util.Map<org.creditmesh.anchor.batch.Stage, Long> stages = new java.util.EnumMap<>(org.creditmesh.anchor.batch.Stage.class);
        StageHook timing = (stage, batchId) -> {
            if (batchId == 1) {
                stages.putIfAbsent(stage, System.nanoTime());
            }
        };
        try (Batcher batcher = new Batcher(db.dataSource(), () -> ChainClient.connect(node.rpcUrl(), node.account(signerIndex), settings),
                registry, config, timing)) {
            batcher.connect();
            long start = System.nanoTime();
            for (int from = 0; from < hashes; from += 5_000) {
                List<Submission> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(hashes, from + 5_000); i++) {
                    chunk.add(new Submission(values.get(i), AnchorKind.CREDENTIAL, new AnchorRef("bench/" + i)));
                }
                outbox.submitAll(chunk);
            }
            long submitted = System.nanoTime();
            int ticks = 0;
            while (true) {
                TickReport r = batcher.tick();
                ticks++;
                if (r.unfinished() == 0 && outbox.queued() == 0) {
                    break;
                }
                if (r.mined() > 0 && confirmations > 1) {
                    node.mine(confirmations - 1);
                }
                if (ticks > 10 * hashes + 100) {
                    throw new IllegalStateException("not settled");
                }
            }
            long done = System.nanoTime();
            if (batchSize > 1) {
                StringBuilder phases = new StringBuilder("first batch, seconds from the end of submission: ");
                stages.forEach((stage, t) -> phases.append(stage).append(' ').append(String.format("%.2f", (t - submitted) / 1e9)).append(", "));
                phases.append(String.format("all proofs stored %.2f", (done - submitted) / 1e9));
                System.out.println(phases);
            }
            if (outbox.proofFor(values.get(hashes - 1)).isEmpty()) {
                throw new IllegalStateException("no proof for the last hash");
            }
            long gasTotal = 0;
            long gasMax = 0;
            int batches = 0;
            try (Connection c = db.dataSource().getConnection();
                 PreparedStatement q = c.prepareStatement("SELECT gas_used FROM anchor_batch WHERE state = 'CONFIRMED'");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    gasTotal += rs.getLong(1);
                    gasMax = Math.max(gasMax, rs.getLong(1));
                    batches++;
                }
            }
            return new Run(name, hashes, batches, (submitted - start) / 1e9, (done - submitted) / 1e9, gasTotal, gasMax);
        }
    }

    record ProofFigures(int count, long leafCount, double pathLength, double avgBytes, int minBytes, int maxBytes,
            double verifyMicros, double parseVerifyMicros) {
    }

    /** The proofs the batched run stored in the outbox (a sample of up to 20,000): size and off-chain verify time. */
    private static ProofFigures proofFigures(OutboxDatabase db) throws Exception {
        List<String> json = new ArrayList<>();
        long leafCount = 0;
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT l.proof, b.leaf_count FROM anchor_leaf l JOIN anchor_batch b "
                     + "ON b.id = l.batch_id WHERE b.state = 'CONFIRMED' AND l.batch_id = (SELECT min(id) FROM anchor_batch) "
                     + "AND l.leaf_index % greatest(1, b.leaf_count / 20000) = 0 ORDER BY l.leaf_index LIMIT 20000")) {
            q.setFetchSize(1_000);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    json.add(rs.getString(1));
                    leafCount = rs.getLong(2);
                }
            }
        }
        List<AnchorProof> parsed = new ArrayList<>(json.size());
        long bytes = 0;
        long pathEntries = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String j : json) {
            int len = j.getBytes(StandardCharsets.UTF_8).length;
            bytes += len;
            min = Math.min(min, len);
            max = Math.max(max, len);
            AnchorProof p = AnchorProof.parse(j);
            pathEntries += p.path().size();
            parsed.add(p);
        }
        for (int round = 0; round < 5; round++) { // warm-up
            for (AnchorProof p : parsed) {
                ProofVerifier.verifyOffline(p);
            }
            for (String j : json) {
                ProofVerifier.verifyOffline(AnchorProof.parse(j));
            }
        }
        long t0 = System.nanoTime();
        for (AnchorProof p : parsed) {
            ProofVerifier.verifyOffline(p);
        }
        long t1 = System.nanoTime();
        for (String j : json) {
            ProofVerifier.verifyOffline(AnchorProof.parse(j));
        }
        long t2 = System.nanoTime();
        int n = json.size();
        return new ProofFigures(n, leafCount, (double) pathEntries / n, (double) bytes / n, min, max,
                (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
