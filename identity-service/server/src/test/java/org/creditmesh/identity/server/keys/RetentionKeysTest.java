package org.creditmesh.identity.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.creditmesh.identity.server.retention.ClaimCipher;
import org.junit.jupiter.api.Test;

/** Key rotation of retained claims: rows name their key by id; a previous key keeps opening the rows it sealed. */
class RetentionKeysTest {

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static RetentionKeys keys(String current, List<String> previous) {
        RetentionKeys keys = new RetentionKeys();
        keys.dataDir = "unused";
        keys.configuredKey = Optional.of(current);
        keys.previousKeys = Optional.of(previous);
        keys.open();
        return keys;
    }

    @Test
    void aRotatedKeyStillOpensTheRowsItSealedAndNewRowsUseTheNewKey() throws Exception {
        String oldKey = randomKey();
        String newKey = randomKey();
        ClaimCipher cipher = new ClaimCipher();
        RetentionKeys before = keys(oldKey, List.of());
        ClaimCipher.Sealed old = cipher.seal(before.currentId(), before.current(), "urn:uuid:a", "{\"ageBand\":\"35-44\"}");

        RetentionKeys after = keys(newKey, List.of(oldKey));
        assertThat(after.currentId()).isNotEqualTo(old.keyId()).matches("[0-9a-f]{16}");
        assertThat(cipher.open(after.byId(old.keyId()).orElseThrow(), "urn:uuid:a", old)).isEqualTo("{\"ageBand\":\"35-44\"}");
        assertThatThrownBy(() -> cipher.open(after.current(), "urn:uuid:a", old)).isInstanceOf(AEADBadTagException.class);
        ClaimCipher.Sealed fresh = cipher.seal(after.currentId(), after.current(), "urn:uuid:b", "{}");
        assertThat(fresh.keyId()).isEqualTo(after.currentId());
        assertThat(fresh.nonce()).isNotEqualTo(old.nonce());

        assertThat(keys(newKey, List.of()).byId(old.keyId())).isEmpty();
    }

    @Test
    void keysThatAreNotBase64Of32BytesAreRefused() {
        assertThatThrownBy(() -> keys(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> keys("not base64!", List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
    }
}
