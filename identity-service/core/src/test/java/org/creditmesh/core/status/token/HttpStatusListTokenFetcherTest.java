package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpStatusListTokenFetcher} against a loopback HTTP server: the request and response rules of
 * draft-ietf-oauth-status-list-20 sections 8.1 and 8.2, and redirect limits (section 11.4).
 */
class HttpStatusListTokenFetcherTest {

    record Route(int status, Map<String, String> headers, String body) {
    }

    private static HttpServer server;
    private static final Map<String, Route> ROUTES = new ConcurrentHashMap<>();
    private static final List<String> ACCEPT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                ACCEPT.add(exchange.getRequestHeaders().getFirst("Accept"));
                Route route = ROUTES.get(exchange.getRequestURI().getPath());
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                route.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] body = route.body().getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(route.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } catch (IOException e) {
                // The client stopped reading (size limit); nothing to do.
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static HttpStatusListTokenFetcher fetcher() {
        return HttpStatusListTokenFetcher.builder().allowHttpOnLoopback(true).build();
    }

    private static Map<String, String> jwtType() {
        return Map.of("Content-Type", "application/statuslist+jwt");
    }

    private static TokenStatusError failure(HttpStatusListTokenFetcher fetcher, String uri) {
        return catchThrowableOfType(TokenStatusException.class, () -> fetcher.fetch(uri)).code();
    }

    @Test
    void fetchesATokenThatTheCheckerThenVerifies() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        String uri = url("/tsl/1");
        String token = StatusListTokenIssuer.builder(key, "k").clock(clock).build()
                .issue(uri, TokenStatusList.create(16, 1).with(2, 1)).compact();
        ROUTES.put("/tsl/1", new Route(200, jwtType(), token + "\n"));
        TokenStatus status = new TokenStatusChecker(fetcher(), StatusListKeyResolver.fixed(key.publicKey()), clock)
                .check(new StatusReference(2, uri));
        assertThat(status.type()).isEqualTo(TokenStatusType.INVALID);
        assertThat(ACCEPT).contains("application/statuslist+jwt");
    }

    @Test
    void followsARedirectToTheToken() throws Exception {
        ROUTES.put("/moved", new Route(302, Map.of("Location", "/tsl/moved-here"), ""));
        ROUTES.put("/tsl/moved-here", new Route(200, jwtType(), "a.b.c"));
        assertThat(fetcher().fetch(url("/moved"))).isEqualTo("a.b.c");
    }

    @Test
    void refusesARedirectLoop() {
        ROUTES.put("/loop", new Route(301, Map.of("Location", "/loop"), ""));
        assertThat(failure(fetcher(), url("/loop"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }

    @Test
    void refusesANon2xxResponse() {
        ROUTES.put("/gone", new Route(410, jwtType(), "a.b.c"));
        assertThat(failure(fetcher(), url("/gone"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
        assertThat(failure(fetcher(), url("/nothing-here"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }

    @Test
    void theCheckerKeepsTheFetchersReasonForAnUnavailableList() {
        ROUTES.put("/teapot", new Route(418, jwtType(), ""));
        TokenStatusException e = catchThrowableOfType(TokenStatusException.class, () -> new TokenStatusChecker(fetcher(),
                StatusListKeyResolver.fixed(SigningKey.generate(KeyType.ED25519).publicKey()), Clock.systemUTC())
                .check(new StatusReference(0, url("/teapot"))));
        assertThat(e.code()).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 418");
    }

    @Test
    void refusesAResponseOfAnotherMediaType() {
        ROUTES.put("/json", new Route(200, Map.of("Content-Type", "application/json"), "{\"a\":1}"));
        assertThat(failure(fetcher(), url("/json"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }

    @Test
    void refusesABodyOverTheSizeLimit() {
        ROUTES.put("/big", new Route(200, jwtType(), "x".repeat(5000)));
        HttpStatusListTokenFetcher small = HttpStatusListTokenFetcher.builder().allowHttpOnLoopback(true).maxBytes(4096).build();
        assertThat(failure(small, url("/big"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }

    @Test
    void refusesPlainHttpUnlessToLoopbackAndAllowed() {
        ROUTES.put("/tsl/plain", new Route(200, jwtType(), "a.b.c"));
        HttpStatusListTokenFetcher strict = HttpStatusListTokenFetcher.builder().build();
        assertThat(failure(strict, url("/tsl/plain"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
        assertThat(failure(fetcher(), "http://status.example/tsl/1")).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }

    @Test
    void refusesARedirectToPlainHttpBeyondLoopback() {
        ROUTES.put("/downgrade", new Route(302, Map.of("Location", "http://status.example/tsl/1"), ""));
        assertThat(failure(fetcher(), url("/downgrade"))).isEqualTo(TokenStatusError.STATUS_LIST_UNAVAILABLE);
    }
}
