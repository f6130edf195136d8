/**
 * The on-chain IssuerRegistry from the identity service: its trust registry's accreditations mirrored there
 * (ledger-anchor's registry mirror, queued in the accreditation's own transaction), and the registry as the
 * verifier's trust source ({@code creditmesh.trust.source=chain}).
 */
package org.creditmesh.identity.server.onchain;
