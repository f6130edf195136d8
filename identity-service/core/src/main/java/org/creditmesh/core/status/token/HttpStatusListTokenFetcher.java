package org.creditmesh.core.status.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.creditmesh.core.http.BoundedHttpGet;

/**
 * The default {@link StatusListTokenFetcher}: the HTTP GET of draft-ietf-oauth-status-list-20 section 8.1 with
 * {@code Accept: application/statuslist+jwt}, a 2xx response served as that media type (section 8.2), through a
 * {@link BoundedHttpGet}: a body size limit, timeouts, redirects followed by hand up to a limit and never to
 * plain HTTP (section 11.4), and no compressed bodies. Plain HTTP is allowed only to loopback hosts, and only
 * when {@link BoundedHttpGet.Builder#allowHttpOnLoopback(boolean)} is set (tests, local runs).
 */
public final class HttpStatusListTokenFetcher implements StatusListTokenFetcher {

    private final BoundedHttpGet http;

    private HttpStatusListTokenFetcher(BoundedHttpGet http) {
        this.http = http;
    }

    /** Options; the defaults suit production. {@code maxBytes}: default and maximum {@link TokenStatusSpecs#MAX_TOKEN_LENGTH}. */
    public static BoundedHttpGet.Builder<HttpStatusListTokenFetcher> builder() {
        return BoundedHttpGet.builder(TokenStatusSpecs.MAX_TOKEN_LENGTH, TokenStatusSpecs.MAX_TOKEN_LENGTH,
                HttpStatusListTokenFetcher::new);
    }

    @Override
    public String fetch(String uri) throws TokenStatusException {
        try {
            byte[] body = http.get(new URI(uri), "the Status List Token", TokenStatusSpecs.MEDIA_TYPE,
                    Set.of(TokenStatusSpecs.MEDIA_TYPE));
            return new String(body, StandardCharsets.US_ASCII).strip();
        } catch (URISyntaxException e) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE, "the status list uri is not a URI", e);
        } catch (BoundedHttpGet.FetchException e) {
            throw new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE, e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "HttpStatusListTokenFetcher[" + http + "]";
    }
}
