package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.w3c.SuiteClient.assertRefused;
import static org.creditmesh.identity.server.w3c.SuiteClient.issueBody;
import static org.creditmesh.identity.server.w3c.SuiteClient.issued;
import static org.creditmesh.identity.server.w3c.SuiteClient.object;
import static org.creditmesh.identity.server.w3c.SuiteClient.post;
import static org.creditmesh.identity.server.w3c.SuiteClient.verifyBody;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the W3C vc-di-eddsa suite (tag eddsa-rdfc-2022) and the Data Integrity assertions it runs check: issued proofs
 * are DataIntegrityProof / eddsa-rdfc-2022 with a base58btc proofValue and a did:key verification method, for VCDM
 * 1.1 and 2.0 inputs; the verifier accepts a VCDM 1.1 credential signed by a foreign did:key, proof sets and proof
 * chains, and refuses (400/422) every broken proof the suite generates.
 */
@QuarkusTest
@TestProfile(OpenVerifierProfile.class)
class DataIntegrityEddsaSuiteTest {

    @Inject
    IssuerKeys keys;

    private final ForeignIssuer foreign = new ForeignIssuer();

    private static Response verify(JsonNode credential) {
        return post("/credentials/verify", verifyBody("verifiableCredential", credential));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2"})
    @DisplayName("eddsa suite, issuer: 'The type property MUST be DataIntegrityProof', 'cryptosuite ... eddsa-rdfc-2022', "
            + "'proofValue ... base-58-btc', 'publicKeyMultibase ... MUST start with ... z'")
    void issuedProofsHaveTheSuitesShape(String baseContext) throws Exception {
        ObjectNode credential = object("{\"type\": [\"VerifiableCredential\"], \"credentialSubject\": {\"id\": \"did:example:subject\", \"name\": \"x\"}}");
        credential.putArray("@context").add(baseContext);
        if (baseContext.contains("2018")) {
            credential.put("issuanceDate", "2024-03-16T22:37:26Z");
            ((ObjectNode) credential.get("credentialSubject")).remove("name");
        }
        credential.put("id", "urn:uuid:" + UUID.randomUUID());
        credential.put("issuer", keys.issuer().issuer());
        ObjectNode vc = issued(post("/credentials/issue", issueBody(credential)));
        JsonNode proof = vc.get("proof");
        assertThat(proof.path("type").asText()).isEqualTo("DataIntegrityProof");
        assertThat(proof.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proof.path("proofPurpose").asText()).isEqualTo("assertionMethod");
        assertThat(OffsetDateTime.parse(proof.path("created").asText())).isNotNull();
        String proofValue = proof.path("proofValue").asText();
        assertThat(proofValue).startsWith("z").matches("z[1-9A-HJ-NP-Za-km-z]+");
        assertThat(Multibase.BASE_58_BTC.decode(proofValue)).hasSize(64);
        String method = proof.path("verificationMethod").asText();
        assertThat(method).startsWith(keys.issuer().issuer() + "#");
        String multibaseKey = method.substring(method.indexOf('#') + 1);
        assertThat(multibaseKey).startsWith("z6Mk");
        assertThat(DidKey.publicKey(method.substring(0, method.indexOf('#')))).isNotNull();
        assertThat(verify(vc).statusCode()).as("the issuer's own credential verifies").isEqualTo(200);
    }

    private ObjectNode vcdm11() {
        ObjectNode credential = object("""
                {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
                 "issuanceDate": "2020-03-16T22:37:26.544Z"}""");
        credential.put("id", "urn:uuid:" + UUID.randomUUID());
        credential.put("issuer", foreign.did);
        credential.putObject("credentialSubject").put("id", foreign.did);
        return credential;
    }

    @Test
    @DisplayName("eddsa suite, verifier: a VCDM 1.1 credential signed with eddsa-rdfc-2022 by an unaccredited did:key verifies")
    void verifiesAForeignVcdm11Credential() throws Exception {
        Response r = verify(foreign.sign(vcdm11()));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
    }

    private void refusedWhen(String what, Consumer<ObjectNode> change) throws Exception {
        ObjectNode credential = foreign.sign(vcdm11());
        change.accept(credential);
        assertRefused(verify(credential), what);
    }

    private static ObjectNode proof(ObjectNode credential) {
        return (ObjectNode) credential.get("proof");
    }

    @Test
    @DisplayName("Data Integrity verifier assertions: proof not a map, document not a map, missing type / "
            + "verificationMethod / proofPurpose / proofValue, wrong purpose, type, cryptosuite, multibase header")
    void refusesEveryBrokenProof() throws Exception {
        refusedWhen("proof null", c -> c.putNull("proof"));
        refusedWhen("no proof", c -> c.remove("proof"));
        for (String member : new String[] {"type", "verificationMethod", "proofPurpose", "proofValue"}) {
            refusedWhen("no proof." + member, c -> proof(c).remove(member));
        }
        refusedWhen("proofValue null", c -> proof(c).putNull("proofValue"));
        refusedWhen("proofValue without its multibase header", c -> proof(c).put("proofValue", proof(c).get("proofValue").asText().substring(1)));
        refusedWhen("proofPurpose invalidPurpose", c -> proof(c).put("proofPurpose", "invalidPurpose"));
        refusedWhen("proof type UnknownProofType", c -> proof(c).put("type", "UnknownProofType"));
        refusedWhen("cryptosuite UnknownCryptosuite", c -> proof(c).put("cryptosuite", "UnknownCryptosuite"));
        refusedWhen("verificationMethod did:key:invalidVm", c -> proof(c).put("verificationMethod", "did:key:invalidVm"));

        ObjectNode signed = foreign.sign(vcdm11());
        ObjectNode body = Json.mapper().createObjectNode().put("verifiableCredential", Json.write(signed));
        body.putObject("options");
        assertRefused(post("/credentials/verify", body), "the credential as a string holding JSON");
    }

    @Test
    @DisplayName("Data Integrity verifier assertions: 'MUST throw ... DATA_LOSS_DETECTION_ERROR when data is dropped': "
            + "an undefined term or type added after signing, and a relative type once its @base is gone")
    void refusesWhatAJsonLdProcessorWouldDrop() throws Exception {
        refusedWhen("undefined term in the subject", c -> ((ObjectNode) c.get("credentialSubject")).put("undefinedTerm", "IfDroppedWillVerify"));
        refusedWhen("undefined type", c -> ((ArrayNode) c.get("type")).add("UndefinedType"));

        ObjectNode withBase = vcdm11();
        ((ArrayNode) withBase.get("@context")).addObject().put("@base", "https://invalid.example.com/");
        ((ArrayNode) withBase.get("type")).add("UndefinedCredential");
        ObjectNode signed = foreign.sign(withBase);
        ArrayNode context = (ArrayNode) signed.get("@context");
        for (int i = context.size() - 1; i >= 0; i--) {
            if (context.get(i).isObject() && context.get(i).has("@base")) {
                context.remove(i);
            }
        }
        assertRefused(verify(signed), "a relative type after the @base context was removed");
    }

    @Test
    @DisplayName("Data Integrity verifier assertions (proofChain): 'If an unordered list (proof), all referenced proofs in the array MUST verify', "
            + "previousProof as a string or a list, a missing previous proof and a broken one")
    void proofSetsAndChains() throws Exception {
        ObjectNode set = foreign.sign(foreign.sign(vcdm11()));
        assertThat(set.get("proof").size()).isEqualTo(2);
        assertThat(verify(set).statusCode()).isEqualTo(200);

        ObjectNode first = foreign.chain(vcdm11(), "urn:uuid:first-proof", List.of());
        assertThat(verify(foreign.chain(first, null, List.of("urn:uuid:first-proof"))).statusCode()).isEqualTo(200);
        ObjectNode listed = foreign.chain(first, null, List.of("urn:uuid:first-proof"));
        ((ObjectNode) listed.at("/proof/1")).putArray("previousProof").add("urn:uuid:first-proof");
        assertThat(verify(listed).statusCode()).as("previousProof as a one-element list means the same proof").isEqualTo(200);

        ObjectNode missing = foreign.chain(first, null, List.of("urn:uuid:first-proof"));
        ((ObjectNode) missing.at("/proof/1")).put("previousProof", "urn:uuid:missing-proof");
        assertRefused(verify(missing), "previousProof naming no proof of the set");
        ObjectNode broken = foreign.chain(first, null, List.of("urn:uuid:first-proof"));
        ((ObjectNode) broken.at("/proof/0")).put("proofValue", "invalidProofValue");
        assertRefused(verify(broken), "a chain whose first proof does not verify");
    }
}
