package org.creditmesh.core.status.token;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The default {@link StatusListTokenFetcher}: the HTTP GET of draft-ietf-oauth-status-list-20 section 8.1 with
 * {@code Accept: application/statuslist+jwt}, a 2xx response served as that media type (section 8.2), a body
 * size limit, connect and request timeouts, and redirects followed by hand up to a limit, never to plain HTTP
 * (section 11.4 and RFC 9110 section 15.4). No {@code Accept-Encoding} is sent, so a compressed body is refused
 * rather than inflated without a bound. Plain HTTP is allowed only to loopback hosts, and only when
 * {@link Builder#allowHttpOnLoopback(boolean)} is set (tests, local runs).
 */
public final class HttpStatusListTokenFetcher implements StatusListTokenFetcher {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final boolean allowHttpOnLoopback;

    private HttpStatusListTokenFetcher(Builder b) {
        HttpClient.Builder cb = HttpClient.newBuilder().connectTimeout(b.connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if (b.sslContext != null) {
            cb.sslContext(b.sslContext);
        }
        this.client = cb.build();
        this.requestTimeout = b.requestTimeout;
        this.maxBytes = b.maxBytes;
        this.maxRedirects = b.maxRedirects;
        this.allowHttpOnLoopback = b.allowHttpOnLoopback;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String fetch(String uri) throws TokenStatusException {
        URI current;
        try {
            current = checkScheme(new URI(uri));
        } catch (URISyntaxException e) {
            throw unavailable("the status list uri is not a URI", e);
        }
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = HttpRequest.newBuilder(current).timeout(requestTimeout)
                    .header("Accept", TokenStatusSpecs.MEDIA_TYPE).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw unavailable("could not retrieve " + current + ": " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while retrieving " + current, e);
            }
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    if (redirects >= maxRedirects) {
                        throw unavailable("more than " + maxRedirects + " redirects from " + uri, null);
                    }
                    String location = response.headers().firstValue("Location")
                            .orElseThrow(() -> unavailable("redirect without Location from " + request.uri(), null));
                    try {
                        current = checkScheme(current.resolve(location));
                    } catch (IllegalArgumentException e) {
                        throw unavailable("redirect to an invalid URL from " + request.uri(), e);
                    }
                    continue;
                }
                if (status < 200 || status >= 300) {
                    throw unavailable("HTTP " + status + " from " + current + " (section 8.2 requires 2xx)", null);
                }
                String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip()
                        .toLowerCase(Locale.ROOT);
                if (!mediaType.equals(TokenStatusSpecs.MEDIA_TYPE)) {
                    throw unavailable("the Status List Token is served as '" + mediaType + "', not "
                            + TokenStatusSpecs.MEDIA_TYPE + " (section 8.2)", null);
                }
                String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip();
                if (!encoding.equalsIgnoreCase("identity")) {
                    throw unavailable("the response is " + encoding + "-encoded although none was accepted", null);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw unavailable("the Status List Token at " + current + " exceeds " + maxBytes + " bytes", null);
                }
                return new String(bytes, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw unavailable("could not read the body from " + current, e);
            }
        }
    }

    private URI checkScheme(URI url) throws TokenStatusException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            throw unavailable("no host in the status list uri", null);
        }
        if (scheme.equals("https")) {
            return url;
        }
        if (scheme.equals("http") && allowHttpOnLoopback && isLoopback(url.getHost())) {
            return url;
        }
        throw unavailable("Status List Tokens are fetched over https only, not " + scheme, null);
    }

    /** Loopback by name or literal only: resolving names here would let DNS decide what "loopback" means. */
    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static TokenStatusException unavailable(String message, Throwable cause) {
        return cause == null ? new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE, message)
                : new TokenStatusException(TokenStatusError.STATUS_LIST_UNAVAILABLE, message, cause);
    }

    @Override
    public String toString() {
        return "HttpStatusListTokenFetcher[maxBytes=" + maxBytes + ", timeout=" + requestTimeout
                + (allowHttpOnLoopback ? ", http on loopback allowed" : "") + "]";
    }

    /** Options; the defaults suit production. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxBytes = TokenStatusSpecs.MAX_TOKEN_LENGTH;
        private int maxRedirects = 3;
        private boolean allowHttpOnLoopback;
        private SSLContext sslContext;

        private Builder() {
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Largest token accepted, in bytes (default and maximum {@link TokenStatusSpecs#MAX_TOKEN_LENGTH}). */
        public Builder maxBytes(int value) {
            if (value < 1 || value > TokenStatusSpecs.MAX_TOKEN_LENGTH) {
                throw new IllegalArgumentException("maxBytes must be between 1 and " + TokenStatusSpecs.MAX_TOKEN_LENGTH);
            }
            this.maxBytes = value;
            return this;
        }

        public Builder maxRedirects(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative");
            }
            this.maxRedirects = value;
            return this;
        }

        /** Allows plain http to localhost / 127.0.0.0/8 / ::1 (tests, local development). Off by default. */
        public Builder allowHttpOnLoopback(boolean allow) {
            this.allowHttpOnLoopback = allow;
            return this;
        }

        /** The TLS context (trust store) to use; default: the JDK's. */
        public Builder sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        public HttpStatusListTokenFetcher build() {
            return new HttpStatusListTokenFetcher(this);
        }
    }
}
