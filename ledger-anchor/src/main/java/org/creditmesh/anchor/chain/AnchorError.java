package org.creditmesh.anchor.chain;

import org.creditmesh.core.error.ErrorCode;

/**
 * Why talking to the chain failed. The codes are stable: the batcher, the CLI and problem+json
 * responses switch on them. Contract reverts map to the code of their custom error (see
 * {@link Reverts}); a revert with no known error is {@link #TX_REVERTED}.
 */
public enum AnchorError implements ErrorCode {
    /** The JSON-RPC node does not answer (connection refused, timeout, HTTP error). */
    RPC_UNAVAILABLE("rpc_unavailable"),
    /** The node answered something that is not a valid JSON-RPC result for the call. */
    RPC_INVALID_RESPONSE("rpc_invalid_response"),
    /** The node's {@code eth_chainId} is not the configured chain id. */
    CHAIN_ID_MISMATCH("chain_id_mismatch"),
    /** An Ethereum address given to the API is not {@code 0x} and 40 hex digits. */
    INVALID_ADDRESS("invalid_address"),
    /** The sender is not an authorised anchorer of the AnchorRegistry. */
    NOT_ANCHORER("not_anchorer"),
    /** The sender is not an admin (AnchorRegistry admin or IssuerRegistry governance admin). */
    NOT_ADMIN("not_admin"),
    /** The root is already anchored (roots are anchored once). */
    ROOT_ALREADY_ANCHORED("root_already_anchored"),
    /** A zero root or a zero leaf count. */
    INVALID_BATCH("invalid_batch"),
    /** An IssuerRegistry change was called directly instead of through an executed proposal. */
    ONLY_BY_PROPOSAL("only_by_proposal"),
    /** No proposal with that id. */
    UNKNOWN_PROPOSAL("unknown_proposal"),
    /** The proposal was executed already. */
    PROPOSAL_ALREADY_EXECUTED("proposal_already_executed"),
    /** This admin approved the proposal already. */
    ALREADY_APPROVED("already_approved"),
    /** Executing a proposal that has fewer approvals (by current admins) than the threshold. */
    NOT_ENOUGH_APPROVALS("not_enough_approvals"),
    /** A governance change the registry refuses: unsupported action, bad threshold, admin or issuer data. */
    INVALID_GOVERNANCE_CHANGE("invalid_governance_change"),
    /** The issuer is not in the registry. */
    UNKNOWN_ISSUER("unknown_issuer"),
    /** The client has no signing key (read-only) but was asked to send a transaction. */
    NO_SIGNER("no_signer"),
    /** The transaction reverted for a reason with no more specific code. */
    TX_REVERTED("tx_reverted"),
    /**
     * The node refused the transaction for a reason not recognised (see {@link NodeReplies}): kept
     * as it is and sent again later, never dropped.
     */
    TX_REJECTED("tx_rejected"),
    /** The nonce is used by a mined transaction (a transaction sent outside the batcher's bookkeeping). */
    NONCE_TOO_LOW("nonce_too_low"),
    /** The nonce leaves a gap the node will not queue (Besu: too far in the future for the sender). */
    NONCE_TOO_HIGH("nonce_too_high"),
    /** Another transaction with the same nonce is pending and this one does not out-bid it by enough. */
    REPLACEMENT_UNDERPRICED("replacement_underpriced"),
    /** The signer cannot pay gas limit × price (Besu: upfront cost exceeds account balance). */
    INSUFFICIENT_FUNDS("insufficient_funds"),
    /** The fee is below the node's minimum gas price or the block's base fee (check {@code gas-price}, {@code fee-mode}). */
    FEE_TOO_LOW("fee_too_low"),
    /** The fee is above the node's cap for locally sent transactions (Besu {@code --rpc-tx-feecap}). */
    FEE_CAP_EXCEEDED("fee_cap_exceeded"),
    /** The node's account permissioning does not allow the signer to send transactions. */
    SENDER_NOT_AUTHORIZED("sender_not_authorized"),
    /** The gas limit is below the intrinsic gas or above the block's gas limit. */
    GAS_LIMIT_REFUSED("gas_limit_refused"),
    /** The node cannot take transactions now (initial sync, pool disabled or full); the same transaction is sent later. */
    NODE_BUSY("node_busy"),
    /** The node finds the signed transaction itself invalid (chain id, signature, type, fee fields). */
    INVALID_TRANSACTION("invalid_transaction"),
    /** No receipt, or not enough confirmations, within the configured time. */
    TX_TIMEOUT("tx_timeout"),
    /** The receipt's block left the canonical chain while waiting for confirmations. */
    REORGED("reorged"),
    /** The compiled contract (bytecode/ABI resource) is missing from the build. */
    CONTRACT_ARTIFACT_MISSING("contract_artifact_missing"),
    /** The anvil binary is not installed where expected (the Maven build installs it through npm). */
    NODE_NOT_INSTALLED("node_not_installed"),
    /** anvil did not start or did not answer JSON-RPC in time. */
    NODE_START_FAILED("node_start_failed");

    private final String code;

    AnchorError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
