package org.creditmesh.core.did;

import java.net.URI;

/**
 * Retrieves a did:web document's bytes. Pluggable so that tests, caches and outbound proxies can
 * stand in for the network; {@link HttpDidWebFetcher} is the default.
 */
@FunctionalInterface
public interface DidWebFetcher {

    /**
     * The body served at {@code url}; {@link DidError#NOT_FOUND} when the host says the document does
     * not exist, {@link DidError#FETCH_FAILED} for any other failure.
     */
    byte[] fetch(URI url) throws DidException;
}
