package org.creditmesh.anchor.outbox;

/**
 * The outcome of a submission; the hash is durable in the outbox either way.
 *
 * @param entryId the outbox entry of this kind and hash
 * @param created {@code false} when the same kind and hash had been submitted before (deduplicated)
 */
public record SubmitResult(long entryId, boolean created) {
}
