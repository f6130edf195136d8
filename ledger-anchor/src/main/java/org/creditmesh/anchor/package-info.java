/**
 * Ledger anchoring: Merkle batches of hashes anchored on an EVM chain, the on-chain issuer trust
 * registry, and self-contained anchor proofs. Only hashes and organisations' identifiers go on chain.
 *
 * <ul>
 *   <li>{@link org.creditmesh.anchor.merkle}: the OpenZeppelin-compatible Merkle tree and proofs;</li>
 *   <li>{@link org.creditmesh.anchor.chain}: JSON-RPC client (web3j), AnchorRegistry and IssuerRegistry
 *       contracts, typed errors;</li>
 *   <li>{@link org.creditmesh.anchor.proof}: the proof document ({@code PROOF-FORMAT.md}) and its verifier;</li>
 *   <li>{@link org.creditmesh.anchor.node}: a local anvil node for tests and {@code ./creditmesh up};</li>
 *   <li>{@link org.creditmesh.anchor.outbox}: the durable PostgreSQL outbox of hashes to anchor;</li>
 *   <li>{@link org.creditmesh.anchor.batch}: the batcher (Merkle batches, transactions, confirmations, reorgs);</li>
 *   <li>{@link org.creditmesh.anchor.service}: {@code AnchoringService}, the API hosts embed.</li>
 * </ul>
 *
 * The contracts are in {@code ledger-anchor/contracts/} and are compiled by the build (solc-js).
 */
package org.creditmesh.anchor;
