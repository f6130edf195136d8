package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.creditmesh.anchor.testing.ScriptedRpc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Hyperledger Besu's own replies, byte for byte, through the client over a real HTTP round trip
 * (web3j parses them as it parses a live node's). Each reply is derived from Besu's source
 * (github.com/hyperledger/besu, read at tag 24.12.2, the version k8s/ deploys, and at 26.x):
 * codes and messages from {@code ethereum/api/src/main/java/org/hyperledger/besu/ethereum/api/jsonrpc/internal/response/RpcErrorType.java},
 * which {@code TransactionInvalidReason} maps to which in {@code JsonRpcErrorConverter.java},
 * {@code eth_sendRawTransaction} answering with the bare enum message in
 * {@code internal/methods/EthSendRawTransaction.java}, the error JSON shape ({@code jsonrpc},
 * {@code id}, {@code error}; {@code data} only when set) in {@code JsonRpcErrorResponse.java} and
 * {@code JsonRpcError.java}, reverts in {@code EthCall.java}/{@code AbstractEstimateGas.java}, and
 * receipts in {@code EthGetTransactionReceipt.java}/{@code results/TransactionReceiptResult.java}.
 */
class BesuRepliesTest {

    private static final long CHAIN_ID = 1337;
    private static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    /** A key made up for this test; it signs transactions that no chain ever sees. */
    private static final Credentials SIGNER = Credentials.create("0x" + "4c".repeat(32));
    /** {@code NotAnchorer(address)} revert data, as the AnchorRegistry reverts for a stranger. */
    private static final String NOT_ANCHORER = Reverts.selector("NotAnchorer(address)") + "0".repeat(24) + "ab".repeat(20);
    /** {@code Error(string)} revert data for {@code require(false, "boom")}. */
    private static final String ERROR_BOOM = "0x08c379a0" + "0".repeat(62) + "20" + "0".repeat(63) + "4"
            + HexFormat.of().formatHex("boom".getBytes(StandardCharsets.US_ASCII)) + "0".repeat(56);

    private ScriptedRpc node;
    private ChainClient client;

    @BeforeEach
    void connect() throws Exception {
        node = ScriptedRpc.standalone(CHAIN_ID);
        client = ChainClient.connect(node.url(), SIGNER, ChainSettings.besuFreeGas(CHAIN_ID, 1));
    }

    @AfterEach
    void close() {
        client.close();
        node.close();
    }

    private static String error(int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":%ID%,\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }

    private static String error(int code, String message, String data) {
        return "{\"jsonrpc\":\"2.0\",\"id\":%ID%,\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"data\":\"" + data + "\"}}";
    }

    private static String result(String json) {
        return "{\"jsonrpc\":\"2.0\",\"id\":%ID%,\"result\":" + json + "}";
    }

    private SignedTransaction anchorTx() throws AnchorException {
        return client.sign(7, BigInteger.valueOf(90_000), REGISTRY, "0x1234", Fees.legacy(BigInteger.ZERO));
    }

    /**
     * Every {@code RpcErrorType} that {@code JsonRpcErrorConverter.convertTransactionInvalidReason}
     * can give {@code eth_sendRawTransaction}, with what the client makes of it: a {@link Broadcast}
     * the batcher acts on, or the code of the typed error thrown.
     */
    static Stream<Arguments> sendRawTransactionRefusals() {
        return Stream.of(
                Arguments.of("NONCE_TOO_LOW", -32001, "Nonce too low", Broadcast.NONCE_USED),
                Arguments.of("ETH_SEND_TX_ALREADY_KNOWN", -32000, "Known transaction", Broadcast.ALREADY_KNOWN),
                Arguments.of("ETH_SEND_TX_REPLACEMENT_UNDERPRICED", -32000, "Replacement transaction underpriced", Broadcast.UNDERPRICED),
                Arguments.of("TRANSACTION_UPFRONT_COST_EXCEEDS_BALANCE", -32004, "Upfront cost exceeds account balance",
                        AnchorError.INSUFFICIENT_FUNDS),
                Arguments.of("GAS_PRICE_TOO_LOW", -32009, "Gas price below configured minimum gas price", AnchorError.FEE_TOO_LOW),
                Arguments.of("GAS_PRICE_BELOW_CURRENT_BASE_FEE", -32009, "Gas price below current base fee", AnchorError.FEE_TOO_LOW),
                Arguments.of("TX_FEECAP_EXCEEDED", -32000, "Transaction fee cap exceeded", AnchorError.FEE_CAP_EXCEEDED),
                Arguments.of("NONCE_TOO_HIGH", -32006, "Nonce too high", AnchorError.NONCE_TOO_HIGH),
                Arguments.of("NONCE_TOO_FAR_IN_FUTURE_FOR_SENDER", -32000,
                        "Transaction nonce is too distant from current sender nonce", AnchorError.NONCE_TOO_HIGH),
                Arguments.of("TX_SENDER_NOT_AUTHORIZED", -32007, "Sender account not authorized to send transactions",
                        AnchorError.SENDER_NOT_AUTHORIZED),
                Arguments.of("TX_POOL_DISABLED", -32002,
                        "Transaction pool not enabled. (Either txpool explicitly disabled, or node not yet in sync).", AnchorError.NODE_BUSY),
                Arguments.of("CHAIN_HEAD_WORLD_STATE_NOT_AVAILABLE", -32008, "Initial sync is still in progress", AnchorError.NODE_BUSY),
                Arguments.of("INTRINSIC_GAS_EXCEEDS_LIMIT", -32003, "Intrinsic gas exceeds gas limit", AnchorError.GAS_LIMIT_REFUSED),
                Arguments.of("EXCEEDS_BLOCK_GAS_LIMIT", -32005, "Transaction gas limit exceeds block gas limit",
                        AnchorError.GAS_LIMIT_REFUSED),
                Arguments.of("EXCEEDS_TRANSACTION_GAS_LIMIT", -32005, "Transaction gas limit cap exceeded", AnchorError.GAS_LIMIT_REFUSED),
                Arguments.of("WRONG_CHAIN_ID", -32000, "Wrong chainId", AnchorError.INVALID_TRANSACTION),
                Arguments.of("REPLAY_PROTECTED_SIGNATURES_NOT_SUPPORTED", -32000, "ChainId not supported", AnchorError.INVALID_TRANSACTION),
                Arguments.of("REPLAY_PROTECTED_SIGNATURE_REQUIRED", -32000, "ChainId is required", AnchorError.INVALID_TRANSACTION),
                Arguments.of("INVALID_TRANSACTION_SIGNATURE", -32002, "Invalid signature", AnchorError.INVALID_TRANSACTION),
                Arguments.of("INVALID_TRANSACTION_TYPE", -32602, "Invalid transaction type", AnchorError.INVALID_TRANSACTION),
                Arguments.of("MAX_PRIORITY_FEE_PER_GAS_EXCEEDS_MAX_FEE_PER_GAS", -32000,
                        "Max priority fee per gas exceeds max fee per gas", AnchorError.INVALID_TRANSACTION),
                // the converter's default for every other reason (e.g. a dropped transaction, TransactionAddedResult.INTERNAL_ERROR)
                Arguments.of("INTERNAL_ERROR", -32603, "Internal error", AnchorError.TX_REJECTED),
                // PLUGIN_TX_POOL_VALIDATOR answers the plugin's own text under -32000: not recognisable, so tx_rejected
                Arguments.of("PLUGIN_TX_POOL_VALIDATOR (plugin text)", -32000, "sender on the deny list", AnchorError.TX_REJECTED),
                Arguments.of("TOTAL_BLOB_GAS_TOO_HIGH", -32000, "Total blob gas too high", AnchorError.TX_REJECTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendRawTransactionRefusals")
    void besuSendRawTransactionRefusals(String besuEnum, int code, String message, Object expected) throws Exception {
        SignedTransaction tx = anchorTx();
        node.reply("eth_sendRawTransaction", error(code, message));
        if (expected instanceof Broadcast outcome) {
            assertThat(client.broadcast(tx, "anchor")).isEqualTo(outcome);
        } else {
            assertThatThrownBy(() -> client.broadcast(tx, "anchor"))
                    .isInstanceOfSatisfying(AnchorException.class, e -> {
                        assertThat(e.error()).isEqualTo(expected);
                        assertThat(e.getMessage()).contains(String.valueOf(code));
                    });
        }
        var sent = node.requests().get(node.requests().size() - 1);
        assertThat(sent.get("method").asText()).isEqualTo("eth_sendRawTransaction");
        assertThat(sent.get("params").get(0).asText()).isEqualTo(tx.raw());
    }

    @Test
    void aSendIsAcceptedOnlyWhenTheNodeAnswersThisTransactionsHash() throws Exception {
        SignedTransaction tx = anchorTx();
        node.reply("eth_sendRawTransaction", result("\"" + tx.hash().toHex() + "\""));
        assertThat(client.broadcast(tx, "anchor")).isEqualTo(Broadcast.ACCEPTED);
        // EthSendRawTransaction with sendEmptyHashOnInvalidBlock answers Hash.EMPTY instead of an error
        node.reply("eth_sendRawTransaction", result("\"0x" + "00".repeat(32) + "\""));
        assertThatThrownBy(() -> client.broadcast(tx, "anchor"))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.TX_REJECTED));
    }

    /** Besu up to 25.11 answers reverts with -32000, from 25.12 with 3; the message gains the Error(string) reason. */
    static Stream<Arguments> reverts() {
        return Stream.of(
                Arguments.of("24.12.2 custom error", -32000, "Execution reverted", NOT_ANCHORER, AnchorError.NOT_ANCHORER),
                Arguments.of("26.x custom error", 3, "Execution reverted", NOT_ANCHORER, AnchorError.NOT_ANCHORER),
                Arguments.of("24.12.2 Error(string)", -32000, "Execution reverted: boom", ERROR_BOOM, AnchorError.TX_REVERTED),
                Arguments.of("26.x Error(string)", 3, "Execution reverted (boom)", ERROR_BOOM, AnchorError.TX_REVERTED),
                Arguments.of("24.12.2 revert()", -32000, "Execution reverted", "0x", AnchorError.TX_REVERTED),
                Arguments.of("26.x revert()", 3, "Execution reverted", "0x", AnchorError.TX_REVERTED));
    }

    @ParameterizedTest(name = "eth_estimateGas {0}")
    @MethodSource("reverts")
    void besuRevertsInGasEstimation(String version, int code, String message, String data, AnchorError expected) throws Exception {
        node.reply("eth_estimateGas", error(code, message, data));
        assertThatThrownBy(() -> client.estimateGas(REGISTRY, "0x1234", "anchor"))
                .isInstanceOfSatisfying(AnchorException.class, e -> {
                    assertThat(e.error()).isEqualTo(expected);
                    if (data.equals(ERROR_BOOM)) {
                        assertThat(e.getMessage()).contains("boom");
                    }
                });
    }

    @ParameterizedTest(name = "eth_call {0}")
    @MethodSource("reverts")
    void besuRevertsInCalls(String version, int code, String message, String data, AnchorError expected) throws Exception {
        node.reply("eth_call", error(code, message, data));
        assertThatThrownBy(() -> client.call(REGISTRY, "0x1234"))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    @Test
    void aGasEstimateTheSignerCannotPayIsInsufficientFunds() throws Exception {
        // AbstractEstimateGas: gasLimitUpperBound < minTxCost -> TRANSACTION_UPFRONT_COST_EXCEEDS_BALANCE
        node.reply("eth_estimateGas", error(-32004, "Upfront cost exceeds account balance"));
        assertThatThrownBy(() -> client.estimateGas(REGISTRY, "0x1234", "anchor"))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.INSUFFICIENT_FUNDS));
    }

    @Test
    void anUnknownTransactionHasNoReceiptButAnErrorIsNeverReadAsNoReceipt() throws Exception {
        String hash = "0x" + "ab".repeat(32);
        // EthGetTransactionReceipt: an unknown hash is a success with a null result
        node.reply("eth_getTransactionReceipt", result("null"));
        assertThat(client.receipt(hash)).isEmpty();
        node.reply("eth_getTransactionByHash", result("null"));
        assertThat(client.isKnown(hash)).isFalse();
        // an error (here PRUNED_HISTORY_UNAVAILABLE) must not look like a reorged-away receipt
        node.reply("eth_getTransactionReceipt", error(4444, "Pruned history unavailable"));
        assertThatThrownBy(() -> client.receipt(hash))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_INVALID_RESPONSE));
    }

    /** A receipt in TransactionReceiptResult's field order; {@code revertReason} only with --revert-reason-enabled. */
    private static String receipt(String status, String revertReason) {
        return "{\"blockHash\":\"0x" + "bb".repeat(32) + "\",\"blockNumber\":\"0x2a\",\"contractAddress\":null,"
                + "\"cumulativeGasUsed\":\"0x6e3c\",\"from\":\"" + SIGNER.getAddress() + "\",\"gasUsed\":\"0x6e3c\","
                + "\"effectiveGasPrice\":\"0x0\",\"logs\":[],\"logsBloom\":\"0x" + "00".repeat(256) + "\","
                + (status == null ? "" : "\"status\":\"" + status + "\",")
                + "\"to\":\"" + REGISTRY + "\",\"transactionHash\":\"0x" + "cc".repeat(32) + "\",\"transactionIndex\":\"0x0\","
                + (revertReason == null ? "" : "\"revertReason\":\"" + revertReason + "\",")
                + "\"type\":\"0x0\"}";
    }

    @Test
    void aRevertedReceiptWithBesusRevertReasonIsTypedWithoutReplayingTheCall() throws Exception {
        node.reply("eth_getTransactionReceipt", result(receipt("0x0", NOT_ANCHORER)));
        TransactionReceipt r = client.receipt("0x" + "cc".repeat(32)).orElseThrow();
        assertThat(r.isStatusOK()).isFalse();
        AnchorException why = client.revertReason(SIGNER.getAddress(), REGISTRY, "0x1234", r, "anchor");
        assertThat(why.error()).isEqualTo(AnchorError.NOT_ANCHORER);
        assertThat(node.count("eth_call")).isZero();
    }

    @Test
    void withoutRevertReasonTheCallIsReplayedAndAReplayThatCannotTellIsStillAReversal() throws Exception {
        node.reply("eth_getTransactionReceipt", result(receipt("0x0", null)));
        TransactionReceipt r = client.receipt("0x" + "cc".repeat(32)).orElseThrow();
        node.reply("eth_call", error(3, "Execution reverted", NOT_ANCHORER));
        assertThat(client.revertReason(SIGNER.getAddress(), REGISTRY, "0x1234", r, "anchor").error()).isEqualTo(AnchorError.NOT_ANCHORER);
        // Bonsai keeps 512 blocks of state: an old block's replay answers WORLD_STATE_UNAVAILABLE
        node.reply("eth_call", error(-32000, "World state unavailable"));
        assertThat(client.revertReason(SIGNER.getAddress(), REGISTRY, "0x1234", r, "anchor").error()).isEqualTo(AnchorError.TX_REVERTED);
    }

    @Test
    void aReceiptWithoutStatusIsRefused() throws Exception {
        node.reply("eth_getTransactionReceipt", result(receipt(null, null)));
        assertThatThrownBy(() -> client.receipt("0x" + "cc".repeat(32)))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_INVALID_RESPONSE));
    }

    /** anvil 1.7.1's replies (recorded from the binary the build installs) and go-ethereum's txpool texts. */
    static Stream<Arguments> otherNodes() {
        return Stream.of(
                Arguments.of("anvil", -32003, "transaction already imported", NodeReply.ALREADY_KNOWN),
                Arguments.of("anvil", -32003, "replacement transaction underpriced", NodeReply.REPLACEMENT_UNDERPRICED),
                Arguments.of("anvil", -32003, "nonce too low", NodeReply.NONCE_TOO_LOW),
                Arguments.of("anvil", -32003, "Insufficient funds for gas * price + value", NodeReply.INSUFFICIENT_FUNDS),
                Arguments.of("anvil", -32003, "max fee per gas less than block base fee", NodeReply.FEE_TOO_LOW),
                Arguments.of("anvil", -32000, "intrinsic gas too low", NodeReply.GAS_LIMIT),
                Arguments.of("anvil", 3, "execution reverted: custom error 0xdeadbeef", NodeReply.REVERTED),
                Arguments.of("geth", -32000, "already known", NodeReply.ALREADY_KNOWN),
                Arguments.of("geth", -32000, "transaction underpriced", NodeReply.FEE_TOO_LOW),
                Arguments.of("geth", -32000, "txpool is full", NodeReply.NODE_BUSY),
                Arguments.of("geth", -32000, "nonce too high", NodeReply.NONCE_TOO_HIGH),
                Arguments.of("geth", -32000, "tx fee (1.20 ether) exceeds the configured cap (1.00 ether)", NodeReply.FEE_CAP_EXCEEDED),
                Arguments.of("any", -32000, "Unknown transaction", NodeReply.UNRECOGNISED),
                // a Besu code with another node's text is not taken as Besu's meaning
                Arguments.of("not Besu", -32001, "Payload does not exist / is not available", NodeReply.UNRECOGNISED));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("otherNodes")
    void otherNodesByTheirText(String node, int code, String message, NodeReply expected) {
        assertThat(NodeReplies.classify(code, message)).isEqualTo(expected);
    }

    @Test
    void aRevertFoundBySendingIsTyped() throws Exception {
        SignedTransaction tx = anchorTx();
        node.reply("eth_sendRawTransaction", error(3, "Execution reverted", NOT_ANCHORER));
        assertThatThrownBy(() -> client.broadcast(tx, "anchor"))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ANCHORER));
    }
}
