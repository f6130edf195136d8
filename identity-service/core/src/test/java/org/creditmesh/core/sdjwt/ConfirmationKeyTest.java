package org.creditmesh.core.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.Test;

/**
 * RFC 9901 section 7.3 / RFC 7800 section 3.2: the holder key from {@code cnf.jwk}. A plain Ed25519 JWK is read
 * without Nimbus; it must give the key Nimbus gives, and anything unusual must still be refused or read as before.
 */
class ConfirmationKeyTest {

    private static final String X = SigningKey.generate(KeyType.ED25519).publicKey().toJwk().toJSONObject().get("x").toString();

    private static ObjectNode payload(String jwk) throws Exception {
        return Json.parseObject("{\"cnf\":{\"jwk\":" + jwk + "}}");
    }

    private static SdJwtError refusal(String jwk) {
        SdJwtException e = catchThrowableOfType(SdJwtException.class, () -> KeyBinding.confirmationKey(payload(jwk)));
        assertThat(e).as(jwk).isNotNull();
        return e.error();
    }

    @Test
    void aPlainEd25519JwkGivesTheKeyNimbusGives() throws Exception {
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}";
        assertThat(KeyBinding.confirmationKey(payload(jwk))).isEqualTo(VerificationKey.fromJwk(JWK.parse(jwk)));
        String reordered = "{\"x\":\"" + X + "\",\"crv\":\"Ed25519\",\"kty\":\"OKP\"}";
        assertThat(KeyBinding.confirmationKey(payload(reordered))).isEqualTo(VerificationKey.fromJwk(JWK.parse(jwk)));
    }

    @Test
    void otherJwksAreStillReadThroughNimbus() throws Exception {
        String withKid = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\",\"kid\":\"holder-1\"}";
        assertThat(KeyBinding.confirmationKey(payload(withKid))).isEqualTo(VerificationKey.fromJwk(JWK.parse(withKid)));
        VerificationKey p256 = SigningKey.generate(KeyType.P256).publicKey();
        assertThat(KeyBinding.confirmationKey(payload(p256.toJwk().toJSONString()))).isEqualTo(p256);
    }

    @Test
    void unusableJwksAreRefusedAsBefore() {
        // 31 bytes (strict base64url), and 41 characters (not base64url, read leniently by Nimbus): not a key.
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X.substring(0, 42) + "\"}"))
                .isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + X.substring(0, 41) + "\"}"))
                .isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        // 32 bytes that are not a point on the curve (y = 2 has no x).
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"))
                .isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + X + "\"}")).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"" + X + "\"}")).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":7}")).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("{\"kty\":\"OKP\",\"crv\":\"Ed25519\"}")).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
        assertThat(refusal("\"" + X + "\"")).isEqualTo(SdJwtError.KEY_BINDING_INVALID);
    }
}
