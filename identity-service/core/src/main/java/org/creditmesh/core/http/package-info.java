/**
 * The one HTTP client path of the core: a bounded GET over HTTPS for documents a verifier must fetch
 * (did:web documents, status list tokens). Written on the JDK's {@code HttpClient}; what is ours is the
 * policy: https only (http to loopback only when asked), redirects followed by hand and re-checked,
 * size, media-type and encoding limits.
 */
package org.creditmesh.core.http;
