/**
 * Solidity contracts, web3j client, Merkle batching, outbox and anchor proofs.
 *
 * <p>Placeholder until its issue is worked on: the module exists so that the build and the layout are in place.
 */
package org.creditmesh.anchor;
