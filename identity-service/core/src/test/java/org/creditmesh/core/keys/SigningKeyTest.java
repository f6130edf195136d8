package org.creditmesh.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SigningKeyTest {

    private static final byte[] MESSAGE = "a credential".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void signsAndVerifiesAndRejectsATamperedMessage(KeyType type) {
        SigningKey key = SigningKey.generate(type);
        byte[] signature = key.sign(MESSAGE);
        assertThat(signature).hasSize(type.signatureLength());
        assertThat(key.publicKey().verify(MESSAGE, signature)).isTrue();
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        assertThat(key.publicKey().verify(other, signature)).isFalse();
        assertThat(key.publicKey().verify(MESSAGE, new byte[3])).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void verifiesASignedRangeInPlaceAndNothingAroundIt(KeyType type) {
        SigningKey key = SigningKey.generate(type);
        byte[] signature = key.sign(MESSAGE);
        byte[] framed = new byte[MESSAGE.length + 5];
        System.arraycopy(MESSAGE, 0, framed, 2, MESSAGE.length);
        VerificationKey pub = key.publicKey();
        assertThat(pub.verify(framed, 2, MESSAGE.length, signature)).isTrue();
        assertThat(pub.verify(framed, 1, MESSAGE.length, signature)).isFalse();
        assertThat(pub.verify(framed, 2, MESSAGE.length - 1, signature)).isFalse();
        assertThat(pub.verify(framed, 2, MESSAGE.length + 1, signature)).isFalse();
        // Ranges outside the array are refused, not thrown.
        assertThat(pub.verify(framed, -1, MESSAGE.length, signature)).isFalse();
        assertThat(pub.verify(framed, 6, MESSAGE.length, signature)).isFalse();
        assertThat(pub.verify(framed, 2, -1, signature)).isFalse();
        assertThat(pub.verify(framed, Integer.MAX_VALUE, 2, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void roundTripsThroughJwkAndMultikey(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type);
        assertThat(VerificationKey.fromJwk(key.publicKey().toJwk())).isEqualTo(key.publicKey());
        assertThat(VerificationKey.fromMultikey(key.publicKey().toMultikey())).isEqualTo(key.publicKey());
        SigningKey again = SigningKey.fromJwk(key.exportPrivateJwk());
        assertThat(again.publicKey()).isEqualTo(key.publicKey());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void toStringNeverShowsThePrivateKey(KeyType type) {
        SigningKey key = SigningKey.generate(type);
        String d = key.exportPrivateJwk().toJSONObject().get("d").toString();
        assertThat(key.toString()).doesNotContain(d).contains("private part hidden");
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"P256", "SECP256K1"})
    void rejectsAPointWhoseXIsNotAFieldElement(KeyType type) {
        byte[] bogus = new byte[33];
        java.util.Arrays.fill(bogus, (byte) 0xff); // x = 2^256 - 1 exceeds both curves' field prime
        bogus[0] = 2;
        assertThatThrownBy(() -> VerificationKey.of(type, bogus)).isInstanceOf(KeyException.class);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"P256", "SECP256K1"})
    void rejectsAPrivateJwkWhosePublicPartBelongsToAnotherKey(KeyType type) {
        var a = (com.nimbusds.jose.jwk.ECKey) SigningKey.generate(type).exportPrivateJwk();
        var b = (com.nimbusds.jose.jwk.ECKey) SigningKey.generate(type).exportPrivateJwk();
        var mixed = new com.nimbusds.jose.jwk.ECKey.Builder(a.getCurve(), a.getX(), a.getY()).d(b.getD()).build();
        assertThatThrownBy(() -> SigningKey.fromJwk(mixed))
                .isInstanceOf(KeyException.class)
                .extracting(e -> ((KeyException) e).code()).isEqualTo(KeyError.INVALID_JWK);
    }
}
