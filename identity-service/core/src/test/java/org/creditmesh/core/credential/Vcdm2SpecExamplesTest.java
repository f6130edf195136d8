package org.creditmesh.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of W3C Verifiable Credentials Data Model v2.0, section 4 (files in
 * {@code src/test/resources/vcdm2/}, see its README for example numbers and sections).
 */
class Vcdm2SpecExamplesTest {

    static String example(String name) {
        try (InputStream in = Vcdm2SpecExamplesTest.class.getResourceAsStream("/vcdm2/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example-02-context", "example-03-id", "example-04-type", "example-07-issuer",
            "example-08-issuer-object", "example-09-credential-subject", "example-10-multiple-subjects",
            "example-11-validity-period", "example-12-credential-status", "example-13-multiple-status-entries",
            "example-14-credential-schema", "example-22-simple-credential"})
    @DisplayName("VCDM 2.0 sections 4.3-4.11 and 5.2: every complete credential example is a conforming credential")
    void acceptsEveryCompleteCredentialExampleOfTheSpecification(String name) throws Exception {
        Credential credential = Credential.parse(example(name));
        assertThat(credential.version()).isEqualTo(VcdmVersion.V2_0);
        assertThat(credential.types()).contains("VerifiableCredential");
        assertThat(Credential.parse(credential.serialize())).isEqualTo(credential);
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.1, Example 1: the prototype template has no issuer, so it is not a conforming credential")
    void refusesThePrototypeTemplateOfExample1BecauseItHasNoIssuer() {
        DataModelException e = catchThrowableOfType(DataModelException.class,
                () -> Credential.parse(example("example-01-prototype-template")));
        assertThat(e.code()).isEqualTo(DataModelError.MISSING_ISSUER);
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.7, Examples 7 and 8: issuer as a URL and as an object with an id")
    void readsTheIssuerAsAUrlOrAsTheIdOfAnObject() throws Exception {
        assertThat(Credential.parse(example("example-07-issuer")).issuer()).isEqualTo("https://university.example/issuers/14");
        Credential expanded = Credential.parse(example("example-08-issuer-object"));
        assertThat(expanded.issuer()).isEqualTo("did:example:76e12ec712ebc6f1c221ebfeb1f");
        assertThat(expanded.issuerJson().get("name").asText()).isEqualTo("Example University");
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.8, Example 10: two subjects in an array")
    void readsMultipleSubjectsOfExample10() throws Exception {
        Credential credential = Credential.parse(example("example-10-multiple-subjects"));
        assertThat(credential.subjectIds()).containsExactly("did:example:ebfeb1f712ebc6f1c276e12ec21",
                "https://subject.example/subject/8675");
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.9, Example 11: validFrom and validUntil as instants, and the period checked against a time")
    void readsTheValidityPeriodOfExample11AndChecksItAgainstATime() throws Exception {
        Credential credential = Credential.parse(example("example-11-validity-period"));
        assertThat(credential.validFrom()).contains(Instant.parse("2010-01-01T19:23:24Z"));
        assertThat(credential.validUntil()).contains(Instant.parse("2020-01-01T19:23:24Z"));
        DataModelValidator.checkValidityPeriod(credential, Instant.parse("2015-06-01T00:00:00Z"));
        assertThat(catchThrowableOfType(DataModelException.class,
                () -> DataModelValidator.checkValidityPeriod(credential, Instant.parse("2020-01-01T19:23:25Z"))).code())
                .isEqualTo(DataModelError.EXPIRED);
        assertThat(catchThrowableOfType(DataModelException.class,
                () -> DataModelValidator.checkValidityPeriod(credential, Instant.parse("2010-01-01T19:23:23Z"))).code())
                .isEqualTo(DataModelError.NOT_YET_VALID);
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.10, Examples 12 and 13: one status entry, then two")
    void readsOneOrManyStatusEntries() throws Exception {
        assertThat(Credential.parse(example("example-12-credential-status")).credentialStatus()).hasSize(1);
        assertThat(Credential.parse(example("example-13-multiple-status-entries")).credentialStatus())
                .extracting(s -> s.get("statusPurpose").asText()).containsExactly("revocation", "suspension");
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.11, Example 14: two JsonSchema entries")
    void readsTheSchemasOfExample14() throws Exception {
        assertThat(Credential.parse(example("example-14-credential-schema")).credentialSchemas())
                .extracting(s -> s.get("id").asText())
                .containsExactly("https://example.org/examples/degree.json", "https://example.org/examples/alumni.json");
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.13.1, Example 18: a presentation with an enveloped credential")
    void readsTheEnvelopedCredentialOfExample18() throws Exception {
        Presentation presentation = Presentation.parse(example("example-18-enveloped-credential-presentation"));
        assertThat(presentation.envelopedCredentials()).singleElement()
                .satisfies(e -> assertThat(e.mediaType()).isEqualTo("application/vc+sd-jwt"));
    }

    @Test
    @DisplayName("VCDM 2.0 section 4.13.2, Example 19: an EnvelopedVerifiablePresentation is the envelope, not a presentation")
    void doesNotTakeTheEnvelopeOfExample19ForAPresentation() {
        DataModelException e = catchThrowableOfType(DataModelException.class,
                () -> Presentation.parse(example("example-19-enveloped-presentation")));
        assertThat(e.code()).isEqualTo(DataModelError.MISSING_BASE_TYPE);
    }
}
