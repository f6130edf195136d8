/**
 * The batcher: Merkle batches from the outbox, one {@code anchor} transaction each, through
 * {@code OPEN → BUILT → SENT → MINED → CONFIRMED} with crash recovery, stuck-transaction
 * replacement and reorganisation handling ({@link org.creditmesh.anchor.batch.Batcher}).
 */
package org.creditmesh.anchor.batch;
