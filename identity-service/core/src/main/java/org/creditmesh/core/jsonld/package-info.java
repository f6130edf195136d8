/**
 * JSON-LD processing for credentials, closed to the network.
 *
 * <ul>
 *   <li>{@link org.creditmesh.core.jsonld.ContextRegistry}: the contexts the library knows (W3C/CCG copies
 *       shipped in the jar, plus CreditMesh's own from the {@code schemas} module's index);
 *       {@code isKnown(url)} for validators.</li>
 *   <li>{@link org.creditmesh.core.jsonld.ShippedContextLoader}: the Titanium document loader over that
 *       registry; any other URL fails with {@code unknown_context}.</li>
 *   <li>{@link org.creditmesh.core.jsonld.RdfCanonicalizer}: JSON-LD 1.1 toRdf + RDFC-1.0 canonical
 *       N-Quads, in safe mode by default (terms no context defines are refused, not dropped).</li>
 * </ul>
 * Failures are {@link org.creditmesh.core.jsonld.JsonLdException} with a
 * {@link org.creditmesh.core.jsonld.JsonLdError} code.
 */
package org.creditmesh.core.jsonld;
