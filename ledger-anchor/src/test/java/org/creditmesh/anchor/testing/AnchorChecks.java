package org.creditmesh.anchor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.creditmesh.anchor.chain.AnchorRegistryClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorState;
import org.creditmesh.anchor.outbox.Outbox;
import org.creditmesh.anchor.proof.AnchorProof;
import org.creditmesh.anchor.proof.ProofVerifier;
import org.creditmesh.anchor.proof.TrustedRegistry;
import org.creditmesh.anchor.proof.VerifiedAnchor;
import org.creditmesh.core.json.Json;

/** What "every hash anchored exactly once" means, checked against the outbox and the chain. */
public final class AnchorChecks {

    private AnchorChecks() {
    }

    /** Roots of the {@code Anchored} logs the registry emitted on the node's canonical chain. */
    public static List<Hash32> anchoredRoots(AnvilNode node, String registry) throws Exception {
        String body = node.rpc("eth_getLogs", "[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\"" + registry
                + "\",\"topics\":[\"" + AnchorRegistryClient.ANCHORED_TOPIC + "\"]}]");
        List<Hash32> roots = new ArrayList<>();
        for (JsonNode log : Json.parse(body).get("result")) {
            roots.add(Hash32.parse(log.get("topics").get(1).textValue()));
        }
        return roots;
    }

    /** Batch id → state, for every batch of the outbox. */
    public static Map<Long, String> batchStates(DataSource db) throws Exception {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT id, state FROM anchor_batch ORDER BY id");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Every hash has a proof that verifies off and on chain; every hash is a leaf of exactly one
     * CONFIRMED batch; the registry has exactly one {@code Anchored} log per CONFIRMED batch, for its
     * root; no batch is unfinished; and the signer sent exactly one mined transaction per CONFIRMED
     * batch (plus {@code otherMinedTxs}).
     */
    public static void assertAnchoredExactlyOnce(DataSource db, AnvilNode node, String registry, List<Hash32> hashes,
            long signerNonceBefore, long signerNonceAfter, int otherMinedTxs) throws Exception {
        Outbox outbox = new Outbox(db);
        TrustedRegistry trusted = new TrustedRegistry(node.chainId(), registry);
        for (Hash32 h : hashes) {
            AnchorProof proof = outbox.proofFor(h).orElseThrow(() -> new AssertionError("no proof for " + h));
            assertThat(outbox.status(h)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(AnchorState.CONFIRMED));
            ProofVerifier.verifyOffline(proof);
            VerifiedAnchor verified = ProofVerifier.verifyOnline(AnchorProof.parse(proof.toJson()), trusted, node.rpcUrl());
            assertThat(verified.leaf()).isEqualTo(h);
        }
        Set<Hash32> confirmedRoots = new HashSet<>();
        Map<Hash32, Integer> confirmedLeafCount = new HashMap<>();
        int unfinished = 0;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT root FROM anchor_batch WHERE state = 'CONFIRMED'");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    confirmedRoots.add(new Hash32(rs.getBytes(1)));
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT l.hash FROM anchor_leaf l JOIN anchor_batch b ON b.id = l.batch_id "
                    + "WHERE b.state = 'CONFIRMED'");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    confirmedLeafCount.merge(new Hash32(rs.getBytes(1)), 1, Integer::sum);
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM anchor_batch WHERE state IN ('OPEN','BUILT','SENT','MINED')");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                unfinished = rs.getInt(1);
            }
        }
        assertThat(unfinished).as("unfinished batches").isZero();
        for (Hash32 h : hashes) {
            assertThat(confirmedLeafCount.get(h)).as("confirmed batches holding " + h).isEqualTo(1);
        }
        List<Hash32> onChain = anchoredRoots(node, registry);
        assertThat(onChain).as("one Anchored log per confirmed batch").hasSize(confirmedRoots.size());
        assertThat(new HashSet<>(onChain)).isEqualTo(confirmedRoots);
        assertThat(signerNonceAfter - signerNonceBefore).as("mined transactions of the signer")
                .isEqualTo(confirmedRoots.size() + otherMinedTxs);
    }
}
