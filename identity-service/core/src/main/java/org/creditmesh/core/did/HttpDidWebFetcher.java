package org.creditmesh.core.did;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.core.http.BoundedHttpGet;
import org.creditmesh.core.json.Json;

/**
 * The default {@link DidWebFetcher}: a {@link BoundedHttpGet} over HTTPS (timeouts, a body size limit,
 * redirects followed by hand so that none leads to plain HTTP) that accepts the JSON media types a DID
 * document is served as. Plain HTTP is allowed only to loopback hosts and only when
 * {@link BoundedHttpGet.Builder#allowHttpOnLoopback(boolean)} is set, for tests and local runs.
 */
public final class HttpDidWebFetcher implements DidWebFetcher {

    /** Default largest document: DID documents are a few KB. */
    public static final int DEFAULT_MAX_BYTES = 256 * 1024;

    private static final Set<String> JSON_TYPES = Set.of(DidSpecs.MEDIA_TYPE_DID_JSON, DidSpecs.MEDIA_TYPE_DID_LD_JSON,
            DidSpecs.MEDIA_TYPE_JSON, DidSpecs.MEDIA_TYPE_LD_JSON);
    private static final String ACCEPT = DidSpecs.MEDIA_TYPE_DID_JSON + ", " + DidSpecs.MEDIA_TYPE_DID_LD_JSON + ";q=0.9, "
            + DidSpecs.MEDIA_TYPE_JSON + ";q=0.8";

    private final BoundedHttpGet http;

    private HttpDidWebFetcher(BoundedHttpGet http) {
        this.http = http;
    }

    /** Options; the defaults suit production. {@code maxBytes} may go up to the JSON parser's 1 MiB. */
    public static BoundedHttpGet.Builder<HttpDidWebFetcher> builder() {
        return BoundedHttpGet.builder(DEFAULT_MAX_BYTES, Json.MAX_INPUT_BYTES, HttpDidWebFetcher::new);
    }

    @Override
    public byte[] fetch(URI url) throws DidException {
        Objects.requireNonNull(url, "url");
        try {
            return http.get(url, "the DID document", ACCEPT, JSON_TYPES);
        } catch (BoundedHttpGet.FetchException e) {
            DidError code = e.failure() == BoundedHttpGet.Failure.NOT_FOUND ? DidError.NOT_FOUND : DidError.FETCH_FAILED;
            throw new DidException(code, e.getMessage(), e);
        }
    }

    /** Loopback by name or literal only (see {@link BoundedHttpGet#isLoopback(String)}). */
    static boolean isLoopback(String host) {
        return BoundedHttpGet.isLoopback(host);
    }

    @Override
    public String toString() {
        return "HttpDidWebFetcher[" + http + "]";
    }
}
