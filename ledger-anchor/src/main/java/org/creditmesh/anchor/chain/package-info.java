/**
 * Talking to the chain over Ethereum JSON-RPC with web3j: {@link org.creditmesh.anchor.chain.ChainClient}
 * (chain id check, EIP-1559 or legacy/zero-price transactions, receipts and confirmations),
 * {@link org.creditmesh.anchor.chain.AnchorRegistryClient} and
 * {@link org.creditmesh.anchor.chain.IssuerRegistryClient} written against web3j's ABI encoder, and
 * {@link org.creditmesh.anchor.chain.AnchorException} with stable {@link org.creditmesh.anchor.chain.AnchorError} codes.
 */
package org.creditmesh.anchor.chain;
