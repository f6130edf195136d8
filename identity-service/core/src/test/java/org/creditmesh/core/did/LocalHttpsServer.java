package org.creditmesh.core.did;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A loopback HTTPS (or plain HTTP) server for did:web tests, with a self-signed P-256 certificate for
 * {@code localhost} / {@code 127.0.0.1} made here with BouncyCastle; {@link #clientContext()} trusts it.
 */
final class LocalHttpsServer implements AutoCloseable {

    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response json(String body) {
            return new Response(200, "application/did+json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        }
    }

    private final HttpServer server;
    private final SSLContext clientContext;
    private final Map<String, Response> routes = new ConcurrentHashMap<>();

    private LocalHttpsServer(boolean tls) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            long now = System.currentTimeMillis();
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(now), new Date(now - 60_000), new Date(now + 3_600_000), name, pair.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            char[] pw = "test".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", pair.getPrivate(), pw, new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, pw);
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, tmf.getTrustManagers(), null);

            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            server = https;
        } else {
            clientContext = SSLContext.getDefault();
            server = HttpServer.create(address, 0);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                Response r = routes.get(exchange.getRequestURI().getPath());
                if (r == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                if (r.contentType() != null) {
                    exchange.getResponseHeaders().add("Content-Type", r.contentType());
                }
                r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
                if (r.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(r.body());
                    }
                }
            } catch (IOException e) {
                // The client went away (size-limit tests close early); nothing to do.
            }
        });
        server.start();
    }

    static LocalHttpsServer https() throws Exception {
        return new LocalHttpsServer(true);
    }

    static LocalHttpsServer http() throws Exception {
        return new LocalHttpsServer(false);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A client TLS context that trusts this server's certificate. */
    SSLContext clientContext() {
        return clientContext;
    }

    void serve(String path, Response response) {
        routes.put(path, response);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
