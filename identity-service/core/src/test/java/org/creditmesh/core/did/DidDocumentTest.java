package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.junit.jupiter.api.Test;

/** DID documents, W3C DID Core 1.0 section 5 and Controlled Identifiers 1.0 section 2.2. */
class DidDocumentTest {

    /** DID Core 1.0 Example 13 ("Various verification method types"), with the Multikey and JsonWebKey forms of CID 1.0. */
    private static final String EXAMPLE = """
            {
              "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
              "id": "did:example:123456789abcdefghi",
              "controller": "did:example:bcehfew7h32f32h7af3",
              "alsoKnownAs": ["https://bureau.example"],
              "verificationMethod": [{
                "id": "did:example:123456789abcdefghi#keys-1",
                "type": "Multikey",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyMultibase": "z6MkmM42vxfqZQsv4ehtTjFFxQ4sQKS2w6WR7emozFAn5cxu"
              }, {
                "id": "#keys-2",
                "type": "JsonWebKey",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519", "x": "VCpo2LMLhn6iWku8MKvSLg2ZAoC-nlOyPVQaO3FxVeQ"}
              }],
              "authentication": ["#keys-1", {
                "id": "did:example:123456789abcdefghi#keys-3",
                "type": "Ed25519VerificationKey2020",
                "controller": "did:example:123456789abcdefghi",
                "publicKeyMultibase": "z6MkmM42vxfqZQsv4ehtTjFFxQ4sQKS2w6WR7emozFAn5cxu"
              }],
              "assertionMethod": ["did:example:123456789abcdefghi#keys-2"],
              "service": [{"id": "#linked-domain", "type": "LinkedDomains", "serviceEndpoint": "https://bar.example.com"}],
              "x-extension": {"kept": true}
            }""";

    @Test
    void parsesAllMembersAndRoundTrips() throws Exception {
        DidDocument doc = DidDocument.parse(EXAMPLE);
        assertThat(doc.id().toString()).isEqualTo("did:example:123456789abcdefghi");
        assertThat(doc.controller()).containsExactly("did:example:bcehfew7h32f32h7af3");
        assertThat(doc.verificationMethod()).extracting(VerificationMethod::id).containsExactly(
                "did:example:123456789abcdefghi#keys-1", "did:example:123456789abcdefghi#keys-2");
        assertThat(doc.verificationMethod().get(1).format()).isEqualTo(KeyFormat.JSON_WEB_KEY);
        assertThat(doc.relationship(VerificationRelationship.AUTHENTICATION)).hasSize(2);
        assertThat(doc.relationship(VerificationRelationship.AUTHENTICATION).get(1)).isInstanceOf(MethodReference.Embedded.class);
        assertThat(doc.service().get(0).id()).isEqualTo("did:example:123456789abcdefghi#linked-domain");
        assertThat(doc.otherMembers()).containsKey("x-extension");

        DidDocument again = DidDocument.parse(doc.serialize());
        assertThat(again).isEqualTo(doc);
        assertThat(again.serialize()).isEqualTo(doc.serialize());
        assertThat(Json.parse(doc.serialize()).get("x-extension")).isEqualTo(Json.parse("{\"kept\":true}"));
    }

    @Test
    void findsMethodsAndChecksRelationships() throws Exception {
        DidDocument doc = DidDocument.parse(EXAMPLE);
        assertThat(doc.findVerificationMethod("#keys-2")).isPresent();
        assertThat(doc.findVerificationMethod("did:example:123456789abcdefghi#keys-3")).isPresent();
        assertThat(doc.findVerificationMethod("#nope")).isEmpty();
        // keys-2 may assert but not authenticate; the embedded keys-3 only authenticates.
        assertThat(doc.authorizedMethod(VerificationRelationship.ASSERTION_METHOD, "#keys-2")).isPresent();
        assertThat(doc.authorizedMethod(VerificationRelationship.AUTHENTICATION, "#keys-2")).isEmpty();
        assertThat(doc.authorizedMethod(VerificationRelationship.AUTHENTICATION, "#keys-3")).isPresent();
        assertThat(doc.authorizedMethod(VerificationRelationship.ASSERTION_METHOD, "#keys-3")).isEmpty();
        assertThat(doc.verificationMethods(VerificationRelationship.AUTHENTICATION)).extracting(VerificationMethod::id)
                .containsExactly("did:example:123456789abcdefghi#keys-1", "did:example:123456789abcdefghi#keys-3");
    }

    @Test
    void builtDocumentsRoundTripInEveryKeyFormat() throws Exception {
        Did did = Did.parse("did:example:issuer");
        DidDocument.Builder b = DidDocument.builder(did).context("https://www.w3.org/ns/did/v1");
        int i = 0;
        for (KeyFormat format : KeyFormat.values()) {
            for (KeyType type : KeyType.values()) {
                if (format.supports(type)) {
                    VerificationKey key = SigningKey.generate(type).publicKey();
                    String id = did + "#k" + i++;
                    b.verificationMethod(new VerificationMethod(id, format, did.toString(), key))
                            .reference(VerificationRelationship.ASSERTION_METHOD, id);
                }
            }
        }
        DidDocument doc = b.build();
        assertThat(doc.verificationMethod()).hasSize(3 * 3 + 4);
        assertThat(DidDocument.parse(doc.serialize())).isEqualTo(doc);
    }

    @Test
    void refusesUnsupportedMethodTypes() {
        DidException e = catchThrowableOfType(DidException.class, () -> DidDocument.parse("""
                {"id":"did:example:1","verificationMethod":[{"id":"#k","type":"RsaVerificationKey2018",
                 "controller":"did:example:1","publicKeyPem":"-----BEGIN PUBLIC KEY-----"}]}"""));
        assertThat(e.error()).isEqualTo(DidError.UNSUPPORTED_KEY_TYPE);
    }

    @Test
    void refusesAKeyOfTheWrongCurveForItsType() {
        String p256 = SigningKey.generate(KeyType.P256).publicKey().toMultikey();
        DidException e = catchThrowableOfType(DidException.class, () -> DidDocument.parse("""
                {"id":"did:example:1","verificationMethod":[{"id":"#k","type":"Ed25519VerificationKey2020",
                 "controller":"did:example:1","publicKeyMultibase":"%s"}]}""".formatted(p256)));
        assertThat(e.error()).isEqualTo(DidError.INVALID_DOCUMENT);
    }

    @Test
    void refusesDuplicateJsonMembers() {
        DidException e = catchThrowableOfType(DidException.class,
                () -> DidDocument.parse("{\"id\":\"did:example:1\",\"id\":\"did:example:2\"}"));
        assertThat(e.error()).isEqualTo(DidError.INVALID_DOCUMENT);
    }
}
