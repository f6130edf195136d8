package org.creditmesh.anchor.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The AnchorRegistry contract through web3j's ABI encoder (the calls are few and fixed, so no
 * generated wrapper; {@code AbiConformanceTest} checks every signature used here against the ABI
 * the build compiled).
 */
public final class AnchorRegistryClient {

    /** {@code Anchored(bytes32 indexed root, uint256 leafCount, bytes32 meta, address indexed anchorer)}. */
    public static final Event ANCHORED = new Event("Anchored", List.of(
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Uint256>() { },
            new TypeReference<Bytes32>() { },
            new TypeReference<Address>(true) { }));

    /** keccak256 of the {@code Anchored} event signature: topic 0 of its logs. */
    public static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED);

    private final ChainClient chain;
    private final String address;

    private AnchorRegistryClient(ChainClient chain, String address) {
        this.chain = chain;
        this.address = address.toLowerCase(Locale.ROOT);
    }

    /** Deploys a new registry with {@code admin} and the given anchorers. */
    public static AnchorRegistryClient deploy(ChainClient chain, String admin, List<String> anchorers)
            throws AnchorException {
        String args = FunctionEncoder.encodeConstructor(List.of(
                Addresses.abi(admin),
                new DynamicArray<>(Address.class, Addresses.abi(anchorers))));
        return new AnchorRegistryClient(chain, chain.deploy(ContractArtifact.anchorRegistry(), args));
    }

    /** The registry at {@code address}. */
    public static AnchorRegistryClient at(ChainClient chain, String address) throws AnchorException {
        return new AnchorRegistryClient(Objects.requireNonNull(chain), Addresses.require(address));
    }

    public String address() {
        return address;
    }

    public ChainClient chain() {
        return chain;
    }

    /** Anchors the root of {@code tree} in one transaction. */
    public AnchoredBatch anchor(MerkleTree tree, Hash32 meta) throws AnchorException {
        return anchor(tree.root(), tree.size(), meta);
    }

    /**
     * Sends {@code anchor(root, leafCount, meta)} as one transaction and returns where it landed once
     * confirmed. Refusals come back typed: {@code not_anchorer}, {@code root_already_anchored},
     * {@code invalid_batch}.
     */
    public AnchoredBatch anchor(Hash32 root, long leafCount, Hash32 meta) throws AnchorException {
        TransactionReceipt receipt = chain.transact(address, anchorCalldata(root, leafCount, meta), "anchor");
        return anchoredBatch(receipt, root, leafCount, meta);
    }

    /** The call data of {@code anchor(root, leafCount, meta)}, for callers that sign and send it themselves. */
    public static String anchorCalldata(Hash32 root, long leafCount, Hash32 meta) {
        return Abi.encode(new Function("anchor", List.of(Abi.bytes32(root), new Uint256(leafCount), Abi.bytes32(meta)),
                List.of()));
    }

    /**
     * Where a successful {@code anchor} transaction landed, read from its receipt (the {@code Anchored}
     * log of this registry for {@code root}) and its block's timestamp.
     */
    public AnchoredBatch anchoredBatch(TransactionReceipt receipt, Hash32 root, long leafCount, Hash32 meta)
            throws AnchorException {
        Log log = receipt.getLogs().stream()
                .filter(l -> address.equalsIgnoreCase(l.getAddress()))
                .filter(l -> l.getTopics().size() == 3 && ANCHORED_TOPIC.equalsIgnoreCase(l.getTopics().get(0))
                        && root.toHex().equalsIgnoreCase(l.getTopics().get(1)))
                .findFirst()
                .orElseThrow(() -> new AnchorException(AnchorError.RPC_INVALID_RESPONSE,
                        "anchor receipt has no Anchored log for the root"));
        long blockNumber = receipt.getBlockNumber().longValueExact();
        Instant at = Instant.ofEpochSecond(chain.block(blockNumber).getTimestamp().longValueExact());
        try {
            return new AnchoredBatch(root, leafCount, meta, chain.chainId(), address,
                    Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(log.getTopics().get(2)), 40),
                    Hash32.parse(receipt.getTransactionHash()), blockNumber, Hash32.parse(receipt.getBlockHash()),
                    log.getLogIndex().longValueExact(), at, receipt.getGasUsed().longValueExact());
        } catch (org.creditmesh.anchor.merkle.MerkleException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "anchor receipt has a malformed hash", e);
        }
    }

    /** The stored record of a root, empty if never anchored. */
    public Optional<AnchorRecord> anchorOf(Hash32 root) throws AnchorException {
        Function f = new Function("anchorOf", List.of(Abi.bytes32(root)), List.of(
                new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }, new TypeReference<Address>() { }));
        @SuppressWarnings("rawtypes")
        List<Type> out = Abi.decode(chain.call(address, Abi.encode(f)), f);
        long block = Abi.uint(out.get(0)).longValueExact();
        if (block == 0) {
            return Optional.empty();
        }
        return Optional.of(new AnchorRecord(block, Instant.ofEpochSecond(Abi.uint(out.get(1)).longValueExact()),
                out.get(2).toString()));
    }

    /** The contract's {@code verify(root, leaf, proof)} view, one {@code eth_call}. */
    public boolean verify(Hash32 root, Hash32 leaf, List<Hash32> proof) throws AnchorException {
        Function f = verifyFunction(root, leaf, proof);
        return decodeBool(chain.call(address, Abi.encode(f)), f);
    }

    /**
     * The contract's {@code verify} for many leaves of one root, sent as JSON-RPC batches of
     * {@code batchSize} calls; returns one result per leaf, in order.
     */
    public List<Boolean> verifyAll(Hash32 root, List<Hash32> leaves, List<List<Hash32>> proofs, int batchSize)
            throws AnchorException {
        if (leaves.size() != proofs.size()) {
            throw new IllegalArgumentException("one proof per leaf");
        }
        List<String> calls = new ArrayList<>(leaves.size());
        Function shape = null;
        for (int i = 0; i < leaves.size(); i++) {
            shape = verifyFunction(root, leaves.get(i), proofs.get(i));
            calls.add(Abi.encode(shape));
        }
        List<Boolean> results = new ArrayList<>(leaves.size());
        for (String hex : chain.callAll(address, calls, batchSize)) {
            results.add(decodeBool(hex, shape));
        }
        return results;
    }

    public boolean isAnchorer(String account) throws AnchorException {
        Function f = new Function("isAnchorer", List.of(Addresses.abi(account)), List.of(new TypeReference<Bool>() { }));
        return decodeBool(chain.call(address, Abi.encode(f)), f);
    }

    /** Authorises or removes an anchorer; only the registry's admin may. */
    public void setAnchorer(String account, boolean authorised) throws AnchorException {
        Function f = new Function("setAnchorer", List.of(Addresses.abi(account), new Bool(authorised)), List.of());
        chain.transact(address, Abi.encode(f), "setAnchorer");
    }

    private static Function verifyFunction(Hash32 root, Hash32 leaf, List<Hash32> proof) {
        return new Function("verify", List.of(Abi.bytes32(root), Abi.bytes32(leaf),
                new DynamicArray<>(Bytes32.class, proof.stream().map(Abi::bytes32).toList())),
                List.of(new TypeReference<Bool>() { }));
    }

    private static boolean decodeBool(String hex, Function f) throws AnchorException {
        return (Boolean) Abi.decode(hex, f).get(0).getValue();
    }
}
