package org.creditmesh.identity.server.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.TestClients;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Rotating the access-token key with a token lifetime of 8 s and a clock skew of 2 s: the JWKS publishes old and new
 * key, a token the old key signed keeps working, new tokens carry the new kid; 10 s after the rotation the old key is
 * withdrawn (gone from the JWKS, and a token it signed is refused even before its own expiry), and the next start or
 * rotation deletes its private key. Only admins rotate, and the rotation is audited.
 */
@QuarkusTest
@TestProfile(TokenKeyRotationTest.ShortTokens.class)
@WithTestResource(EmbeddedPostgresResource.class)
class TokenKeyRotationTest {

    public static final class ShortTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.oauth.token-lifetime", "PT8S", "creditmesh.auth.clock-skew", "PT2S");
        }
    }

    @Inject
    TokenKeys keys;

    @Inject
    AgroalDataSource dataSource;

    private static String adminToken() {
        return given().auth().preemptive().basic(TestClients.ADMIN_ID, TestClients.ADMIN_SECRET)
                .contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    private static String kid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    private static List<String> jwksKids() {
        JsonNode jwks = TestClients.parse(given().get("/oauth2/jwks").then().statusCode(200).extract().asString());
        List<String> kids = new ArrayList<>();
        jwks.path("keys").forEach(k -> kids.add(k.path("kid").asText()));
        return kids;
    }

    private static int adminCall(String token) {
        return given().auth().oauth2(token).get("/admin/issuers").then().extract().statusCode();
    }

    /** An admin token signed with {@code key} under {@code kid}, valid for a minute: outlives the key's overlap. */
    private static String minted(SigningKey key, String kid) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(BearerTokenTest.ISSUER).subject(TestClients.ADMIN_ID)
                .audience(BearerTokenTest.ISSUER).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString()).claim("client_id", TestClients.ADMIN_ID)
                .claim("roles", List.of(Roles.ADMIN)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("at+jwt")).keyID(kid)
                .build(), claims);
        jwt.sign(new KeyJwsSigner(key));
        return jwt.serialize();
    }

    private String single(String sql, String arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void theOldKeyVerifiesThroughTheOverlapThenIsWithdrawn() throws Exception {
        String before = adminToken();
        String oldKid = kid(before);
        SigningKey oldKey = keys.signingKey();
        assertThat(jwksKids()).containsExactly(oldKid);

        JsonNode rotation = TestClients.parse(given().auth().oauth2(before).post("/admin/token-keys/rotate")
                .then().statusCode(200).extract().asString());
        String newKid = rotation.path("kid").asText();
        Instant withdrawsAt = Instant.parse(rotation.path("previousWithdrawsAt").asText());
        assertThat(rotation.path("previousKid").asText()).isEqualTo(oldKid);
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(Duration.between(Instant.now(), withdrawsAt)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThat(jwksKids()).containsExactlyInAnyOrder(oldKid, newKid);
        assertThat(kid(adminToken())).isEqualTo(newKid);
        assertThat(adminCall(before)).as("a token the old key signed, during the overlap").isEqualTo(200);
        String mintedWithOldKey = minted(oldKey, oldKid);
        assertThat(adminCall(mintedWithOldKey)).isEqualTo(200);
        assertThat(single("SELECT outcome FROM audit_log WHERE action = 'rotate-token-key' AND actor = ?", TestClients.ADMIN_ID))
                .isEqualTo(oldKid + " -> " + newKid);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), withdrawsAt).toMillis()) + 500);

        assertThat(jwksKids()).containsExactly(newKid);
        assertThat(adminCall(mintedWithOldKey)).as("unexpired, but signed by a withdrawn key").isEqualTo(401);
        String after = adminToken();
        assertThat(adminCall(after)).isEqualTo(200);
        assertThat(single("SELECT withdrawn_at IS NULL FROM oauth_token_key WHERE kid = ?", oldKid)).isEqualTo("t");

        // The next rotation deletes the withdrawn key's private key and records it.
        given().auth().oauth2(after).post("/admin/token-keys/rotate").then().statusCode(200);
        assertThat(single("SELECT withdrawn_at IS NOT NULL FROM oauth_token_key WHERE kid = ?", oldKid)).isEqualTo("t");
        assertThat(jwksKids()).hasSize(2).contains(newKid).doesNotContain(oldKid);
    }

    @Test
    void onlyAdminsRotate() {
        given().post("/admin/token-keys/rotate").then().statusCode(401);
        String lender = TestClients.tokenFor(Roles.LENDER);
        given().auth().oauth2(lender).post("/admin/token-keys/rotate").then().statusCode(403);
    }
}
