package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact JSON-RPC requests the client sends, against a recording server with canned answers. */
class JsonRpcPayloadTest {

    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String answer;
            try {
                JsonNode request = Json.parse(exchange.getRequestBody().readAllBytes());
                requests.add(request);
                String result = switch (request.get("method").textValue()) {
                    case "eth_chainId" -> "\"0x7a69\"";
                    case "eth_call" -> "\"0x" + "0".repeat(63) + "1\"";
                    default -> "null";
                };
                answer = "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":" + result + "}";
            } catch (Exception e) {
                answer = "{}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void connectAsksTheChainIdAndVerifySendsTheAbiEncodedCall() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Hash32 root = Hash32.parse("0x" + "11".repeat(32));
        Hash32 leaf = Hash32.parse("0x" + "22".repeat(32));
        List<Hash32> proof = List.of(Hash32.parse("0x" + "33".repeat(32)), Hash32.parse("0x" + "44".repeat(32)));
        try (ChainClient chain = ChainClient.connect(url, null, ChainSettings.anvil(31337))) {
            assertThat(AnchorRegistryClient.at(chain, CONTRACT).verify(root, leaf, proof)).isTrue();
        }
        assertThat(requests).hasSize(2);
        JsonNode chainId = requests.get(0);
        assertThat(chainId.get("jsonrpc").textValue()).isEqualTo("2.0");
        assertThat(chainId.get("method").textValue()).isEqualTo("eth_chainId");
        assertThat(chainId.get("params")).isEmpty();

        JsonNode call = requests.get(1);
        assertThat(call.get("method").textValue()).isEqualTo("eth_call");
        assertThat(call.get("params").get(1).textValue()).isEqualTo("latest");
        assertThat(call.get("params").get(0).get("to").textValue()).isEqualTo(CONTRACT);
        String expected = Reverts.selector("verify(bytes32,bytes32,bytes32[])")
                + "11".repeat(32) + "22".repeat(32)
                + "0".repeat(62) + "60"      // offset of the dynamic array: after three head words
                + "0".repeat(63) + "2"       // its length
                + "33".repeat(32) + "44".repeat(32);
        assertThat(call.get("params").get(0).get("data").textValue()).isEqualTo(expected);
    }
}
