package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link CredentialType} and {@link SchemaResources}: every type's resources exist and agree with it. */
class CredentialTypeTest {

    @ParameterizedTest
    @EnumSource(CredentialType.class)
    void jsonSchemaHasTheTypesIdAndIsAValid202012Schema(CredentialType type) throws Exception {
        JsonNode schema;
        try (var in = SchemaResources.openJsonSchema(type)) {
            schema = ExampleManifest.MAPPER.readTree(in);
        }
        assertThat(schema.get("$id").asText()).isEqualTo(type.jsonSchemaId());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(CredentialType.fromJsonSchemaId(type.jsonSchemaId())).contains(type);

        // The meta-schema ships inside the validator: no network.
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        Set<ValidationMessage> errors = meta.validate(schema);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CredentialType.class)
    void jsonSchemaRequiresTheVcdmEnvelopeOfTheType(CredentialType type) {
        JsonNode schema = ExampleManifest.readJson(type.jsonSchemaResource());
        assertThat(schema.get("required").toString())
                .contains("\"@context\"", "\"type\"", "\"issuer\"", "\"validFrom\"", "\"credentialSubject\"");
        assertThat(schema.at("/properties/@context/prefixItems/0/const").asText())
                .isEqualTo(Vocabulary.CREDENTIALS_V2_CONTEXT_URL);
        assertThat(schema.at("/properties/@context/contains/const").asText()).isEqualTo(type.contextUrl());
        assertThat(schema.at("/properties/type/allOf").toString())
                .contains("\"" + Vocabulary.VERIFIABLE_CREDENTIAL_TYPE + "\"", "\"" + type.typeName() + "\"");
        assertThat(schema.at("/$defs/subject/additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CredentialType.class)
    void shaclShapesTargetTheTypesClass(CredentialType type) {
        Graph shapes = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(new String(SchemaResources.read(type.shaclResource()), StandardCharsets.UTF_8))
                .lang(Lang.TURTLE).parse(shapes);
        assertThat(shapes.contains(org.apache.jena.graph.Node.ANY, SHACL.targetClass,
                NodeFactory.createURI(type.typeIri()))).isTrue();
        assertThat(RdfForm.shapes(type).numRootShapes()).isEqualTo(1);
    }

    @Test
    void typeNamesRoundTripAndUnknownNamesAreEmpty() {
        for (CredentialType type : CredentialType.values()) {
            assertThat(CredentialType.fromTypeName(type.typeName())).contains(type);
            assertThat(type.contextUrl()).isEqualTo(Vocabulary.CONTEXT_URL);
        }
        assertThat(CredentialType.fromTypeName("VerifiableCredential")).isEmpty();
        assertThat(CredentialType.fromJsonSchemaId("https://creditmesh.org/schemas/unknown.json")).isEmpty();
    }

    @Test
    void aMissingResourceIsAPackagingDefect() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemaResources.open("org/creditmesh/schemas/none.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none.json");
    }
}
