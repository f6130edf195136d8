package org.creditmesh.identity.server.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 secret hashes: a known vector, the stored form, malformed hashes. */
class ClientSecretsTest {

    final ClientSecrets secrets = new ClientSecrets(1000);

    @Test
    void matchesTheKnownPbkdf2HmacSha256Vector() {
        // The PBKDF2-HMAC-SHA256 counterpart of RFC 6070's long vector (P = "passwordPASSWORDpassword",
        // S = "saltSALTsaltSALTsaltSALTsaltSALTsalt", c = 4096, dkLen = 40); `openssl kdf ... PBKDF2` gives the same.
        byte[] dk = HexFormat.of().parseHex("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
        String stored = "pbkdf2-sha256$4096$"
                + Base64.getEncoder().encodeToString("saltSALTsaltSALTsaltSALTsaltSALTsalt".getBytes(StandardCharsets.US_ASCII))
                + "$" + Base64.getEncoder().encodeToString(dk);
        assertThat(ClientSecrets.isHash(stored)).isTrue();
        assertThat(secrets.matches("passwordPASSWORDpassword", stored)).isTrue();
        assertThat(secrets.matches("passwordPASSWORDpassworD", stored)).isFalse();
    }

    @Test
    void hashesAreSaltedAndCarryTheirIterationCount() {
        String secret = ClientSecrets.generate();
        assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
        String a = secrets.hash(secret);
        String b = secrets.hash(secret);
        assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b).doesNotContain(secret);
        assertThat(ClientSecrets.isHash(a)).isTrue();
        assertThat(secrets.matches(secret, a)).isTrue();
        assertThat(secrets.matches(secret, b)).isTrue();
        // A hash made with another iteration count still verifies.
        assertThat(new ClientSecrets(2000).matches(secret, a)).isTrue();
        assertThat(secrets.matches(secret + "x", a)).isFalse();
    }

    @Test
    void malformedStoredHashesMatchNothing() {
        for (String stored : new String[] {null, "", secrets.hash("s").replace("pbkdf2-sha256", "pbkdf2-sha1"),
                "pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256$1000$!!$AAAA", "plain-secret"}) {
            assertThat(secrets.matches("s", stored)).as(String.valueOf(stored)).isFalse();
        }
    }
}
