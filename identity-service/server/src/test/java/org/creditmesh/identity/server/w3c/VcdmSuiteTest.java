package org.creditmesh.identity.server.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.w3c.SuiteClient.assertRefused;
import static org.creditmesh.identity.server.w3c.SuiteClient.issueBody;
import static org.creditmesh.identity.server.w3c.SuiteClient.issued;
import static org.creditmesh.identity.server.w3c.SuiteClient.object;
import static org.creditmesh.identity.server.w3c.SuiteClient.post;
import static org.creditmesh.identity.server.w3c.SuiteClient.verifyBody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the W3C VCDM 2.0 suite (tag vc2.0) asks of an issuer and a presentation verifier, with our own inputs:
 * credentials that bring their own credentialStatus are issued (sections 4.5 and 4.10), broken ones refused;
 * relatedResource (section 5.3); presentations signed by a key that names no holder, or a holder who is not the
 * subject, verify with the suite's challenge and domain (section 4.13), and broken ones do not.
 */
@QuarkusTest
@TestProfile(OpenVerifierProfile.class)
class VcdmSuiteTest {

    private static final String CHALLENGE = "u" + "Zm9yLXRoZS1zdWl0ZXM";
    private static final String DOMAIN = "github.com/w3c/vc-data-model-2.0-test-suite";

    @Inject
    IssuerKeys keys;

    private final ForeignIssuer presenter = new ForeignIssuer();

    private ObjectNode credential(String extraContext) {
        ObjectNode credential = object("""
                {"type": ["VerifiableCredential"], "credentialSubject": {"id": "did:example:subject"}}""");
        ArrayNode context = credential.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        if (extraContext != null) {
            context.add(object(extraContext));
        }
        credential.put("issuer", keys.issuer().issuer());
        return credential;
    }

    @Test
    @DisplayName("vc2.0 suite, Types / Status: '`credentialStatus` objects MUST have a type specified.' and "
            + "'If present (credentialStatus.id), ... Identifiers MUST be followed': the caller's entries are kept, ours added")
    void issuesACredentialWithTheCallersStatusEntry() {
        String statusContext = "{\"ExampleStatusEntry\": \"https://example.org/vocab#ExampleStatusEntry\"}";
        ObjectNode withId = credential(statusContext);
        withId.putObject("credentialStatus").put("id", "https://example.org/status/7").put("type", "ExampleStatusEntry");
        ObjectNode vc = issued(post("/credentials/issue", issueBody(withId)));
        JsonNode status = vc.get("credentialStatus");
        assertThat(status.isArray()).isTrue();
        assertThat(status.get(0).path("type").asText()).isEqualTo("ExampleStatusEntry");
        assertThat(status.get(1).path("type").asText()).isEqualTo("BitstringStatusListEntry");

        ObjectNode withoutId = credential(statusContext);
        withoutId.putObject("credentialStatus").put("type", "ExampleStatusEntry");
        issued(post("/credentials/issue", issueBody(withoutId)));

        ObjectNode noType = credential(statusContext);
        noType.putObject("credentialStatus").put("id", "https://example.org/status/7");
        assertRefused(post("/credentials/issue", issueBody(noType)), "credentialStatus without a type");
        ObjectNode twoIds = credential(statusContext);
        twoIds.putObject("credentialStatus").put("type", "ExampleStatusEntry").putArray("id").add("urn:a:1").add("urn:a:2");
        assertRefused(post("/credentials/issue", issueBody(twoIds)), "credentialStatus with two ids");
        ObjectNode notUrl = credential(statusContext);
        notUrl.putObject("credentialStatus").put("type", "ExampleStatusEntry").put("id", "not a url");
        assertRefused(post("/credentials/issue", issueBody(notUrl)), "credentialStatus id not a URL");
        ObjectNode numberType = credential(statusContext);
        numberType.putObject("credentialStatus").put("id", "https://example.org/status/7").put("type", 2);
        assertRefused(post("/credentials/issue", issueBody(numberType)), "credentialStatus type a number");
    }

    @Test
    @DisplayName("vc2.0 suite, Advanced Concepts: relatedResource objects, their ids and digests")
    void relatedResources() {
        String sri = "sha384-" + java.util.Base64.getEncoder().encodeToString(new byte[48]);
        ObjectNode ok = credential(null);
        ok.putObject("relatedResource").put("id", "https://example.org/terms").put("digestSRI", sri);
        issued(post("/credentials/issue", issueBody(ok)));
        ObjectNode strings = credential(null);
        strings.putArray("relatedResource").add("https://example.org/terms");
        assertRefused(post("/credentials/issue", issueBody(strings)), "relatedResource as strings");
        ObjectNode noDigest = credential(null);
        noDigest.putArray("relatedResource").addObject().put("id", "https://example.org/terms");
        assertRefused(post("/credentials/issue", issueBody(noDigest)), "relatedResource without a digest");
        ObjectNode urlSafeSri = credential(null);
        urlSafeSri.putObject("relatedResource").put("id", "https://example.org/terms").put("digestSRI", "sha384-" + "_-".repeat(32));
        assertRefused(post("/credentials/issue", issueBody(urlSafeSri)), "digestSRI in base64url");
    }

    /** A presentation as the suite makes one: signed by its own did:key, naming no holder, with a credential by it. */
    private ObjectNode presentation(boolean withHolder) throws Exception {
        ObjectNode embedded = object("""
                {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
                 "credentialSubject": {"id": "did:example:subject"}}""");
        embedded.put("issuer", presenter.did);
        ObjectNode vp = object("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"type\": [\"VerifiablePresentation\"]}");
        if (withHolder) {
            vp.put("holder", presenter.did);
        }
        vp.putArray("verifiableCredential").add(presenter.sign(embedded));
        return presenter.present(vp, CHALLENGE, DOMAIN);
    }

    private static Response verifyPresentation(JsonNode vp) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("verifiablePresentation", vp);
        body.putObject("options").put("challenge", CHALLENGE).put("domain", DOMAIN);
        return post("/presentations/verify", body);
    }

    @Test
    @DisplayName("vc2.0 suite, Verifiable Presentations: a VP with no holder, and one whose holder is not the subject, verify")
    void verifiesPresentationsVcdm2Allows() throws Exception {
        for (boolean withHolder : new boolean[] {false, true}) {
            Response r = verifyPresentation(presentation(withHolder));
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
            assertThat(object(r.asString()).at("/credentials/0/verified").asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("vc2.0 suite, Contexts / Algorithms / Conformance: no @context, a changed proofValue, another challenge "
            + "and a non-conforming document are refused")
    void refusesBrokenPresentations() throws Exception {
        ObjectNode noContext = presentation(false);
        noContext.remove("@context");
        assertRefused(verifyPresentation(noContext), "no @context");
        ObjectNode tampered = presentation(false);
        ((ObjectNode) tampered.get("proof")).put("proofValue", "z5nmMBw2u9TGKd9NxxHJtyZKgjN2Eh");
        assertRefused(verifyPresentation(tampered), "proofValue changed");
        ObjectNode other = Json.mapper().createObjectNode();
        other.set("verifiablePresentation", presentation(false));
        other.putObject("options").put("challenge", "another").put("domain", DOMAIN);
        assertRefused(post("/presentations/verify", other), "another challenge");
        ObjectNode nonconforming = object("{\"type\": [\"NonconformingDocument\"]}");
        assertRefused(verifyPresentation(nonconforming), "non-conforming VP");
        assertRefused(post("/credentials/verify", verifyBody("verifiableCredential", nonconforming)), "non-conforming VC");
    }
}
