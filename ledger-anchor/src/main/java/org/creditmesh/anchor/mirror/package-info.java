/**
 * A host's trust registry mirrored to the on-chain IssuerRegistry: changes queued in the host's transaction
 * ({@link org.creditmesh.anchor.mirror.ChangeOutbox#submitIn}), proposed and approved by a background
 * {@link org.creditmesh.anchor.mirror.RegistryMirror} with the host's governance admin key, retried until the chain
 * takes them.
 */
package org.creditmesh.anchor.mirror;
