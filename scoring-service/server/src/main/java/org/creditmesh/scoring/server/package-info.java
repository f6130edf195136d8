/**
 * The scoring service as a Quarkus application: {@code POST /scores} verifies a borrower's SD-JWT VC presentation,
 * maps the disclosed claims to the active scorecard's attributes, scores, stores only a hash of the presentation with
 * the score, and can issue a {@code CreditScoreCredential}; the model registry keeps versions and activations.
 */
package org.creditmesh.scoring.server;
