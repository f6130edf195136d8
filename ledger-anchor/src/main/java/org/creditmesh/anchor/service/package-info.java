/**
 * {@link org.creditmesh.anchor.service.AnchoringService}: the small API hosts embed (start/stop,
 * submit, proofFor, status) over the outbox and the batcher, configured by
 * {@link org.creditmesh.anchor.service.AnchoringConfig}.
 */
package org.creditmesh.anchor.service;
