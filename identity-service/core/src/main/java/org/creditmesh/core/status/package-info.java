/**
 * W3C Bitstring Status List v1.0: the bitstring ({@link org.creditmesh.core.status.BitstringStatusList}),
 * the {@code credentialStatus} entry, the status list credential an issuer publishes, random index
 * allocation, and the verifier's status check ({@link org.creditmesh.core.status.BitstringStatusChecker}),
 * whose fetching and proof checking are pluggable.
 */
package org.creditmesh.core.status;
