package org.creditmesh.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/** RFC 9068 access-token checks, framework-free, with a fixed clock. */
class AccessTokenVerifierTest {

    static final String ISS = "https://identity.example";
    static final String AUD = "https://scoring.example";
    static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final SigningKey key = SigningKey.generate(KeyType.ED25519);
    final String kid = key.publicKey().thumbprint();
    final AccessTokenVerifier verifier = new AccessTokenVerifier(ISS, AUD, TokenKeySource.of(Map.of(kid, key.publicKey())),
            Duration.ofSeconds(30), CLOCK);

    JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISS).subject("bureau-a").audience(List.of("https://identity.example", AUD))
                .issueTime(Date.from(NOW.minusSeconds(10))).expirationTime(Date.from(NOW.plusSeconds(290)))
                .jwtID("j-1").claim("client_id", "bureau-a").claim("roles", List.of("bureau"));
    }

    JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("at+jwt")).keyID(kid);
    }

    String sign(JWSHeader h, JWTClaimsSet c, SigningKey k) throws Exception {
        SignedJWT jwt = new SignedJWT(h, c);
        jwt.sign(new KeyJwsSigner(k));
        return jwt.serialize();
    }

    void refused(String token, String message) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining(message);
    }

    @Test
    void acceptsAValidTokenAndReadsClientAndRoles() throws Exception {
        AccessToken t = verifier.verify(sign(header().build(), claims().build(), key));
        assertThat(t.clientId()).isEqualTo("bureau-a");
        assertThat(t.roles()).containsExactly("bureau");
        assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(290));
        // RFC 9068 section 2.1 also allows the full media type.
        verifier.verify(sign(header().type(new JOSEObjectType("application/at+jwt")).build(), claims().build(), key));
    }

    @Test
    void expiryAllowsOnlyTheConfiguredSkew() throws Exception {
        verifier.verify(sign(header().build(), claims().expirationTime(Date.from(NOW.minusSeconds(29))).build(), key));
        refused(sign(header().build(), claims().expirationTime(Date.from(NOW.minusSeconds(30))).build(), key), "expired");
        refused(sign(header().build(), claims().expirationTime(null).build(), key), "expired");
        refused(sign(header().build(), claims().issueTime(Date.from(NOW.plusSeconds(60))).build(), key), "iat");
        refused(sign(header().build(), claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build(), key), "not valid yet");
    }

    @Test
    void refusesOtherAudienceIssuerTypeKeyAndSignature() throws Exception {
        refused(sign(header().build(), claims().audience("https://identity.example").build(), key), "aud");
        refused(sign(header().build(), claims().issuer("https://other.example").build(), key), "issued by");
        refused(sign(header().type(JOSEObjectType.JWT).build(), claims().build(), key), "typ");
        refused(sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(kid).build(), claims().build(), key), "typ");
        refused(sign(header().keyID("other").build(), claims().build(), key), "key");
        refused(sign(header().build(), claims().build(), SigningKey.generate(KeyType.ED25519)), "signature");
        // An ES256 header over an Ed25519 key: the verifier takes only the key's own algorithm.
        SigningKey p256 = SigningKey.generate(KeyType.P256);
        String es = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt")).keyID(kid).build(), claims().build(), p256);
        refused(es, "signature");
        refused("a.b", "signed JWT");
        refused("x".repeat(9000), "too long");
    }

    @Test
    void refusesTokensWithoutAMatchingClientIdOrJti() throws Exception {
        refused(sign(header().build(), claims().claim("client_id", null).build(), key), "client_id");
        refused(sign(header().build(), claims().subject("someone-else").build(), key), "client_id");
        refused(sign(header().build(), claims().jwtID(null).build(), key), "jti");
        refused(sign(header().build(), claims().claim("roles", "bureau").build(), key), "roles");
    }

    @Test
    void readsKeysFromAJwksUrlAndRefetchesForAnUnknownKidAtMostOncePerInterval() throws Exception {
        SigningKey rotated = SigningKey.generate(KeyType.ED25519);
        String[] jwks = {"{\"keys\": [" + jwk(key) + "]}"};
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", ex -> {
            fetches.incrementAndGet();
            byte[] body = jwks[0].getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            MutableClock clock = new MutableClock(NOW);
            RemoteJwks remote = new RemoteJwks(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"), null,
                    clock, Duration.ofHours(1), Duration.ofMinutes(1));
            AccessTokenVerifier v = new AccessTokenVerifier(ISS, AUD, remote, Duration.ofSeconds(30), CLOCK);
            v.verify(sign(header().build(), claims().build(), key));
            v.verify(sign(header().build(), claims().build(), key));
            assertThat(fetches).hasValue(1);
            jwks[0] = "{\"keys\": [" + jwk(key) + ", " + jwk(rotated) + "]}";
            String withRotated = sign(header().keyID(rotated.publicKey().thumbprint()).build(), claims().build(), rotated);
            // Within a minute of the last fetch an unknown kid does not cause another fetch.
            assertThatThrownBy(() -> v.verify(withRotated)).hasMessageContaining("key");
            assertThat(fetches).hasValue(1);
            clock.now = NOW.plusSeconds(61);
            assertThat(v.verify(withRotated).clientId()).isEqualTo("bureau-a");
            assertThat(fetches).hasValue(2);
        } finally {
            server.stop(0);
        }
    }

    static String jwk(SigningKey k) {
        Map<String, Object> json = new java.util.LinkedHashMap<>(k.publicKey().toJwk().toJSONObject());
        json.put("kid", k.publicKey().thumbprint());
        json.put("use", "sig");
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
