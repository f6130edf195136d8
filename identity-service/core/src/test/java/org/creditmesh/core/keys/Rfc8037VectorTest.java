package org.creditmesh.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.testing.SharedVectors;
import org.junit.jupiter.api.Test;

/** RFC 8037 Appendix A, from {@code ../shared/vectors/rfc8037/ed25519-jws.json}. */
class Rfc8037VectorTest {

    private static JsonNode vector() throws Exception {
        return Json.parse(SharedVectors.vectorText("rfc8037/ed25519-jws.json"));
    }

    @Test
    void appendixA1_privateKeyDerivesTheAppendixA2PublicKey() throws Exception {
        JsonNode v = vector();
        SigningKey key = SigningKey.fromJwk(com.nimbusds.jose.jwk.JWK.parse(Json.write(v.get("privateJwk"))));
        assertThat(key.publicKey().toJwk().toJSONObject().get("x")).isEqualTo(v.at("/publicJwk/x").asText());
    }

    @Test
    void appendixA3_thumbprintMatches() throws Exception {
        JsonNode v = vector();
        VerificationKey key = VerificationKey.parseJwk(Json.write(v.get("publicJwk")));
        assertThat(key.thumbprint()).isEqualTo(v.get("thumbprint").asText());
    }

    @Test
    void appendixA4_signingReproducesTheJwsByteForByte() throws Exception {
        JsonNode v = vector();
        SigningKey key = SigningKey.fromJwk(com.nimbusds.jose.jwk.JWK.parse(Json.write(v.get("privateJwk"))));
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("Example of Ed25519 signing"));
        jws.sign(new KeyJwsSigner(key));
        assertThat(jws.serialize()).isEqualTo(v.get("jws").asText());
    }

    @Test
    void appendixA5_theJwsVerifiesAndATamperedOneDoesNot() throws Exception {
        JsonNode v = vector();
        VerificationKey key = VerificationKey.parseJwk(Json.write(v.get("publicJwk")));
        assertThat(JWSObject.parse(v.get("jws").asText()).verify(new KeyJwsVerifier(key))).isTrue();
        String tampered = v.get("jws").asText().replace(".RXhh", ".RXha");
        assertThat(JWSObject.parse(tampered).verify(new KeyJwsVerifier(key))).isFalse();
    }
}
