package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.w3c.SuiteClient.assertRefused;
import static org.creditmesh.identity.server.w3c.SuiteClient.object;
import static org.creditmesh.identity.server.w3c.SuiteClient.post;
import static org.creditmesh.identity.server.w3c.SuiteClient.verifyBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.function.Consumer;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the W3C-CCG VC-API verifier suite ("Verify Credential - Data Integrity", tag vc-api) sends: a VCDM 2.0
 * credential with the examples context and an Ed25519Signature2020 proof by a did:key, in
 * {@code {verifiableCredential, options: {checks: ["proof"]}}}; 200 when valid, 400/422 for each member removed
 * or of the wrong JSON type. The trust check is reported as skipped, not passed, in this open mode.
 */
@QuarkusTest
@TestProfile(OpenVerifierProfile.class)
class VcApiVerifierSuiteTest {

    private final ForeignIssuer issuer = new ForeignIssuer();
    private ObjectNode valid;

    @BeforeEach
    void signAnAlumniCredential() throws Exception {
        ObjectNode unsigned = object("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2",
                              "https://w3id.org/security/suites/ed25519-2020/v1"],
                 "id": "urn:uuid:6a1f3c2e-8d7b-4e0a-9c51-2b3d4e5f6a7b", "type": ["VerifiableCredential", "AlumniCredential"],
                 "name": "Alumni Credential", "description": "Our own alumni example.", "validFrom": "2024-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:graduate", "alumniOf": "The School of Examples"}}""");
        unsigned.put("issuer", issuer.did);
        valid = issuer.signEd25519Signature2020(unsigned);
    }

    private Response verify(JsonNode credential) {
        return post("/credentials/verify", verifyBody("verifiableCredential", credential));
    }

    @Test
    @DisplayName("vc-api verifier suite: 'MUST verify a valid VC.' (Ed25519Signature2020, issuer never accredited: trust skipped)")
    void verifiesAValidCredentialAndReportsTrustAsSkipped() {
        Response r = verify(valid);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonNode report = object(r.asString());
        assertThat(report.path("verified").asBoolean()).isTrue();
        JsonNode trust = null;
        for (JsonNode check : report.get("checks")) {
            if (check.path("check").asText().equals("issuer_trust")) {
                trust = check;
            }
        }
        assertThat(trust).isNotNull();
        assertThat(trust.path("outcome").asText()).isEqualTo("skipped");
        assertThat(trust.path("detail").asText()).contains("creditmesh.trust.enforce=false");
    }

    @Test
    @DisplayName("vc-api verifier suite's own vector names an issuer URL that does not control the signing did:key: refused (deliberate)")
    void refusesACredentialWhoseIssuerDidNotSignIt() throws Exception {
        ObjectNode unsigned = valid.deepCopy();
        unsigned.remove("proof");
        unsigned.put("issuer", "https://vc.example/issuers/5678");
        Response r = verify(issuer.signEd25519Signature2020(unsigned));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("key_not_resolved");
    }

    private void refusedWhen(String what, Consumer<ObjectNode> change) {
        ObjectNode credential = valid.deepCopy();
        change.accept(credential);
        assertRefused(verify(credential), what);
    }

    @Test
    @DisplayName("vc-api verifier suite: 'MUST not verify if ... property is missing' for @context, type, issuer, credentialSubject, proof and each proof member")
    void refusesEachRequiredMemberMissing() {
        for (String member : new String[] {"@context", "type", "issuer", "credentialSubject", "proof"}) {
            refusedWhen("no " + member, c -> c.remove(member));
        }
        for (String member : new String[] {"type", "created", "verificationMethod", "proofValue", "proofPurpose"}) {
            refusedWhen("no proof." + member, c -> ((ObjectNode) c.get("proof")).remove(member));
        }
    }

    @Test
    @DisplayName("vc-api verifier suite: 'MUST not verify if ... is not' an array / strings / object: every wrong JSON type is 400/422")
    void refusesEachWrongJsonType() {
        JsonNode nul = Json.mapper().nullNode();
        JsonNode emptyArray = Json.mapper().createArrayNode();
        JsonNode emptyObject = Json.mapper().createObjectNode();
        JsonNode[] scalars = {Json.toNode("string"), emptyObject, nul, Json.toNode(10), Json.toNode(true)};
        for (JsonNode value : scalars) {
            refusedWhen("@context " + value, c -> c.set("@context", value));
            refusedWhen("type " + value, c -> c.set("type", value));
        }
        for (JsonNode value : new JsonNode[] {emptyArray, nul, Json.toNode(10), Json.toNode(true)}) {
            refusedWhen("@context [" + value + "]", c -> c.set("@context", Json.mapper().createArrayNode().add(value)));
            refusedWhen("issuer " + value, c -> c.set("issuer", value));
        }
        for (JsonNode value : new JsonNode[] {emptyArray, emptyObject, nul, Json.toNode(10), Json.toNode(true)}) {
            refusedWhen("type [" + value + "]", c -> c.set("type", Json.mapper().createArrayNode().add(value)));
        }
        for (JsonNode value : new JsonNode[] {Json.toNode("string"), nul, Json.toNode(10), Json.toNode(true), emptyArray}) {
            refusedWhen("credentialSubject " + value, c -> c.set("credentialSubject", value));
            refusedWhen("proof " + value, c -> c.set("proof", value));
        }
    }
}
