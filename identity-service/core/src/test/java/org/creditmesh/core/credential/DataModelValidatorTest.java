package org.creditmesh.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;

/** The normative rules of VCDM 2.0 section 4 and of VCDM 1.1, one at a time, on a small valid credential. */
class DataModelValidatorTest {

    private static ObjectNode credential() throws Exception {
        return Json.parseObject("""
                {"@context":["https://www.w3.org/ns/credentials/v2"],
                 "id":"urn:uuid:0b1f7c9e-2a7d-4a53-9d7e-51a0c1b2c3d4",
                 "type":["VerifiableCredential","KycCredential"],
                 "issuer":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                 "validFrom":"2026-01-01T00:00:00Z",
                 "credentialSubject":{"id":"did:example:borrower","kycLevel":"substantial"}}""");
    }

    private static DataModelError refusal(ObjectNode doc) {
        return catchThrowableOfType(DataModelException.class, () -> new DataModelValidator().validateCredential(doc)).code();
    }

    @Test
    void theRememberedUrlCheckAnswersAsTheUrlCheckDoesEveryTime() {
        String[] values = {"https://www.w3.org/ns/credentials/v2", "did:key:z6Mk", "urn:uuid:1", "data:,x",
                "did:example:borrower", "not a url", "relative/path", "https://a b", "", "https:", ":x",
                "https://example.org/" + "p".repeat(600), "x".repeat(600)};
        for (int round = 0; round < 3; round++) {
            for (String value : values) {
                assertThat(DataModelValidator.isRecurringUrl(value)).as(value).isEqualTo(DataModelValidator.isUrl(value));
            }
        }
        assertThat(DataModelValidator.isRecurringUrl(null)).isFalse();
        // Past the table's size it is emptied, not wrong.
        for (int i = 0; i < 3000; i++) {
            String value = i % 2 == 0 ? "urn:example:" + i : "no url " + i;
            assertThat(DataModelValidator.isRecurringUrl(value)).as(value).isEqualTo(i % 2 == 0);
        }
        assertThat(DataModelValidator.isRecurringUrl("not a url")).isFalse();
        assertThat(DataModelValidator.isRecurringUrl("did:key:z6Mk")).isTrue();
    }

    @Test
    void acceptsASmallConformingCredential() throws Exception {
        assertThat(new DataModelValidator().validateCredential(credential())).isEqualTo(VcdmVersion.V2_0);
    }

    @Test
    void acceptsAContextGivenAsASingleString() throws Exception {
        ObjectNode doc = credential();
        doc.put("@context", CredentialSpecs.CONTEXT_V2);
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
    }

    @Test
    void acceptsAnEmbeddedContextObjectAfterTheBaseContext() throws Exception {
        ObjectNode doc = credential();
        doc.putArray("@context").add(CredentialSpecs.CONTEXT_V2).addObject().put("kycLevel", "https://creditmesh.example/vocab#kycLevel");
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
    }

    @Test
    void refusesAContextThatTheGivenAllowListDoesNotKnowButAcceptsItWhenTheListDoes() throws Exception {
        ObjectNode doc = credential();
        doc.putArray("@context").add(CredentialSpecs.CONTEXT_V2).add("https://creditmesh.example/contexts/kyc/v1");
        assertThat(refusal(doc)).isEqualTo(DataModelError.UNKNOWN_CONTEXT);
        Set<String> known = Set.of("https://creditmesh.example/contexts/kyc/v1");
        assertThat(new DataModelValidator(known::contains).validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
    }

    @Test
    void refusesACredentialWhoseFirstContextIsNotTheBaseContext() throws Exception {
        ObjectNode doc = credential();
        doc.putArray("@context").add(CredentialSpecs.CONTEXT_EXAMPLES_V2).add(CredentialSpecs.CONTEXT_V2);
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_BASE_CONTEXT);
    }

    @Test
    void refusesATypeWithoutVerifiableCredential() throws Exception {
        ObjectNode doc = credential();
        doc.put("type", "KycCredential");
        assertThat(refusal(doc)).isEqualTo(DataModelError.MISSING_BASE_TYPE);
    }

