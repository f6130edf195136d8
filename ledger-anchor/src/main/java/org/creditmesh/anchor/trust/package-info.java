/** Issuer trust decided by the on-chain IssuerRegistry, for the core verifier. */
package org.creditmesh.anchor.trust;
