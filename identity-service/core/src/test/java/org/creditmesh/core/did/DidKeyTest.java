package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.Test;

/** did:key v0.9 section 3.1 (Read) and 3.2 (Create) beyond the shared vectors. */
class DidKeyTest {

    @Test
    void createsTheSpecPrefixesForEachKeyTypeAndResolvesBack() throws Exception {
        String[] prefixes = {"did:key:z6Mk", "did:key:zDn", "did:key:zQ3s"};
        for (KeyType type : KeyType.values()) {
            VerificationKey key = SigningKey.generate(type).publicKey();
            Did did = DidKey.create(key);
            assertThat(did.toString()).startsWith(prefixes[type.ordinal()]);
            DidDocument doc = new DidKey().resolve(did.toString());
            assertThat(doc.toJson().get("@context")).isEqualTo(Json.parse(
                    "[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/multikey/v1\"]"));
            String vmId = did + "#" + did.methodSpecificId();
            for (VerificationRelationship r : new VerificationRelationship[] {VerificationRelationship.AUTHENTICATION,
                    VerificationRelationship.ASSERTION_METHOD, VerificationRelationship.CAPABILITY_INVOCATION,
                    VerificationRelationship.CAPABILITY_DELEGATION}) {
                assertThat(doc.authorizedMethod(r, vmId).orElseThrow().key()).isEqualTo(key);
            }
            assertThat(doc.relationship(VerificationRelationship.KEY_AGREEMENT)).isEmpty();
            DidDocument jwk = new DidKey(KeyFormat.JSON_WEB_KEY).resolve(did.toString());
            assertThat(jwk.verificationMethod().get(0).toJson().get("publicKeyJwk").get("crv").asText()).isEqualTo(type.curveName());
        }
    }

    @Test
    void acceptsVersionOneAndRefusesOtherVersions() throws Exception {
        VerificationKey key = SigningKey.generate(KeyType.ED25519).publicKey();
        String value = key.toMultikey();
        assertThat(DidKey.publicKey("did:key:1:" + value)).isEqualTo(key);
        DidException e = catchThrowableOfType(DidException.class, () -> DidKey.publicKey("did:key:2:" + value));
        assertThat(e.error()).isEqualTo(DidError.INVALID_DID);
    }

    @Test
    void refusesALegacyFormatThatCannotCarryTheKey() {
        String p256 = DidKey.create(SigningKey.generate(KeyType.P256).publicKey()).toString();
        DidException e = catchThrowableOfType(DidException.class,
                () -> new DidKey(KeyFormat.ED25519_VERIFICATION_KEY_2018).resolve(p256));
        assertThat(e.error()).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }

    @Test
    void x25519DerivationNeedsAnEd25519Key() {
        DidException e = catchThrowableOfType(DidException.class,
                () -> DidKey.x25519KeyAgreementKey(SigningKey.generate(KeyType.SECP256K1).publicKey()));
        assertThat(e.error()).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }
}