    @Test
    void refusesAnIssuerObjectWhoseIdIsNotAUrl() throws Exception {
        ObjectNode doc = credential();
        doc.putObject("issuer").put("id", "Example Bank");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_ISSUER);
    }

    @Test
    void refusesAnEmptyCredentialSubjectObject() throws Exception {
        ObjectNode doc = credential();
        doc.putObject("credentialSubject");
        assertThat(refusal(doc)).isEqualTo(DataModelError.MISSING_CREDENTIAL_SUBJECT);
    }

    @Test
    void refusesASubjectIdThatIsNotAUrl() throws Exception {
        ObjectNode doc = credential();
        ((ObjectNode) doc.get("credentialSubject")).put("id", "Jane Doe");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_ID);
    }

    @Test
    void refusesADateWithoutTimeZoneAndAcceptsOffsetsAndTwentyFourHundred() throws Exception {
        ObjectNode doc = credential();
        doc.put("validFrom", "2026-01-01T00:00:00");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_DATE_TIME);
        doc.put("validFrom", "2025-12-31T24:00:00+01:00");
        Credential credential = Credential.from(doc);
        assertThat(credential.validFrom()).contains(Instant.parse("2025-12-31T23:00:00Z"));
    }

    @Test
    void refusesAValidFromLaterThanValidUntilButAcceptsEqualOnes() throws Exception {
        ObjectNode doc = credential();
        doc.put("validUntil", "2025-12-31T23:59:59Z");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_VALIDITY_PERIOD);
        doc.put("validUntil", "2026-01-01T01:00:00+01:00");
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
    }

    @Test
    void refusesAStatusEntryWithoutTypeAndASchemaWithoutId() throws Exception {
        ObjectNode doc = credential();
        doc.putObject("credentialStatus").put("id", "https://bank.example/status/1#4");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_CREDENTIAL_STATUS);
        doc.remove("credentialStatus");
        doc.putObject("credentialSchema").put("type", "JsonSchema");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_CREDENTIAL_SCHEMA);
    }

    @Test
    void refusesEvidenceWithoutType() throws Exception {
        ObjectNode doc = credential();
        doc.putArray("evidence").addObject().put("id", "https://bank.example/evidence/1");
        assertThat(refusal(doc)).isEqualTo(DataModelError.INVALID_EXTENSION);
    }

    /** VCDM 2.0 section 5.3, as the W3C VCDM 2.0 suite's "Advanced Concepts" cases probe it (our own digests). */
    @Test
    void relatedResourcesAreObjectsWithAUniqueUrlIdAndAWellFormedDigest() throws Exception {
        byte[] sha384 = java.security.MessageDigest.getInstance("SHA-384").digest("a resource".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest("a resource".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String sri = "sha384-" + java.util.Base64.getEncoder().encodeToString(sha384);
        String multibase = "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
        String id = "https://bank.example/terms/v3";
        ObjectNode doc = credential();
        doc.putObject("relatedResource").put("id", id).put("digestSRI", sri);
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
        doc.putObject("relatedResource").put("id", id).put("digestMultibase", multibase);
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);
        doc.putArray("relatedResource").addObject().put("id", id).put("mediaType", "application/ld+json").put("digestSRI", sri);
        assertThat(new DataModelValidator().validateCredential(doc)).isEqualTo(VcdmVersion.V2_0);

        doc.putArray("relatedResource").add(id);
        assertThat(refusal(doc)).as("a string").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
        doc.putArray("relatedResource").addObject().put("digestMultibase", multibase);
        assertThat(refusal(doc)).as("no id").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
        com.fasterxml.jackson.databind.node.ArrayNode twice = doc.putArray("relatedResource");
        twice.addObject().put("id", id).put("digestSRI", sri);
        twice.addObject().put("id", id).put("digestMultibase", multibase);
        assertThat(refusal(doc)).as("the same id twice").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
        doc.putArray("relatedResource").addObject().put("id", id);
        assertThat(refusal(doc)).as("no digest").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
        doc.putArray("relatedResource").addObject().put("id", id).put("digestSRI", "sha384-" + java.util.Base64.getUrlEncoder().encodeToString(sha256));
        assertThat(refusal(doc)).as("an SRI digest of the wrong length").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
        doc.putArray("relatedResource").addObject().put("id", id).put("digestMultibase", "x" + multibase);
        assertThat(refusal(doc)).as("not multibase").isEqualTo(DataModelError.INVALID_RELATED_RESOURCE);
    }

    @Test
    void acceptsAVcdm11CredentialWithIssuanceDateAndMapsItsDatesToTheValidityPeriod() throws Exception {
        Credential credential = Credential.parse("""
                {"@context":["https://www.w3.org/2018/credentials/v1","https://www.w3.org/2018/credentials/examples/v1"],
                 "id":"http://example.edu/credentials/1872",
                 "type":["VerifiableCredential","AlumniCredential"],
                 "issuer":"https://example.edu/issuers/565049",
                 "issuanceDate":"2010-01-01T19:23:24Z",
                 "expirationDate":"2020-01-01T19:23:24",
                 "credentialSubject":{"id":"did:example:ebfeb1f712ebc6f1c276e12ec21","alumniOf":"Example University"}}""");
        assertThat(credential.version()).isEqualTo(VcdmVersion.V1_1);
        assertThat(credential.validFrom()).contains(Instant.parse("2010-01-01T19:23:24Z"));
        assertThat(credential.validUntil()).contains(Instant.parse("2020-01-01T19:23:24Z"));
    }

    @Test
    void refusesAPresentationWhoseEmbeddedCredentialIsNotSecured() throws Exception {
        ObjectNode vp = Json.parseObject("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"VerifiablePresentation\"}");
        vp.putArray("verifiableCredential").add(credential());
        DataModelException e = catchThrowableOfType(DataModelException.class, () -> new DataModelValidator().validatePresentation(vp));
        assertThat(e.code()).isEqualTo(DataModelError.INVALID_VERIFIABLE_CREDENTIAL);
    }

    @Test
    void refusesAHolderThatIsNotAUrl() throws Exception {
        ObjectNode vp = Json.parseObject("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"VerifiablePresentation\",\"holder\":\"Jane\"}");
        DataModelException e = catchThrowableOfType(DataModelException.class, () -> new DataModelValidator().validatePresentation(vp));
        assertThat(e.code()).isEqualTo(DataModelError.INVALID_HOLDER);
    }

    @Test
    void refusesTextThatIsNotJsonWithATypedCode() {
        DataModelException e = catchThrowableOfType(DataModelException.class, () -> Credential.parse("{\"@context\":"));
        assertThat(e.code()).isEqualTo(DataModelError.MALFORMED_JSON);
    }

    @Test
    void keepsTheCredentialImmutableAgainstChangesToTheJsonItWasMadeFromOrHandsOut() throws Exception {
        ObjectNode doc = credential();
        Credential credential = Credential.from(doc);
        doc.put("issuer", "did:example:other");
        credential.json().put("issuer", "did:example:other");
        assertThat(credential.issuer()).startsWith("did:key:");
        assertThat(credential.serialize()).doesNotContain("did:example:other");
    }
}
