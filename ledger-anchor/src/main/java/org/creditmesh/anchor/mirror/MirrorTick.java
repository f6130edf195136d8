package org.creditmesh.anchor.mirror;

/**
 * What one {@link RegistryMirror#tick()} did.
 *
 * @param proposed changes this admin proposed or approved that now wait for other admins
 * @param executed changes the registry ran
 * @param failed changes the registry refused for good
 * @param waiting changes still waiting (other admins' approvals, an earlier change of the same DID, their time)
 */
public record MirrorTick(int proposed, int executed, int failed, int waiting) {
}
