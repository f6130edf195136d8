package org.creditmesh.anchor.chain;

/**
 * A governance proposal of the IssuerRegistry.
 *
 * @param id its number
 * @param proposer the admin who proposed it
 * @param executed whether enough admins approved it and it ran
 * @param approvals approvals by current admins
 * @param calldata the proposed call
 */
public record Proposal(long id, String proposer, boolean executed, int approvals, String calldata) {
}
