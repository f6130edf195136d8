package org.creditmesh.core.wallet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The two HTTP calls of a wallet in OpenID4VP: GET the request object, POST the form-encoded response. */
public interface Oid4vpTransport {

    /** A response: status, {@code Content-Type} (empty when absent) and body. */
    record Response(int status, String contentType, String body) {
    }

    Response get(URI uri, String accept) throws IOException, InterruptedException;

    Response postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException;

    /** Over {@code client} (whose redirect policy applies); bodies larger than {@code maxBytes} are refused. */
    static Oid4vpTransport http(HttpClient client, int maxBytes) {
        return new Oid4vpTransport() {
            @Override
            public Response get(URI uri, String accept) throws IOException, InterruptedException {
                return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", accept).GET().build());
            }

            @Override
            public Response postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException {
                String body = form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
            }

            private Response send(HttpRequest request) throws IOException, InterruptedException {
                HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] body;
                try (java.io.InputStream in = response.body()) {
                    // Read one byte more than allowed, so an oversized body is refused without being buffered whole.
                    body = in.readNBytes(maxBytes + 1);
                }
                if (body.length > maxBytes) {
                    throw new IOException("the response is larger than " + maxBytes + " bytes");
                }
                return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        new String(body, StandardCharsets.UTF_8));
            }
        };
    }
}
