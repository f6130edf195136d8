package org.creditmesh.core.http;

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
 * A GET that a verifier can point at an attacker-chosen URL: https only (plain http to loopback hosts only
 * when {@link Builder#allowHttpOnLoopback(boolean)} is set, for tests and local runs), redirects followed by
 * hand up to a limit and never to plain http (RFC 9110 section 15.4), a 2xx answer in one of the expected
 * media types, no content coding (none is accepted, so a compressed body is refused rather than inflated
 * without a bound), and a body size limit checked before and while reading. Callers turn a
 * {@link FetchException} into their own typed error.
 */
public final class BoundedHttpGet {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    /** Why a fetch failed; {@link #NOT_FOUND} is told apart because some callers report it differently. */
    public enum Failure { NOT_FOUND, FAILED }

    /** A fetch that failed; the message says why, without the body. */
    public static final class FetchException extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final Failure failure;

        FetchException(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final int maxRedirects;
    private final boolean allowHttpOnLoopback;

    private BoundedHttpGet(Builder<?> b) {
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

    /**
     * Options with production defaults, for a fetcher built on this GET: {@code build()} hands the GET to
     * {@code fetcher} and returns what it makes. {@code maxBytes} may be set up to {@code ceiling}.
     */
    public static <T> Builder<T> builder(int defaultMaxBytes, int ceiling, java.util.function.Function<BoundedHttpGet, T> fetcher) {
        return new Builder<>(defaultMaxBytes, ceiling, fetcher);
    }

    /**
     * The body at {@code url}.
     *
     * @param what       what is fetched, for messages ("the DID document")
     * @param accept     the {@code Accept} header
     * @param mediaTypes the media types (without parameters, lower case) an answer may have
     */
    public byte[] get(URI url, String what, String accept, Set<String> mediaTypes) throws FetchException {
        URI current = checkScheme(Objects.requireNonNull(url, "url"), what);
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = HttpRequest.newBuilder(current).timeout(requestTimeout).header("Accept", accept).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw failed("could not retrieve " + current + ": " + e.getClass().getSimpleName(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed("interrupted while retrieving " + current, e);
            }
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    if (redirects >= maxRedirects) {
                        throw failed("more than " + maxRedirects + " redirects from " + url, null);
                    }
                    String location = response.headers().firstValue("Location")
                            .orElseThrow(() -> failed("redirect without Location from " + request.uri(), null));
                    try {
                        current = checkScheme(current.resolve(location), what);
                    } catch (IllegalArgumentException e) {
                        throw failed("redirect to an invalid URL from " + request.uri(), e);
                    }
                    continue;
                }
                if (status == 404 || status == 410) {
                    throw new FetchException(Failure.NOT_FOUND, "no " + what + " at " + current + " (HTTP " + status + ")", null);
                }
                if (status < 200 || status >= 300) {
                    throw failed("HTTP " + status + " from " + current, null);
                }
                String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip()
                        .toLowerCase(Locale.ROOT);
                if (!mediaTypes.contains(mediaType)) {
                    throw failed(what + " is served as '" + mediaType + "', not one of " + mediaTypes, null);
                }
                String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").strip();
                if (!encoding.equalsIgnoreCase("identity")) {
                    throw failed("the response is " + encoding + "-encoded although none was accepted", null);
                }
                long declared;
                try {
                    declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                } catch (NumberFormatException e) {
                    throw failed("invalid Content-Length from " + current, e);
                }
                byte[] bytes = declared > maxBytes ? null : body.readNBytes(maxBytes + 1);
                if (bytes == null || bytes.length > maxBytes) {
                    throw failed(what + " at " + current + " exceeds " + maxBytes + " bytes", null);
                }
                return bytes;
            } catch (IOException e) {
                throw failed("could not read the body from " + current, e);
            }
        }
    }

    private URI checkScheme(URI url, String what) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            throw failed("no host in " + url, null);
        }
        if (scheme.equals("https")) {
            return url;
        }
        if (scheme.equals("http") && allowHttpOnLoopback && isLoopback(url.getHost())) {
            return url;
        }
        throw failed(what + " is fetched over https only, not " + scheme, null);
    }

    /** Loopback by name or literal only: resolving names here would let DNS decide what "loopback" means. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("::1") || IPV4_LOOPBACK.matcher(h).matches();
    }

    private static FetchException failed(String message, Throwable cause) {
        return new FetchException(Failure.FAILED, message, cause);
    }

    public int maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return "maxBytes=" + maxBytes + ", timeout=" + requestTimeout + (allowHttpOnLoopback ? ", http on loopback allowed" : "");
    }

    /** Options; the defaults suit production. */
    public static final class Builder<T> {
        private final int ceiling;
        private final java.util.function.Function<BoundedHttpGet, T> fetcher;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int maxBytes;
        private int maxRedirects = 3;
        private boolean allowHttpOnLoopback;
        private SSLContext sslContext;

        private Builder(int defaultMaxBytes, int ceiling, java.util.function.Function<BoundedHttpGet, T> fetcher) {
            this.maxBytes = defaultMaxBytes;
            this.ceiling = ceiling;
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        }

        public Builder<T> connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder<T> requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Largest body accepted, at most the ceiling the caller set. */
        public Builder<T> maxBytes(int value) {
            if (value < 1 || value > ceiling) {
                throw new IllegalArgumentException("maxBytes must be between 1 and " + ceiling);
            }
            this.maxBytes = value;
            return this;
        }

        public Builder<T> maxRedirects(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative");
            }
            this.maxRedirects = value;
            return this;
        }

        /** Allows plain http to localhost / 127.0.0.0/8 / ::1 (tests, local development). Off by default. */
        public Builder<T> allowHttpOnLoopback(boolean allow) {
            this.allowHttpOnLoopback = allow;
            return this;
        }

        /** The TLS context (trust store) to use; default: the JDK's. */
        public Builder<T> sslContext(SSLContext value) {
            this.sslContext = value;
            return this;
        }

        public T build() {
            return fetcher.apply(new BoundedHttpGet(this));
        }
    }
}
