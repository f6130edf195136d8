package org.creditmesh.scoring.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.status.token.StatusListTokenIssuer;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.status.token.TokenStatusSpecs;

/**
 * The test bureau's Token Status List, signed with its key and served over HTTP on loopback (the service is started
 * with {@code creditmesh.scoring.status.allow-http-on-loopback=true}), as a bureau publishes it.
 */
final class StatusListServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<byte[]> token = new AtomicReference<>(new byte[0]);
    final String uri;

    StatusListServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        uri = "http://127.0.0.1:" + server.getAddress().getPort() + "/status/1";
        server.createContext("/status/1", exchange -> {
            byte[] body = token.get();
            exchange.getResponseHeaders().set("Content-Type", TokenStatusSpecs.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Signs {@code list} with the bureau's key and serves it from now on. */
    void publish(TokenStatusList list) throws Exception {
        String did = Wallet.bureauDid();
        String kid = did + "#" + Wallet.BUREAU.publicKey().toMultikey();
        token.set(StatusListTokenIssuer.builder(Wallet.BUREAU, kid).issuer(DidKey.create(Wallet.BUREAU.publicKey()).toString())
                .validity(Duration.ofDays(1)).build().issue(uri, list).compact().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
