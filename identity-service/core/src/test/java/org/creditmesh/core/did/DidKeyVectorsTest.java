package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.apicatalog.base.Base58;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.MulticodecValue;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.testing.SharedVectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The W3C CCG did:key test vectors ({@code ../shared/vectors/did-key/*.json}, the spec repository's
 * {@code test-vectors/}), checked against did:key v0.9 section 3.1 ("Read": Document Creation
 * Algorithm, Decode Public Key Algorithm, Signature Method Creation Algorithm).
 *
 * <p>What is compared: for every Ed25519, P-256 and secp256k1 vector, (1) the DID derived from the
 * vector's private key equals the vector's DID; (2) the key decoded from the DID equals the vector's
 * public key; (3) the document resolved in the vector's own representation ({@code publicKeyFormat}:
 * Ed25519VerificationKey2018, JsonWebKey2020, P256Key2021, EcdsaSecp256k1VerificationKey2019) has a
 * verification method whose JSON equals the vector's member for member, and the same authentication,
 * assertionMethod, capabilityInvocation and capabilityDelegation references; (4) the default Multikey
 * document carries the same key. Not compared: {@code @context} (the vectors add suite contexts per
 * representation) and {@code keyAgreement}, which our documents leave out (optional in the spec);
 * the derived X25519 key agreement key is checked separately against the Ed25519 vectors.
 */
class DidKeyVectorsTest {

    private static final List<VerificationRelationship> SIGNING_RELATIONSHIPS = List.of(
            VerificationRelationship.AUTHENTICATION, VerificationRelationship.ASSERTION_METHOD,
            VerificationRelationship.CAPABILITY_INVOCATION, VerificationRelationship.CAPABILITY_DELEGATION);

    private static JsonNode vectors(String file) throws Exception {
        return Json.parse(Files.readAllBytes(SharedVectors.vector("did-key/" + file)));
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode vectors) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        vectors.properties().forEach(out::add);
        return out;
    }

    @Test
    @DisplayName("ed25519-x25519.json: did:key v0.9 section 3.1 — Ed25519 DIDs, documents and derived X25519 keys")
    void ed25519VectorsDeriveAndResolve() throws Exception {
        List<Map.Entry<String, JsonNode>> vectors = entries(vectors("ed25519-x25519.json"));
        assertThat(vectors).hasSize(5);
        int formats = 0;
        for (Map.Entry<String, JsonNode> v : vectors) {
            String did = v.getKey();
            JsonNode vector = v.getValue();
            SigningKey signing = SigningKey.fromPrivateBytes(KeyType.ED25519, HexFormat.of().parseHex(vector.get("seed").asText()));
            JsonNode pair = vector.get("verificationKeyPair");
            VerificationKey expected = pair.has("publicKeyJwk")
                    ? VerificationKey.parseJwk(Json.write(pair.get("publicKeyJwk")))
                    : VerificationKey.of(KeyType.ED25519, Base58.decode(pair.get("publicKeyBase58").asText()));
            assertThat(signing.publicKey()).as(did).isEqualTo(expected);
            KeyFormat format = KeyFormat.fromType(pair.get("type").asText()).orElseThrow();
            assertDerivesAndResolves(did, signing.publicKey(), vector.get("didDocument"), format);

            // Encryption Method Creation Algorithm: X25519 from the Ed25519 key.
            JsonNode agreement = vector.get("keyAgreementKeyPair");
            String x25519 = DidKey.x25519KeyAgreementKey(expected);
            assertThat(agreement.get("id").asText()).as(did).endsWith("#" + x25519);
            byte[] raw = MulticodecValue.decodeMultibase(x25519).bytes();
            if (agreement.has("publicKeyBase58")) {
                assertThat(DidKey.x25519KeyAgreementKeyBase58(expected)).as(did)
                        .isEqualTo(agreement.get("publicKeyBase58").asText());
            } else {
                assertThat(Base64URL.encode(raw).toString()).as(did).isEqualTo(agreement.at("/publicKeyJwk/x").asText());
            }
            formats++;
        }
        assertThat(formats).isEqualTo(5);
    }

    @Test
    @DisplayName("nist-curves.json: did:key v0.9 section 3.1 — P-256 vectors resolve; P-384/P-521 fail cleanly")
    void nistVectorsResolveP256AndRefuseOtherCurves() throws Exception {
        int p256 = 0;
        int refused = 0;
        for (Map.Entry<String, JsonNode> v : entries(vectors("nist-curves.json"))) {
            String did = v.getKey();
            JsonNode vm = v.getValue().get("verificationMethod");
            String crv = vm.at("/publicKeyJwk/crv").asText();
            if (did.startsWith("did:key:zDn")) {
                SigningKey signing = vm.has("privateKeyJwk")
                        ? SigningKey.fromJwk(JWK.parse(Json.write(vm.get("privateKeyJwk"))))
                        : SigningKey.fromPrivateBytes(KeyType.P256, Base58.decode(vm.get("privateKeyBase58").asText()));
                KeyFormat format = KeyFormat.fromType(vm.get("type").asText()).orElseThrow();
                assertDerivesAndResolves(did, signing.publicKey(), v.getValue().get("didDocument"), format);
                p256++;
            } else {
                assertThat(crv).isIn("P-384", "P-521");
                assertRefusedAsUnsupported(did);
                refused++;
            }
        }
        assertThat(p256).isEqualTo(3);
        assertThat(refused).isEqualTo(4);
    }

    @Test
    @DisplayName("secp256k1.json: did:key v0.9 section 3.1 — secp256k1 DIDs and documents")
    void secp256k1VectorsDeriveAndResolve() throws Exception {
        List<Map.Entry<String, JsonNode>> vectors = entries(vectors("secp256k1.json"));
        assertThat(vectors).hasSize(6);
        for (Map.Entry<String, JsonNode> v : vectors) {
            JsonNode pair = v.getValue().get("verificationKeyPair");
            SigningKey signing = pair.has("privateKeyJwk")
                    ? SigningKey.fromJwk(JWK.parse(Json.write(pair.get("privateKeyJwk"))))
                    : SigningKey.fromPrivateBytes(KeyType.SECP256K1, Base58.decode(pair.get("privateKeyBase58").asText()));
            KeyFormat format = KeyFormat.fromType(pair.get("type").asText()).orElseThrow();
            assertDerivesAndResolves(v.getKey(), signing.publicKey(), v.getValue().get("didDocument"), format);
        }
    }

    @Test
    @DisplayName("bls12381.json, rsa.json, x25519.json: unsupported key types fail with unsupported_key_type")
    void unsupportedKeyTypesAreRefusedCleanly() throws Exception {
        List<String> dids = new ArrayList<>();
        entries(vectors("bls12381.json")).forEach(e -> dids.add(e.getKey()));
        entries(vectors("rsa.json")).forEach(e -> dids.add(e.getKey()));
        entries(vectors("x25519.json").get("didDocument")).forEach(e -> dids.add(e.getKey()));
        assertThat(dids).hasSize(6 + 2 + 4);
        for (String did : dids) {
            assertRefusedAsUnsupported(did);
        }
    }

    private static void assertRefusedAsUnsupported(String did) {
        DidException e = catchThrowableOfType(DidException.class, () -> new DidKey().resolve(did));
        assertThat(e).as(did).isNotNull();
        assertThat(e.error()).as(did).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }

    private static void assertDerivesAndResolves(String did, VerificationKey key, JsonNode expectedDocument, KeyFormat format)
            throws Exception {
        assertThat(DidKey.create(key).toString()).as("DID derived from the key").isEqualTo(did);
        assertThat(DidKey.publicKey(did)).as(did).isEqualTo(key);

        DidDocument document = new DidKey(format).resolve(did);
        assertThat(document.id().toString()).isEqualTo(expectedDocument.get("id").asText());
        assertThat(document.verificationMethod()).hasSize(1);
        JsonNode expectedMethod = expectedDocument.get("verificationMethod").get(0);
        assertThat(document.verificationMethod().get(0).toJson()).as(did + " verification method").isEqualTo(expectedMethod);
        JsonNode actual = document.toJson();
        for (VerificationRelationship r : SIGNING_RELATIONSHIPS) {
            assertThat(actual.get(r.member())).as(did + " " + r.member()).isEqualTo(expectedDocument.get(r.member()));
        }

        DidDocument multikey = new DidKey().resolve(did);
        VerificationMethod method = multikey.verificationMethod().get(0);
        assertThat(method.type()).isEqualTo("Multikey");
        assertThat(method.id()).isEqualTo(did + "#" + did.substring("did:key:".length()));
        assertThat(method.key()).isEqualTo(key);
        assertThat(method.toJson().get("publicKeyMultibase").asText()).isEqualTo(did.substring("did:key:".length()));
        assertThat(new DidKey().resolveVerificationMethod(method.id()).key()).isEqualTo(key);
        assertThat(DidDocument.parse(multikey.serialize())).isEqualTo(multikey);
    }
}
