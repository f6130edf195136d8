package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's code snippet is this test's code, so the README cannot rot. */
class ReadmeTest {

    @Test
    void readmeSnippetRunsAndIsQuotedVerbatim() throws Exception {
        // README-BEGIN
        CredentialType type = CredentialType.fromTypeName("KycCredential").orElseThrow();
        String schemaId = type.jsonSchemaId();      // https://creditmesh.org/schemas/kyc-credential.json
        byte[] schema = SchemaResources.read(type.jsonSchemaResource());  // for a JSON Schema validator
        byte[] shapes = SchemaResources.read(type.shaclResource());       // for a SHACL engine (Turtle)
        String contextResource = SchemaResources.contextResource(type.contextUrl()).orElseThrow();
        byte[] context = SchemaResources.read(contextResource);           // for a JSON-LD document loader
        // README-END
        assertThat(context).isNotEmpty();
        assertThat(schema).isNotEmpty();
        assertThat(shapes).isNotEmpty();
        assertThat(schemaId).isEqualTo("https://creditmesh.org/schemas/kyc-credential.json");

        List<String> source = Files.readAllLines(Path.of("src/test/java/org/creditmesh/schemas/ReadmeTest.java"));
        int begin = source.indexOf("        // README-BEGIN");
        int end = source.indexOf("        // README-END");
        String snippet = source.subList(begin + 1, end).stream()
                .map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(snippet);
    }
}
