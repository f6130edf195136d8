/**
 * The durable anchoring outbox on PostgreSQL: {@link org.creditmesh.anchor.outbox.Outbox} (submit,
 * status, proof lookup) on an {@link org.creditmesh.anchor.outbox.OutboxDatabase} migrated by Flyway
 * from {@code db/anchor}. Only 32-byte hashes and opaque non-personal references are stored.
 */
package org.creditmesh.anchor.outbox;
