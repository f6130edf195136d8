package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.MerkleTree;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A node that is down, goes down, or answers garbage gives typed errors, never a stray exception. */
class RpcFailureTest {

    @Test
    void aNodeThatIsDownIsRpcUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> ChainClient.connect(URI.create("http://127.0.0.1:" + port), null, ChainSettings.anvil(31337)))
                .isInstanceOfSatisfying(AnchorException.class, e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_UNAVAILABLE));
    }

    @Test
    void aNodeThatGoesDownMidwayIsRpcUnavailable() throws Exception {
        AnvilNode node = TestChain.start(31337);
        try (ChainClient client = TestChain.client(node, 0)) {
            AnchorRegistryClient registry = AnchorRegistryClient.deploy(client, client.address(), List.of(client.address()));
            node.close();
            assertThatThrownBy(() -> registry.anchor(MerkleTree.of(TestHashes.of(4, 1)), Hash32.keccakOfUtf8("down")))
                    .isInstanceOfSatisfying(AnchorException.class,
                            e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_UNAVAILABLE));
        } finally {
            node.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "this is not json",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xnothex\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1}",
        "[1,2,3]",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"boom\"}}"
    })
    void aNodeAnsweringGarbageIsRpcInvalidResponse(String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThatThrownBy(() -> ChainClient.connect(url, null, ChainSettings.anvil(31337)))
                    .isInstanceOfSatisfying(AnchorException.class,
                            e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_INVALID_RESPONSE));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anHttpErrorIsRpcUnavailable() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThatThrownBy(() -> ChainClient.connect(url, null, ChainSettings.anvil(31337)))
                    .isInstanceOfSatisfying(AnchorException.class,
                            e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_UNAVAILABLE));
        } finally {
            server.stop(0);
        }
    }
}
