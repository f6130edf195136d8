package org.creditmesh.anchor.chain;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * One signer on one chain over JSON-RPC (anvil locally, Besu in production): checks the chain id,
 * sends signed transactions (EIP-1559 or legacy, see {@link ChainSettings}), waits for the receipt
 * and the confirmations, and turns contract reverts into typed {@link AnchorException}s.
 *
 * <p>Transactions from one client are sent one at a time (nonce from the node's pending count);
 * replacement of stuck transactions belongs to the batcher.
 */
public final class ChainClient implements AutoCloseable {

    private static final BigInteger DEFAULT_PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

    private final HttpService service;
    private final Web3j web3j;
    private final Credentials signer;
    private final ChainSettings settings;

    private ChainClient(HttpService service, Credentials signer, ChainSettings settings) {
        this.service = service;
        this.web3j = Web3j.build(service);
        this.signer = signer;
        this.settings = settings;
    }

    /**
     * Connects and checks that the node's chain id is {@code settings.chainId()}.
     *
     * @param signer the key that signs transactions; {@code null} for a read-only client
     */
    public static ChainClient connect(URI rpcUrl, Credentials signer, ChainSettings settings) throws AnchorException {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(settings, "settings");
        ChainClient client = new ChainClient(new HttpService(rpcUrl.toString()), signer, settings);
        try {
            long actual = client.nodeChainId();
            if (actual != settings.chainId()) {
                throw new AnchorException(AnchorError.CHAIN_ID_MISMATCH,
                        "node reports chain id " + actual + ", configured " + settings.chainId());
            }
            return client;
        } catch (AnchorException e) {
            client.close();
            throw e;
        }
    }

    public ChainSettings settings() {
        return settings;
    }

    public long chainId() {
        return settings.chainId();
    }

    /** The signer's address ({@code 0x} + 40 lower-case hex digits). */
    public String address() throws AnchorException {
        return requireSigner().getAddress();
    }

    /** The node's {@code eth_chainId}. */
    public long nodeChainId() throws AnchorException {
        var response = rpc(web3j.ethChainId(), "eth_chainId");
        return decoded(() -> response.getChainId().longValueExact(), "eth_chainId");
    }

    /** True when a contract is deployed at {@code address} ({@code eth_getCode} at the latest block is not empty). */
    public boolean hasCode(String address) throws AnchorException {
        String checkedAddress = Addresses.require(address);
        var response = rpc(web3j.ethGetCode(checkedAddress, DefaultBlockParameterName.LATEST), "eth_getCode");
        String code = decoded(() -> Objects.requireNonNull(response.getCode()), "eth_getCode");
        return !code.isEmpty() && !code.equals("0x");
    }

    public long blockNumber() throws AnchorException {
        var response = rpc(web3j.ethBlockNumber(), "eth_blockNumber");
        return decoded(() -> response.getBlockNumber().longValueExact(), "eth_blockNumber");
    }

    public EthBlock.Block block(long number) throws AnchorException {
        EthBlock.Block block = checked(rpcAllowingError(web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false), "eth_getBlockByNumber"), "eth_getBlockByNumber")
                .getBlock();
        if (block == null) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "block " + number + " not found");
        }
        decoded(() -> block.getNumber().add(block.getTimestamp()).signum() + block.getHash().length(), "eth_getBlockByNumber");
        return block;
    }

    public Optional<TransactionReceipt> receipt(String txHash) throws AnchorException {
        Optional<TransactionReceipt> receipt = checked(rpcAllowingError(web3j.ethGetTransactionReceipt(txHash),
                "eth_getTransactionReceipt"), "eth_getTransactionReceipt").getTransactionReceipt();
        if (receipt.isPresent()) {
            validate(receipt.get());
        }
        return receipt;
    }

    /** {@code eth_call} against the latest block; a revert becomes its typed error. Returns the hex result. */
    public String call(String to, String data) throws AnchorException {
        EthCall response = rpcAllowingError(web3j.ethCall(Transaction.createEthCallTransaction(callerAddress(), to, data),
                DefaultBlockParameterName.LATEST), "eth_call");
        if (response.hasError() || response.isReverted()) {
            throw revertOf(response.getError(), response.getRevertReason(), "call");
        }
        return response.getValue();
    }

    /**
     * Many {@code eth_call}s to one contract in JSON-RPC batches of {@code batchSize} (one HTTP request
     * each); returns the hex results in order.
     */
    public List<String> callAll(String to, List<String> datas, int batchSize) throws AnchorException {
        List<String> results = new ArrayList<>(datas.size());
        String from = callerAddress();
        for (int start = 0; start < datas.size(); start += batchSize) {
            BatchRequest batch = new BatchRequest(service);
            for (String data : datas.subList(start, Math.min(datas.size(), start + batchSize))) {
                batch.add(web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), DefaultBlockParameterName.LATEST));
            }
            BatchResponse response = send(batch);
            if (response.getResponses().size() != batch.getRequests().size()) {
                throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "batch answered "
                        + response.getResponses().size() + " of " + batch.getRequests().size() + " calls");
            }
            for (Response<?> r : response.getResponses()) {
                if (!(r instanceof EthCall call)) {
                    throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "unexpected batch response type");
                }
                if (call.hasError() || call.isReverted()) {
                    throw revertOf(call.getError(), call.getRevertReason(), "call");
                }
                results.add(call.getValue());
            }
        }
        return results;
    }

    /** Deploys a contract; returns its address once the deployment has its confirmations. */
    public String deploy(ContractArtifact artifact, String encodedConstructorArgs) throws AnchorException {
        String data = "0x" + artifact.bytecode() + Numeric.cleanHexPrefix(encodedConstructorArgs);
        TransactionReceipt receipt = transact(null, data, "deploy " + artifact.name());
        String address = receipt.getContractAddress();
        if (address == null) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "deployment receipt has no contract address");
        }
        return address;
    }

    /**
     * Sends one transaction to {@code to} ({@code null} creates a contract) and returns its receipt
     * once it has {@link ChainSettings#confirmations()} confirmations and is still in the canonical
     * chain. A revert, found by gas estimation before sending or in the receipt, becomes its typed
     * error.
     */
    public synchronized TransactionReceipt transact(String to, String data, String action) throws AnchorException {
        String from = requireSigner().getAddress();
        BigInteger gasLimit = estimateGas(to, data, action);
        SignedTransaction tx = sign(pendingNonce(), gasLimit, to, data, currentFees());
        Broadcast outcome = broadcast(tx, action);
        if (outcome == Broadcast.NONCE_USED) {
            throw new AnchorException(AnchorError.NONCE_TOO_LOW, action + ": nonce " + tx.nonce() + " is used already");
        }
        if (outcome == Broadcast.UNDERPRICED) {
            throw new AnchorException(AnchorError.REPLACEMENT_UNDERPRICED, action + ": another transaction with nonce "
                    + tx.nonce() + " is pending");
        }
        String txHash = tx.hash().toHex();
        TransactionReceipt receipt = awaitReceipt(txHash, action);
        if (!receipt.isStatusOK()) {
            throw revertReason(from, to, data, receipt, action);
        }
        return awaitConfirmations(receipt, action);
    }

    /**
     * Why a mined transaction reverted: it is replayed on the state after the receipt's block to learn
     * the custom error (a revert caused by an earlier transaction of the same block, such as another
     * anchorer's identical root, shows there).
     */
    public AnchorException revertReason(String from, String to, String data, TransactionReceipt receipt, String action)
            throws AnchorException {
        // Besu started with --revert-reason-enabled puts the revert bytes into the receipt itself
        Optional<AnchorException> recorded = Reverts.fromRevertData(receipt.getRevertReason(), action);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        EthCall replay = rpcAllowingError(web3j.ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameter.valueOf(receipt.getBlockNumber())), "eth_call");
        if (replay.hasError() || replay.isReverted()) {
            AnchorException why = revertOf(replay.getError(), replay.getRevertReason(), action);
            if (why.error() == AnchorError.TX_REVERTED || Reverts.ERRORS.containsValue(why.error())) {
                return why;
            }
        }
        // the receipt says it reverted; a replay that cannot tell why (state pruned, node busy) changes nothing
        return new AnchorException(AnchorError.TX_REVERTED, action + " reverted in transaction " + receipt.getTransactionHash());
    }

    /**
     * The gas limit for a transaction from the signer: the node's estimate plus a margin. A revert
     * found by the estimate becomes its typed error.
     */
    public BigInteger estimateGas(String to, String data, String action) throws AnchorException {
        String from = requireSigner().getAddress();
        Transaction estimateTx = to == null
                ? Transaction.createContractTransaction(from, null, null, data)
                : Transaction.createEthCallTransaction(from, to, data);
        var estimate = rpcAllowingError(web3j.ethEstimateGas(estimateTx), "eth_estimateGas");
        if (estimate.hasError()) {
            throw revertOf(estimate.getError(), null, action);
        }
        return decoded(estimate::getAmountUsed, "eth_estimateGas").multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5))
                .add(BigInteger.valueOf(10_000));
    }

    /** The signer's next nonce counting the node's pending transactions. */
    public long pendingNonce() throws AnchorException {
        return nonce(DefaultBlockParameterName.PENDING);
    }

    /** The signer's next nonce counting mined transactions only: every lower nonce is used on chain. */
    public long minedNonce() throws AnchorException {
        return nonce(DefaultBlockParameterName.LATEST);
    }

    private long nonce(DefaultBlockParameterName at) throws AnchorException {
        var count = rpc(web3j.ethGetTransactionCount(requireSigner().getAddress(), at), "eth_getTransactionCount");
        return decoded(() -> count.getTransactionCount().longValueExact(), "eth_getTransactionCount");
    }

    /** Signs a transaction (no network); the chain id is the configured one. */
    public SignedTransaction sign(long nonce, BigInteger gasLimit, String to, String data, Fees fees) throws AnchorException {
        Credentials credentials = requireSigner();
        String target = to == null ? "" : to;
        RawTransaction raw = fees.mode() == FeeMode.LEGACY
                ? RawTransaction.createTransaction(BigInteger.valueOf(nonce), fees.maxFeePerGas(), gasLimit, target, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(settings.chainId(), BigInteger.valueOf(nonce), gasLimit, target, BigInteger.ZERO,
                        data, fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        byte[] signed = TransactionEncoder.signMessage(raw, settings.chainId(), credentials);
        try {
            return new SignedTransaction(new org.creditmesh.anchor.merkle.Hash32(Hash.sha3(signed)), Numeric.toHexString(signed),
                    nonce, gasLimit, fees);
        } catch (IllegalArgumentException e) {
            throw new AnchorException(AnchorError.TX_REJECTED, "cannot sign: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a signed transaction. The replies the batcher acts on come back as a {@link Broadcast};
     * every other refusal is thrown with its typed code ({@link NodeReplies} recognises Besu by code
     * and message, anvil and geth by message), an unrecognised one as {@code tx_rejected}. A success
     * must name this transaction's hash (Besu can be run to answer the zero hash for a refusal).
     */
    public Broadcast broadcast(SignedTransaction tx, String action) throws AnchorException {
        var sent = rpcAllowingError(web3j.ethSendRawTransaction(tx.raw()), "eth_sendRawTransaction");
        if (!sent.hasError()) {
            String hash = sent.getTransactionHash();
            if (hash == null) {
                throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "eth_sendRawTransaction returned no result");
            }
            if (!hash.equalsIgnoreCase(tx.hash().toHex())) {
                throw new AnchorException(AnchorError.TX_REJECTED, action + ": the node answered transaction hash " + hash
                        + " for " + tx.hash().toHex());
            }
            return Broadcast.ACCEPTED;
        }
        Response.Error error = sent.getError();
        NodeReply reply = NodeReplies.classify(error.getCode(), error.getMessage());
        switch (reply) {
            case ALREADY_KNOWN -> {
                return Broadcast.ALREADY_KNOWN;
            }
            case NONCE_TOO_LOW -> {
                return Broadcast.NONCE_USED;
            }
            case REPLACEMENT_UNDERPRICED -> {
                return Broadcast.UNDERPRICED;
            }
            case REVERTED -> throw revertOf(error, null, action);
            default -> throw refusal(reply, error, action);
        }
    }

    /** Whether the node knows the transaction, pending or mined ({@code eth_getTransactionByHash}). */
    public boolean isKnown(String txHash) throws AnchorException {
        var response = checked(rpcAllowingError(web3j.ethGetTransactionByHash(txHash), "eth_getTransactionByHash"),
                "eth_getTransactionByHash");
        return response.getResult() != null;
    }

    /** The fees a new transaction offers now, as {@link ChainSettings} asks (fixed or from the node). */
    public Fees currentFees() throws AnchorException {
        FeeMode mode = settings.feeMode();
        BigInteger baseFee = null;
        if (mode != FeeMode.LEGACY) {
            EthBlock.Block latest = rpc(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false),
                    "eth_getBlockByNumber").getBlock();
            if (latest == null) {
                throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "no latest block");
            }
            baseFee = decoded(() -> latest.getBaseFeePerGasRaw() == null ? null : latest.getBaseFeePerGas(),
                    "eth_getBlockByNumber");
            if (baseFee == null && mode == FeeMode.AUTO) {
                mode = FeeMode.LEGACY;
            }
        }
        if (mode == FeeMode.LEGACY) {
            BigInteger gasPrice = settings.gasPrice();
            if (gasPrice == null) {
                var price = rpc(web3j.ethGasPrice(), "eth_gasPrice");
                gasPrice = decoded(price::getGasPrice, "eth_gasPrice");
            }
            return Fees.legacy(gasPrice);
        }
        BigInteger tip = settings.maxPriorityFeePerGas();
        if (tip == null) {
            var suggested = rpcAllowingError(web3j.ethMaxPriorityFeePerGas(), "eth_maxPriorityFeePerGas");
            tip = suggested.hasError() ? DEFAULT_PRIORITY_FEE
                    : decoded(suggested::getMaxPriorityFeePerGas, "eth_maxPriorityFeePerGas");
        }
        BigInteger base = baseFee == null ? BigInteger.ZERO : baseFee;
        return Fees.eip1559(base.shiftLeft(1).add(tip), tip);
    }

    private TransactionReceipt awaitReceipt(String txHash, String action) throws AnchorException {
        long deadline = System.nanoTime() + settings.receiptTimeout().toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AnchorException(AnchorError.TX_TIMEOUT, action + ": no receipt for " + txHash + " within "
                        + settings.receiptTimeout());
            }
            pause();
        }
    }

    private TransactionReceipt awaitConfirmations(TransactionReceipt receipt, String action) throws AnchorException {
        long target = receipt.getBlockNumber().longValueExact() + settings.confirmations() - 1;
        long deadline = System.nanoTime() + settings.receiptTimeout().toNanos();
        while (blockNumber() < target) {
            if (System.nanoTime() > deadline) {
                throw new AnchorException(AnchorError.TX_TIMEOUT, action + ": " + settings.confirmations()
                        + " confirmations not reached within " + settings.receiptTimeout());
            }
            pause();
        }
        if (settings.confirmations() == 1) {
            return receipt;
        }
        Optional<TransactionReceipt> again = receipt(receipt.getTransactionHash());
        if (again.isEmpty() || !again.get().getBlockHash().equalsIgnoreCase(receipt.getBlockHash())) {
            throw new AnchorException(AnchorError.REORGED, action + ": block " + receipt.getBlockNumber()
                    + " left the canonical chain while waiting for confirmations");
        }
        return again.get();
    }

    private void pause() throws AnchorException {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnchorException(AnchorError.TX_TIMEOUT, "interrupted while waiting for the chain", e);
        }
    }

    private String callerAddress() {
        return signer == null ? null : signer.getAddress();
    }

    private Credentials requireSigner() throws AnchorException {
        if (signer == null) {
            throw new AnchorException(AnchorError.NO_SIGNER, "read-only client: no signer configured");
        }
        return signer;
    }

    /**
     * The typed error for a JSON-RPC error of gas estimation, {@code eth_call} or sending: a revert
     * becomes its contract error (from the error's data: anvil, geth and Besu all put the revert
     * bytes there; anvil also writes them into the message), a recognised refusal its code, anything
     * else {@code tx_rejected}.
     */
    private static AnchorException revertOf(Response.Error error, String revertReason, String action) {
        if (error == null) {
            return new AnchorException(AnchorError.TX_REVERTED, action + " reverted"
                    + (revertReason == null ? "" : ": " + revertReason));
        }
        NodeReply reply = NodeReplies.classify(error.getCode(), error.getMessage());
        if (reply == NodeReply.REVERTED || reply == NodeReply.UNRECOGNISED) {
            Optional<AnchorException> typed = Reverts.fromRevertData(error.getData(), action);
            if (reply == NodeReply.REVERTED) {
                typed = typed.or(() -> Reverts.fromRevertData(error.getMessage(), action));
            }
            if (typed.isPresent()) {
                return typed.get();
            }
            if (reply == NodeReply.REVERTED) {
                return new AnchorException(AnchorError.TX_REVERTED, action + " reverted: " + error.getMessage());
            }
        }
        return refusal(reply, error, action);
    }

    private static AnchorException refusal(NodeReply reply, Response.Error error, String action) {
        AnchorError code = reply.error() == null ? AnchorError.TX_REJECTED : reply.error();
        return new AnchorException(code, action + ": node refused (" + error.getCode() + " " + error.getMessage() + ")");
    }

    /** Reads a value web3j decodes lazily (hex quantities), turning a malformed one into a typed error. */
    private static <T> T decoded(java.util.function.Supplier<T> value, String method) throws AnchorException {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + ": malformed value in the answer", e);
        }
    }

    /** Decodes every receipt field callers read, so that they never meet a decoding exception. */
    private static void validate(TransactionReceipt r) throws AnchorException {
        decoded(() -> {
            Objects.requireNonNull(r.getTransactionHash());
            Objects.requireNonNull(r.getBlockHash());
            r.getBlockNumber().longValueExact();
            r.getGasUsed().longValueExact();
            // every node after Byzantium answers a status; web3j would read a missing one as success
            Objects.requireNonNull(r.getStatus());
            r.isStatusOK();
            for (var log : r.getLogs()) {
                Objects.requireNonNull(log.getAddress());
                log.getLogIndex().longValueExact();
                log.getTopics().forEach(Objects::requireNonNull);
                Objects.requireNonNull(log.getData());
            }
            return r;
        }, "eth_getTransactionReceipt");
    }

    /** Requires an answer without a JSON-RPC error (a {@code null} result is allowed). */
    private static <T extends Response<?>> T checked(T response, String method) throws AnchorException {
        if (response.hasError()) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE,
                    method + " failed: " + response.getError().getCode() + " " + response.getError().getMessage());
        }
        return response;
    }

    /** Sends a request and requires a result without a JSON-RPC error. */
    private static <T extends Response<?>> T rpc(Request<?, T> request, String method) throws AnchorException {
        T response = rpcAllowingError(request, method);
        if (response.hasError()) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE,
                    method + " failed: " + response.getError().getCode() + " " + response.getError().getMessage());
        }
        if (response.getResult() == null) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + " returned no result");
        }
        return response;
    }

    /** Sends a request; transport failures and unparseable answers become typed errors, JSON-RPC errors are returned. */
    private static <T extends Response<?>> T rpcAllowingError(Request<?, T> request, String method) throws AnchorException {
        try {
            T response = request.send();
            if (response == null) {
                throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + ": empty answer");
            }
            return response;
        } catch (JacksonException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + ": the node's answer is not JSON-RPC", e);
        } catch (IOException | ClientConnectionException e) {
            throw new AnchorException(AnchorError.RPC_UNAVAILABLE, method + ": node unreachable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, method + ": unexpected answer: " + e.getMessage(), e);
        }
    }

    private static BatchResponse send(BatchRequest batch) throws AnchorException {
        try {
            return batch.send();
        } catch (JacksonException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "batch: the node's answer is not JSON-RPC", e);
        } catch (IOException | ClientConnectionException e) {
            throw new AnchorException(AnchorError.RPC_UNAVAILABLE, "batch: node unreachable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AnchorException(AnchorError.RPC_INVALID_RESPONSE, "batch: unexpected answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
