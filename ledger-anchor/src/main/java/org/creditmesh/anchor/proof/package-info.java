/**
 * Anchor proofs: the self-contained JSON document of {@code ledger-anchor/PROOF-FORMAT.md}, checked
 * offline (leaf to root) and online (one receipt lookup and the block header) against a trusted registry.
 */
package org.creditmesh.anchor.proof;
