package org.creditmesh.core.did;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The default {@link DidWebFetcher}: {@link HttpClient} GET over HTTPS with connect and request
 * timeouts, a body size limit, a JSON content type check, and redirects followed by hand (at most
 * {@code maxRedirects}) so that none can lead to plain HTTP. Plain HTTP is allowed only to loopback
 * hosts and only when {@link Builder#allowHttpOnLoopback(boolean)} is set, for tests and local runs.
 */
public final class HttpDidWebFetcher implements DidWebFetcher {

    private static final Set<String> JSON_TYPES = Set.of(DidSpecs.MEDIA_TYPE_DID_JSON, DidSpecs.MEDIA_TYPE_DID_LD_JSON,
            DidSpecs.MEDIA_TYPE_JSON, DidSpecs.MEDIA_TYPE_LD_JSON);
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final boolean allowHttpOnLoopback;

    private HttpDidWebFetcher(Builder b) {
        HttpClient.Builder cb = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
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
    public byte[] fetch(URI url) throws DidException {
        URI current = checkScheme(url);
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(requestTimeout)
                    .header("Accept", DidSpecs.MEDIA_TYPE_DID_JSON + ", " + DidSpecs.MEDIA_TYPE_DID_LD_JSON + ";q=0.9, "
                            + DidSpecs.MEDIA_TYPE_JSON + ";q=0.8")
                    .GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new DidException(DidError.FETCH_FAILED, "could not retrieve " + current + ": " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DidException(DidError.FETCH_FAILED, "interrupted while retrieving " + current, e);
            }
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    if (redirects >= maxRedirects) {
                        throw new DidException(DidError.FETCH_FAILED, "more than " + maxRedirects + " redirects from " + url);
                    }
                    String location = response.headers().firstValue("Location").orElseThrow(() ->
                            new DidException(DidError.FETCH_FAILED, "redirect without Location from " + request.uri()));
                    try {
                        current = checkScheme(current.resolve(location));
                    } catch (IllegalArgumentException e) {
                        throw new DidException(DidError.FETCH_FAILED, "redirect to an invalid URL from " + request.uri(), e);
                    }
                    continue;
                }
                if (status == 404 || status == 410) {
                    throw new DidException(DidError.NOT_FOUND, "no DID document at " + current + " (HTTP " + status + ")");
                }
                if (status != 200) {
                    throw new DidException(DidError.FETCH_FAILED, "HTTP " + status + " from " + current);
                }
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!JSON_TYPES.contains(mediaType)) {
                    throw new DidException(DidError.FETCH_FAILED,
                            "the DID document is served as '" + mediaType + "', not a JSON media type");
                }
                long declared;
                try {
                    declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                } catch (NumberFormatException e) {
                    throw new DidException(DidError.FETCH_FAILED, "invalid Content-Length from " + current, e);
                }
                if (declared > maxBytes) {
                    throw tooLarge(current);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw tooLarge(current);
                }
                return bytes;
            } catch (IOException e) {
                throw new DidException(DidError.FETCH_FAILED, "could not read the body from " + current, e);
            }
        }
    }

    private DidException tooLarge(URI url) {
        return new DidException(DidError.FETCH_FAILED, "the DID document at " + url + " exceeds " + maxBytes + " bytes");
    }

    private URI checkScheme(URI url) throws DidException {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            throw new DidException(DidError.FETCH_FAILED, "no host in " + url);
        }
        if (scheme.equals("https")) {
            return url;
        }
        if (scheme.equals("http") && allowHttpOnLoopback && isLoopback(url.getHost())) {
            return url;
        }
        throw new DidException(DidError.FETCH_FAILED, "did:web documents are fetched over https only, not " + scheme);
    }

    /** Loopback by name or literal only: resolving names here would let DNS decide what "loopback" means. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    @Override
    public String toString() {
        return "HttpDidWebFetcher[maxBytes=" + maxBytes + ", timeout=" + requestTimeout
                + (allowHttpOnLoopback ? ", http on loopback allowed" : "") + "]";
    }

    /** Options; the defaults suit production. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxBytes = 256 * 1024;
        private int maxRedirects = 3;
        private boolean allowHttpOnLoopback;
        private SSLContext sslContext;

        private Builder() {
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** Largest document accepted (default 256 KiB; never above the JSON parser's 1 MiB). */
        public Builder maxBytes(int maxBytes) {
            if (maxBytes < 1 || maxBytes > org.creditmesh.core.json.Json.MAX_INPUT_BYTES) {
                throw new IllegalArgumentException("maxBytes must be between 1 and " + org.creditmesh.core.json.Json.MAX_INPUT_BYTES);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative");
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /** Allows plain http to localhost / 127.0.0.0/8 / ::1 (tests, local development). Off by default. */
        public Builder allowHttpOnLoopback(boolean allow) {
            this.allowHttpOnLoopback = allow;
            return this;
        }

        /** The TLS context (trust store) to use; default: the JDK's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public HttpDidWebFetcher build() {
            return new HttpDidWebFetcher(this);
        }
    }
}
