package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The did:jwk method specification (github.com/quartzjer/did-jwk, spec.md), its "Examples" section. */
class DidJwkTest {

    /** spec.md, Examples, "P-256", "DID". */
    private static final String P256_DID = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoy"
            + "dHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9";

    /** spec.md, Examples, "P-256", "DID Document": the publicKeyJwk. */
    private static final String P256_JWK = """
            {"crv":"P-256","kty":"EC","x":"acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0","y":"_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE"}""";

    /** spec.md, Examples, "X25519", "DID". */
    private static final String X25519_DID = "did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJYMjU1MTkiLCJ1c2UiOiJlbmMiLCJ4IjoiM3A3YmZYdDl3"
            + "YlRUVzJIQzdPUTFOei1EUThoYmVHZE5yZngtRkctSUswOCJ9";

    @Test
    @DisplayName("did:jwk spec, Examples / P-256: the key's DID and the DID Document")
    void p256ExampleCreatesAndResolvesAsTheSpecShows() throws Exception {
        VerificationKey key = VerificationKey.parseJwk(P256_JWK);
        // Create: our lexicographic JWK serialization is the one the example used.
        assertThat(DidJwk.create(key).toString()).isEqualTo(P256_DID);

        DidDocument document = new DidJwk().resolve(P256_DID);
        JsonNode json = document.toJson();
        String vmId = P256_DID + "#0";
        assertThat(json.get("@context")).isEqualTo(Json.parse(
                "[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/suites/jws-2020/v1\"]"));
        assertThat(json.get("id").asText()).isEqualTo(P256_DID);
        JsonNode vm = json.get("verificationMethod").get(0);
        assertThat(vm.get("id").asText()).isEqualTo(vmId);
        assertThat(vm.get("type").asText()).isEqualTo("JsonWebKey2020");
        assertThat(vm.get("controller").asText()).isEqualTo(P256_DID);
        assertThat(vm.get("publicKeyJwk")).isEqualTo(Json.parse(P256_JWK));
        // The example's authentication entry has a stray '$' (a typo in the spec); all five relationships
        // reference #0, as the template in "To create the DID Document" shows.
        for (VerificationRelationship r : VerificationRelationship.values()) {
            assertThat(json.get(r.member())).as(r.member()).isEqualTo(Json.parse("[\"" + vmId + "\"]"));
        }
        assertThat(new DidJwk().resolveVerificationMethod(vmId).key()).isEqualTo(key);
        assertThat(DidJwk.publicKey(P256_DID)).isEqualTo(key);
    }

    @Test
    @DisplayName("did:jwk spec, Examples / X25519: an encryption-only key type CreditMesh does not support")
    void x25519ExampleIsRefusedAsUnsupported() {
        DidException e = catchThrowableOfType(DidException.class, () -> new DidJwk().resolve(X25519_DID));
        assertThat(e.error()).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }

    @Test
    void signatureOnlyKeysGetNoKeyAgreement() throws Exception {
        VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
        String jwk = Json.write(Json.parseObject(key.toJwk().toJSONString()).put("use", "sig"));
        String did = "did:jwk:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(jwk.getBytes());
        DidDocument document = new DidJwk().resolve(did);
        assertThat(document.relationship(VerificationRelationship.KEY_AGREEMENT)).isEmpty();
        assertThat(document.authorizedMethod(VerificationRelationship.ASSERTION_METHOD, "#0")).isPresent();
    }

    @Test
    void everySupportedKeyTypeRoundTripsThroughItsDid() throws Exception {
        for (KeyType type : KeyType.values()) {
            VerificationKey key = SigningKey.generate(type).publicKey();
            Did did = DidJwk.create(key);
            assertThat(DidJwk.publicKey(did.toString())).isEqualTo(key);
            assertThat(new DidJwk().resolve(did.toString()).verificationMethod().get(0).key()).isEqualTo(key);
        }
    }

    @Test
    void refusesDidJwkWithPrivateKey() throws Exception {
        SigningKey signing = SigningKey.generate(KeyType.P256);
        String did = "did:jwk:" + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signing.exportPrivateJwk().toJSONString().getBytes());
        DidException e = catchThrowableOfType(DidException.class, () -> new DidJwk().resolve(did));
        assertThat(e.error()).isEqualTo(DidError.PRIVATE_KEY_MATERIAL);
        assertThat(e.getMessage()).doesNotContain(signing.exportPrivateJwk().toJSONObject().get("d").toString());
    }
}
