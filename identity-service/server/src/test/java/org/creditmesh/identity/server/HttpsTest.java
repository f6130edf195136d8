package org.creditmesh.identity.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.creditmesh.service.tls.SelfSignedCertificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The embedded default serves HTTPS with the self-signed certificate it made in its data folder: a client that
 * trusts that certificate (and nothing else) gets through; one that trusts only the JDK's CAs does not.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class HttpsTest {

    @TestHTTPResource(value = "/.well-known/oauth-authorization-server", tls = true)
    URL https;

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    @Test
    void servesHttpsWithTheSelfSignedCertificateFromTheDataFolder() throws Exception {
        assertThat(https.getProtocol()).isEqualTo("https");
        X509Certificate cert = SelfSignedCertificate.read(Path.of(dataDir).resolve("tls").resolve(SelfSignedCertificate.CERT_FILE));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("creditmesh", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        URI uri = URI.create(https.toString().replace("://0.0.0.0:", "://localhost:"));
        HttpRequest get = HttpRequest.newBuilder(uri).GET().build();
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(tls).build().send(get, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"token_endpoint\"");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }
}
