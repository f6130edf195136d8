package org.creditmesh.anchor.proof;

import org.creditmesh.core.error.ErrorCode;

/** Why an anchor proof was refused. Stable codes: the CLI's {@code anchor verify} reports them. */
public enum ProofError implements ErrorCode {
    /** Not a proof document: bad JSON, a missing, unknown or ill-typed member, a truncated value. */
    MALFORMED_PROOF("malformed_proof"),
    /** Another document type, version or tree construction. */
    UNSUPPORTED_PROOF("unsupported_proof"),
    /** The path does not lead from the leaf to the root. */
    PROOF_PATH_INVALID("proof_path_invalid"),
    /** The proof is for another chain than the trusted one, or the node is on another chain. */
    WRONG_CHAIN("wrong_chain"),
    /** The proof is for another contract than the trusted AnchorRegistry. */
    WRONG_CONTRACT("wrong_contract"),
    /** The chain has no successful transaction anchoring this root as the proof says. */
    ROOT_NOT_ANCHORED("root_not_anchored"),
    /** The transaction exists but its block, log or leaf count differ from the proof. */
    ANCHOR_MISMATCH("anchor_mismatch"),
    /** The JSON-RPC node does not answer. */
    RPC_UNAVAILABLE("rpc_unavailable"),
    /** The node answered something unusable. */
    RPC_INVALID_RESPONSE("rpc_invalid_response");

    private final String code;

    ProofError(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
