package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * did:web (W3C CCG "did:web Method Specification", section 3.2 "Read (Resolve)") against a local HTTPS
 * server with a self-signed certificate made in the test.
 */
class DidWebTest {

    private static LocalHttpsServer server;
    private static DidWeb resolver;
    private static String host;

    @BeforeAll
    static void start() throws Exception {
        server = LocalHttpsServer.https();
        resolver = new DidWeb(HttpDidWebFetcher.builder().sslContext(server.clientContext()).maxBytes(4096).build());
        host = "localhost%3A" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String document(String did, VerificationKey key) {
        return """
                {"@context":["https://www.w3.org/ns/did/v1","https://w3id.org/security/multikey/v1"],
                 "id":"%1$s",
                 "verificationMethod":[{"id":"#key-1","type":"Multikey","controller":"%1$s","publicKeyMultibase":"%2$s"}],
                 "assertionMethod":["#key-1"],
                 "service":[{"id":"#status","type":"StatusList","serviceEndpoint":"https://example.com/status"}]}
                """.formatted(did, key.toMultikey());
    }

    @Test
    @DisplayName("did:web spec 3.2: the DID-to-URL examples of the spec, and back")
    void mapsDidsToUrlsAsTheSpecExamplesShow() throws Exception {
        assertThat(DidWeb.toUrl(Did.parse("did:web:w3c-ccg.github.io")))
                .isEqualTo(URI.create("https://w3c-ccg.github.io/.well-known/did.json"));
        assertThat(DidWeb.toUrl(Did.parse("did:web:w3c-ccg.github.io:user:alice")))
                .isEqualTo(URI.create("https://w3c-ccg.github.io/user/alice/did.json"));
        assertThat(DidWeb.toUrl(Did.parse("did:web:example.com%3A3000:user:alice")))
                .isEqualTo(URI.create("https://example.com:3000/user/alice/did.json"));
        for (String did : new String[] {"did:web:w3c-ccg.github.io", "did:web:w3c-ccg.github.io:user:alice",
                "did:web:example.com%3A3000:user:alice"}) {
            assertThat(DidWeb.fromUrl(DidWeb.toUrl(Did.parse(did))).toString()).isEqualTo(did);
        }
        DidException e = catchThrowableOfType(DidException.class, () -> DidWeb.fromUrl(URI.create("http://example.com/did.json")));
        assertThat(e.error()).isEqualTo(DidError.INVALID_DID);
    }

    @Test
    @DisplayName("did:web spec 3.2: domain with port resolves from /.well-known/did.json over HTTPS")
    void resolvesWellKnownDocumentWithPort() throws Exception {
        String did = "did:web:" + host;
        VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
        server.serve("/.well-known/did.json", LocalHttpsServer.Response.json(document(did, key)));

        DidDocument doc = resolver.resolve(did);
        assertThat(doc.id().toString()).isEqualTo(did);
        assertThat(doc.authorizedMethod(VerificationRelationship.ASSERTION_METHOD, "#key-1").orElseThrow().key()).isEqualTo(key);
        assertThat(resolver.resolveVerificationMethod(did + "#key-1").key()).isEqualTo(key);
        assertThat(doc.service().get(0).id()).isEqualTo(did + "#status");
    }

    @Test
    @DisplayName("did:web spec 3.2: path segments map to /<path>/did.json")
    void resolvesPathDocument() throws Exception {
        String did = "did:web:" + host + ":issuers:bureau-1";
        VerificationKey key = SigningKey.generate(KeyType.P256).publicKey();
        server.serve("/issuers/bureau-1/did.json", LocalHttpsServer.Response.json(document(did, key)));
        assertThat(resolver.resolveVerificationMethod(did + "#key-1").key()).isEqualTo(key);
    }

    @Test
    void refusesDocumentWhoseIdIsAnotherDid() throws Exception {
        String did = "did:web:" + host + ":mismatch";
        server.serve("/mismatch/did.json", LocalHttpsServer.Response.json(
                document("did:web:evil.example", SigningKey.generate(KeyType.ED25519).publicKey())));
        assertThat(errorOf(did)).isEqualTo(DidError.ID_MISMATCH);
    }

    @Test
    void reportsAMissingDocumentAsNotFound() {
        assertThat(errorOf("did:web:" + host + ":nobody")).isEqualTo(DidError.NOT_FOUND);
    }

    @Test
    void refusesABodyOverTheSizeLimit() {
        byte[] big = ("{\"id\":\"did:web:" + host + ":big\",\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        server.serve("/big/did.json", new LocalHttpsServer.Response(200, "application/json", big, Map.of()));
        DidException e = catchThrowableOfType(DidException.class, () -> resolver.resolve("did:web:" + host + ":big"));
        assertThat(e.error()).isEqualTo(DidError.FETCH_FAILED);
        assertThat(e.getMessage()).contains("exceeds 4096 bytes");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        server.serve("/garbage/did.json", new LocalHttpsServer.Response(200, "application/json",
                "<html>hello</html>".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(errorOf("did:web:" + host + ":garbage")).isEqualTo(DidError.INVALID_DOCUMENT);
    }

    @Test
    void refusesANonJsonContentType() {
        server.serve("/html/did.json", new LocalHttpsServer.Response(200, "text/html",
                "{}".getBytes(StandardCharsets.UTF_8), Map.of()));
        DidException e = catchThrowableOfType(DidException.class, () -> resolver.resolve("did:web:" + host + ":html"));
        assertThat(e.error()).isEqualTo(DidError.FETCH_FAILED);
        assertThat(e.getMessage()).contains("text/html");
    }

    @Test
    void refusesARedirectToPlainHttp() {
        server.serve("/moved/did.json", new LocalHttpsServer.Response(302, null, new byte[0],
                Map.of("Location", "http://localhost:" + server.port() + "/elsewhere/did.json")));
        DidException e = catchThrowableOfType(DidException.class, () -> resolver.resolve("did:web:" + host + ":moved"));
        assertThat(e.error()).isEqualTo(DidError.FETCH_FAILED);
        assertThat(e.getMessage()).contains("https only");
    }

    @Test
    void followsAnHttpsRedirect() throws Exception {
        String did = "did:web:" + host + ":old";
        VerificationKey key = SigningKey.generate(KeyType.SECP256K1).publicKey();
        server.serve("/old/did.json", new LocalHttpsServer.Response(301, null, new byte[0], Map.of("Location", "/new/did.json")));
        server.serve("/new/did.json", LocalHttpsServer.Response.json(document(did, key)));
        assertThat(resolver.resolve(did).verificationMethod().get(0).key()).isEqualTo(key);
    }

    @Test
    void refusesAnUntrustedCertificate() {
        DidWeb defaultTrust = new DidWeb(HttpDidWebFetcher.builder().build());
        server.serve("/.well-known/did.json", LocalHttpsServer.Response.json("{}"));
        DidException e = catchThrowableOfType(DidException.class, () -> defaultTrust.resolve("did:web:" + host));
        assertThat(e.error()).isEqualTo(DidError.FETCH_FAILED);
    }

    @Test
    void plainHttpOnLoopbackNeedsAnExplicitOptIn() throws Exception {
        try (LocalHttpsServer http = LocalHttpsServer.http()) {
            String did = "did:web:localhost%3A" + http.port();
            VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
            http.serve("/.well-known/did.json", LocalHttpsServer.Response.json(document(did, key)));

            DidWeb optedIn = new DidWeb(HttpDidWebFetcher.builder().allowHttpOnLoopback(true).build(), true);
            assertThat(optedIn.resolve(did).verificationMethod().get(0).key()).isEqualTo(key);

            DidWeb fetcherRefuses = new DidWeb(HttpDidWebFetcher.builder().build(), true);
            DidException e = catchThrowableOfType(DidException.class, () -> fetcherRefuses.resolve(did));
            assertThat(e.error()).isEqualTo(DidError.FETCH_FAILED);
            DidException remote = catchThrowableOfType(DidException.class, () -> HttpDidWebFetcher.builder()
                    .allowHttpOnLoopback(true).build().fetch(URI.create("http://example.com/did.json")));
            assertThat(remote.error()).isEqualTo(DidError.FETCH_FAILED);
        }
    }

    private static DidError errorOf(String did) {
        DidException e = catchThrowableOfType(DidException.class, () -> resolver.resolve(did));
        assertThat(e).as(did).isNotNull();
        return e.error();
    }
}
