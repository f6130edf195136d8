package org.creditmesh.anchor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A JSON-RPC endpoint on loopback that answers scripted replies, byte for byte, to chosen methods
 * (a real HTTP round trip through web3j's own parsing), and answers every other request from a real
 * node behind it, or with {@code eth_chainId} only when there is none. A reply is written with
 * {@code %ID%} where the request's id goes.
 */
public final class ScriptedRpc implements AutoCloseable {

    private final HttpServer server;
    private final URI upstream;
    private final long chainId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Deque<String>> scripted = new HashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private ScriptedRpc(URI upstream, long chainId) throws IOException {
        this.upstream = upstream;
        this.chainId = chainId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            try {
                answer = answer(body).getBytes(StandardCharsets.UTF_8);
            } catch (IOException | MalformedJsonException | RuntimeException e) {
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Scripted replies only; {@code eth_chainId} answers {@code chainId}. */
    public static ScriptedRpc standalone(long chainId) throws IOException {
        return new ScriptedRpc(null, chainId);
    }

    /** Scripted replies in front of a real node, which answers everything else. */
    public static ScriptedRpc inFrontOf(URI node) throws IOException {
        return new ScriptedRpc(node, 0);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next request for {@code method} gets {@code reply} (queued after earlier ones). */
    public synchronized ScriptedRpc reply(String method, String reply) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** Every request received, in order. */
    public List<JsonNode> requests() {
        return requests;
    }

    public long count(String method) {
        return requests.stream().filter(r -> r.path("method").asText().equals(method)).count();
    }

    private String answer(byte[] body) throws IOException, InterruptedException, MalformedJsonException {
        JsonNode request = Json.parse(body);
        requests.add(request);
        String method = request.path("method").asText();
        String reply;
        synchronized (this) {
            Deque<String> queue = scripted.get(method);
            reply = queue == null ? null : queue.poll();
        }
        if (reply != null) {
            return reply.replace("%ID%", request.get("id").toString());
        }
        if (upstream != null) {
            return http.send(HttpRequest.newBuilder(upstream).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        if (method.equals("eth_chainId")) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":\"0x" + Long.toHexString(chainId) + "\"}";
        }
        throw new IllegalStateException("no scripted reply for " + method);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
