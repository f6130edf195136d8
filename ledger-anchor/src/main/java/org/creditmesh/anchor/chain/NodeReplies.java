package org.creditmesh.anchor.chain;

import java.util.List;
import java.util.Locale;

/**
 * Recognises a node's JSON-RPC error. Hand-written because no library maps node replies: the
 * production node is Hyperledger Besu, matched first by the stable code and message of its
 * {@code RpcErrorType} enum exactly as Besu itself parses replies (same code, message starts with
 * the enum's text; Besu may append {@code " (detail)"} or, up to 24.12, {@code ": detail"});
 * anvil (the test node, code -32003/-32000) and go-ethereum (code -32000) only by their message
 * text, since their codes say nothing about the reason. Read from Besu's source
 * ({@code ethereum/api/.../jsonrpc/internal/response/RpcErrorType.java},
 * {@code JsonRpcErrorConverter.java}, {@code EthSendRawTransaction.java}) at 24.12.2 and at
 * 26.x; the README lists every reply.
 */
public final class NodeReplies {

    /** Besu's {@code RpcErrorType} entries that the client acts on: code, message prefix, meaning. */
    private record Besu(int code, String message, NodeReply reply) {
    }

    private static final List<Besu> BESU = List.of(
            new Besu(-32001, "Nonce too low", NodeReply.NONCE_TOO_LOW),
            new Besu(-32000, "Known transaction", NodeReply.ALREADY_KNOWN),
            new Besu(-32000, "Replacement transaction underpriced", NodeReply.REPLACEMENT_UNDERPRICED),
            new Besu(-32004, "Upfront cost exceeds account balance", NodeReply.INSUFFICIENT_FUNDS),
            new Besu(-32009, "Gas price below configured minimum gas price", NodeReply.FEE_TOO_LOW),
            new Besu(-32009, "Gas price below current base fee", NodeReply.FEE_TOO_LOW),
            new Besu(-32000, "Transaction fee cap exceeded", NodeReply.FEE_CAP_EXCEEDED),
            new Besu(-32006, "Nonce too high", NodeReply.NONCE_TOO_HIGH),
            new Besu(-32000, "Transaction nonce is too distant from current sender nonce", NodeReply.NONCE_TOO_HIGH),
            new Besu(-32007, "Sender account not authorized to send transactions", NodeReply.SENDER_NOT_AUTHORIZED),
            new Besu(-32002, "Transaction pool not enabled.", NodeReply.NODE_BUSY),
            new Besu(-32008, "Initial sync is still in progress", NodeReply.NODE_BUSY),
            new Besu(-32000, "World state unavailable", NodeReply.NODE_BUSY),
            new Besu(-32003, "Intrinsic gas exceeds gas limit", NodeReply.GAS_LIMIT),
            new Besu(-32005, "Transaction gas limit exceeds block gas limit", NodeReply.GAS_LIMIT),
            new Besu(-32005, "Transaction gas limit cap exceeded", NodeReply.GAS_LIMIT),
            new Besu(-32000, "Wrong chainId", NodeReply.INVALID_TRANSACTION),
            new Besu(-32000, "ChainId not supported", NodeReply.INVALID_TRANSACTION),
            new Besu(-32000, "ChainId is required", NodeReply.INVALID_TRANSACTION),
            new Besu(-32002, "Invalid signature", NodeReply.INVALID_TRANSACTION),
            new Besu(-32602, "Invalid transaction type", NodeReply.INVALID_TRANSACTION),
            new Besu(-32000, "Max priority fee per gas exceeds max fee per gas", NodeReply.INVALID_TRANSACTION),
            // REVERT_ERROR: code 3 from Besu 25.12 on, -32000 before (both "Execution reverted", data = revert bytes)
            new Besu(3, "Execution reverted", NodeReply.REVERTED),
            new Besu(-32000, "Execution reverted", NodeReply.REVERTED));

    /** Message fragments of anvil and go-ethereum (lower case); more specific ones first. */
    private record Text(String fragment, NodeReply reply) {
    }

    private static final List<Text> TEXT = List.of(
            new Text("execution reverted", NodeReply.REVERTED),
            new Text("already known", NodeReply.ALREADY_KNOWN),              // geth
            new Text("already imported", NodeReply.ALREADY_KNOWN),           // anvil
            new Text("nonce too low", NodeReply.NONCE_TOO_LOW),
            new Text("nonce too high", NodeReply.NONCE_TOO_HIGH),
            new Text("replacement transaction underpriced", NodeReply.REPLACEMENT_UNDERPRICED),
            new Text("insufficient funds", NodeReply.INSUFFICIENT_FUNDS),
            new Text("transaction underpriced", NodeReply.FEE_TOO_LOW),      // geth: below the pool's minimum tip
            new Text("less than block base fee", NodeReply.FEE_TOO_LOW),
            new Text("exceeds the configured cap", NodeReply.FEE_CAP_EXCEEDED),
            new Text("txpool is full", NodeReply.NODE_BUSY),
            new Text("pool is full", NodeReply.NODE_BUSY),
            new Text("intrinsic gas", NodeReply.GAS_LIMIT),
            new Text("exceeds block gas limit", NodeReply.GAS_LIMIT),
            new Text("invalid sender", NodeReply.INVALID_TRANSACTION),
            new Text("invalid chain id", NodeReply.INVALID_TRANSACTION));

    private NodeReplies() {
    }

    /** What a JSON-RPC error {@code code}/{@code message} means; {@link NodeReply#UNRECOGNISED} when nothing matches. */
    public static NodeReply classify(int code, String message) {
        String text = message == null ? "" : message;
        if (code == 3) {
            return NodeReply.REVERTED; // EIP-1474 / geth / anvil / Besu 25.12+: code 3 is execution reverted
        }
        for (Besu b : BESU) {
            if (b.code() == code && text.startsWith(b.message())) {
                return b.reply();
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Text t : TEXT) {
            if (lower.contains(t.fragment())) {
                return t.reply();
            }
        }
        return NodeReply.UNRECOGNISED;
    }
}
