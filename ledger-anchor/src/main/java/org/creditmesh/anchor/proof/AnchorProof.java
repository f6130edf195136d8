package org.creditmesh.anchor.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditmesh.anchor.chain.AnchoredBatch;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleException;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A self-contained proof that a 32-byte value was anchored: the Merkle path to its batch's root and
 * where that root was anchored. Schema: {@code ledger-anchor/PROOF-FORMAT.md}. Verify with
 * {@link ProofVerifier}.
 *
 * @param leaf the value that was submitted (a hash; never personal data)
 * @param path sibling nodes from the leaf up to the root
 * @param root the batch's Merkle root
 * @param leafCount leaves in the batch
 * @param chainId chain of the anchoring transaction
 * @param contract AnchorRegistry address, lower-case {@code 0x} hex
 * @param txHash anchoring transaction
 * @param blockNumber its block
 * @param blockHash that block's hash
 * @param logIndex index of the {@code Anchored} log in the block
 * @param anchoredAt the block's timestamp
 */
public record AnchorProof(
        Hash32 leaf,
        List<Hash32> path,
        Hash32 root,
        long leafCount,
        long chainId,
        String contract,
        Hash32 txHash,
        long blockNumber,
        Hash32 blockHash,
        long logIndex,
        Instant anchoredAt) {

    public static final String TYPE = "CreditMeshAnchorProof";
    public static final int VERSION = 1;
    /** OpenZeppelin StandardMerkleTree, one bytes32 per leaf: double keccak256 leaves, sorted pairs. */
    public static final String TREE = "oz-standard-merkle-tree/bytes32";
    /** A path longer than this cannot come from a tree that fits in memory (2^64 leaves). */
    public static final int MAX_PATH = 64;

    private static final Set<String> MEMBERS = Set.of("type", "version", "tree", "leaf", "path", "root", "leafCount",
            "chainId", "contract", "txHash", "blockNumber", "blockHash", "logIndex", "anchoredAt");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public AnchorProof {
        Objects.requireNonNull(leaf, "leaf");
        path = List.copyOf(path);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(contract, "contract");
        contract = contract.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(txHash, "txHash");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(anchoredAt, "anchoredAt");
    }

    /** The proof of the {@code index}-th value of {@code tree}, anchored as {@code batch}. */
    public static AnchorProof of(MerkleTree tree, int index, AnchoredBatch batch) throws MerkleException {
        if (!tree.root().equals(batch.root())) {
            throw new IllegalArgumentException("the batch anchored another root");
        }
        return new AnchorProof(tree.value(index), tree.proof(index), batch.root(), batch.leafCount(), batch.chainId(),
                batch.contract(), batch.txHash(), batch.blockNumber(), batch.blockHash(), batch.logIndex(),
                batch.anchoredAt());
    }

    /** Parses a proof document, strictly: every member required, no unknown member, exact types. */
    public static AnchorProof parse(String json) throws ProofException {
        ObjectNode o;
        try {
            o = Json.parseObject(json);
        } catch (MalformedJsonException e) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "not a JSON object: " + e.getMessage(), e);
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new ProofException(ProofError.MALFORMED_PROOF, "unknown member '" + name + "'");
            }
        }
        if (!TYPE.equals(text(o, "type"))) {
            throw new ProofException(ProofError.UNSUPPORTED_PROOF, "type must be " + TYPE);
        }
        if (number(o, "version") != VERSION) {
            throw new ProofException(ProofError.UNSUPPORTED_PROOF, "unsupported version " + o.get("version"));
        }
        if (!TREE.equals(text(o, "tree"))) {
            throw new ProofException(ProofError.UNSUPPORTED_PROOF, "unsupported tree " + o.get("tree"));
        }
        JsonNode pathNode = required(o, "path");
        if (!pathNode.isArray()) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "path must be an array");
        }
        if (pathNode.size() > MAX_PATH) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "path longer than " + MAX_PATH);
        }
        List<Hash32> path = new ArrayList<>(pathNode.size());
        for (JsonNode node : (ArrayNode) pathNode) {
            if (!node.isTextual()) {
                throw new ProofException(ProofError.MALFORMED_PROOF, "path entries must be hex strings");
            }
            path.add(hash(node.textValue(), "path"));
        }
        String contract = text(o, "contract");
        if (!ADDRESS.matcher(contract).matches()) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "contract must be 0x and 40 hex digits");
        }
        long leafCount = number(o, "leafCount");
        long chainId = number(o, "chainId");
        if (leafCount < 1 || chainId < 1) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "leafCount and chainId must be positive");
        }
        // In the tree's complete-binary-tree layout a leaf is at depth 1..ceil(log2(leafCount)); 0 for a single leaf.
        int maxDepth = 64 - Long.numberOfLeadingZeros(leafCount - 1);
        if (path.size() > maxDepth || (leafCount > 1 && path.isEmpty())) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "a path of " + path.size()
                    + " does not fit a tree of " + leafCount + " leaves");
        }
        Instant anchoredAt;
        try {
            anchoredAt = Instant.parse(text(o, "anchoredAt"));
        } catch (DateTimeParseException e) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "anchoredAt must be an RFC 3339 UTC time", e);
        }
        return new AnchorProof(hash(text(o, "leaf"), "leaf"), path, hash(text(o, "root"), "root"), leafCount, chainId,
                contract, hash(text(o, "txHash"), "txHash"), number(o, "blockNumber"),
                hash(text(o, "blockHash"), "blockHash"), number(o, "logIndex"), anchoredAt);
    }

    /** The document as JSON, members in the documented order. {@link #parse} reads it back equal. */
    public String toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", TYPE);
        o.put("version", VERSION);
        o.put("tree", TREE);
        o.put("leaf", leaf.toHex());
        ArrayNode p = o.putArray("path");
        path.forEach(h -> p.add(h.toHex()));
        o.put("root", root.toHex());
        o.put("leafCount", leafCount);
        o.put("chainId", chainId);
        o.put("contract", contract);
        o.put("txHash", txHash.toHex());
        o.put("blockNumber", blockNumber);
        o.put("blockHash", blockHash.toHex());
        o.put("logIndex", logIndex);
        o.put("anchoredAt", anchoredAt.toString());
        return Json.writePretty(o);
    }

    private static JsonNode required(ObjectNode o, String name) throws ProofException {
        JsonNode node = o.get(name);
        if (node == null || node.isNull()) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "missing member '" + name + "'");
        }
        return node;
    }

    private static String text(ObjectNode o, String name) throws ProofException {
        JsonNode node = required(o, name);
        if (!node.isTextual()) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "'" + name + "' must be a string");
        }
        return node.textValue();
    }

    private static long number(ObjectNode o, String name) throws ProofException {
        JsonNode node = required(o, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "'" + name + "' must be a non-negative integer");
        }
        return node.longValue();
    }

    private static Hash32 hash(String hex, String name) throws ProofException {
        try {
            return Hash32.parse(hex);
        } catch (MerkleException e) {
            throw new ProofException(ProofError.MALFORMED_PROOF, "'" + name + "' is not a 32-byte hex value", e);
        }
    }
}
