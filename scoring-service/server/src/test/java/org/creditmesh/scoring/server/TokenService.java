package org.creditmesh.scoring.server;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The identity service's part in the scoring service's tests: an ES256 token key, its JWK Set served over HTTP on
 * loopback (as the identity service's {@code /oauth2/jwks}), and RFC 9068 access tokens signed with it as the
 * identity service's {@code /oauth2/token} mints them. The scoring service under test verifies them with
 * service-common's {@code RemoteJwks}; the private key reaches the test through {@link #KEY_PROPERTY}.
 */
final class TokenService implements AutoCloseable {

    static final String ISSUER = "https://identity.test";
    static final String AUDIENCE = "https://scoring.test";
    /** Test-only config property holding the private JWK, so that the test class (another class loader) can sign. */
    static final String KEY_PROPERTY = "creditmesh.test.token-jwk";

    private final HttpServer server;
    final ECKey key;
    final String jwksUrl;

    TokenService() throws IOException {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("oauth-token-1").keyUse(KeyUse.SIGNATURE).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    /** The claims of a valid token for {@code clientId} with {@code roles}, to alter before {@link #sign}. */
    static JWTClaimsSet.Builder claims(String clientId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(clientId).claim("client_id", clientId)
                .claim("roles", List.of(roles)).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    /** {@code claims} as an {@code at+jwt} signed with {@code key} (the private JWK JSON). */
    static String sign(String key, JWTClaimsSet claims) {
        try {
            ECKey ec = ECKey.parse(key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
                    .keyID(ec.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(ec));
            return jwt.serialize();
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
