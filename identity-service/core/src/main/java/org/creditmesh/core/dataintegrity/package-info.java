/**
 * W3C Verifiable Credential Data Integrity 1.0 proofs with the EdDSA cryptosuites of "Data Integrity
 * EdDSA Cryptosuites v1.0": {@code eddsa-rdfc-2022} (create and verify) and the legacy
 * {@code Ed25519Signature2020} (verify; create for tests and interop).
 *
 * <pre>{@code
 * ObjectNode vc = new DataIntegritySigner(signingKey)
 *         .sign(credential, ProofOptions.assertion(issuerKeyId, Instant.now()));
 * List<VerifiedProof> ok = new DataIntegrityVerifier(resolver)
 *         .verify(vc, VerificationOptions.assertion(Instant.now()));   // or DataIntegrityException
 * }</pre>
 *
 * {@link org.creditmesh.core.dataintegrity.Cryptosuite} exposes each algorithm step (transformation,
 * proof configuration, hashing, serialization) for vector tests; keys are resolved through a pluggable
 * {@link org.creditmesh.core.dataintegrity.VerificationMethodResolver}. Failures carry a
 * {@link org.creditmesh.core.dataintegrity.DataIntegrityError} code.
 */
package org.creditmesh.core.dataintegrity;
