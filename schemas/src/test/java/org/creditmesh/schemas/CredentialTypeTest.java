package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
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
        assertThat(shapes.contains(Node.ANY, SHACL.targetClass,
                NodeFactory.createURI(type.typeIri()))).isTrue();
        assertThat(RdfForm.shapes(type).numRootShapes()).isEqualTo(1);
    }

    @Test
    void sharedDefinitionsAreIdenticalInEverySchema() {
        // The schemas are self-contained (no cross-file $ref for validators to resolve), so the
        // envelope and value definitions are repeated; they must not drift apart.
        JsonNode first = ExampleManifest.readJson(CredentialType.KYC.jsonSchemaResource());
        for (CredentialType type : CredentialType.values()) {
            JsonNode schema = ExampleManifest.readJson(type.jsonSchemaResource());
            for (String name : new String[] {"uri", "did", "dateTimeStamp", "date", "countryCode", "currencyCode",
                    "wholeAmount", "amountBand", "monetaryAmount", "objectOrArray", "langString"}) {
                assertThat(schema.get("$defs").get(name)).as("%s $defs/%s", type, name)
                        .isEqualTo(first.get("$defs").get(name));
            }
            JsonNode envelope = schema.get("properties").deepCopy();
            JsonNode firstEnvelope = first.get("properties").deepCopy();
            ((ObjectNode) envelope).remove("type");
            ((ObjectNode) firstEnvelope).remove("type");
            assertThat(envelope).as("%s envelope", type).isEqualTo(firstEnvelope);
        }
    }

    @ParameterizedTest
    @EnumSource(CredentialType.class)
    void shaclEnumerationsEqualTheJsonSchemaEnumerations(CredentialType type) {
        Map<String, Set<String>> schemaEnums = new HashMap<>();
        JsonNode root = ExampleManifest.readJson(type.jsonSchemaResource());
        collectEnums(root, root.get("$defs").get("subject"), schemaEnums, new HashSet<>());

        Graph shapes = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(new String(SchemaResources.read(type.shaclResource()), StandardCharsets.UTF_8))
                .lang(Lang.TURTLE).parse(shapes);
        Set<String> compared = new HashSet<>();
        for (var it = shapes.find(Node.ANY, SHACL.in, Node.ANY); it.hasNext();) {
            var triple = it.next();
            var path = shapes.find(triple.getSubject(), SHACL.path, Node.ANY).next().getObject();
            Set<String> values = new HashSet<>();
            boolean literals = true;
            for (var item : GraphList.members(new GNode(shapes, triple.getObject()))) {
                literals &= item.isLiteral();
                values.add(item.isLiteral() ? item.getLiteralLexicalForm() : item.getURI());
            }
            String term = path.getURI().substring(Vocabulary.VOCAB_NAMESPACE.length());
            if (!literals) {
                continue; // sh:in of IRIs (accreditedFor): the JSON form uses the type names instead
            }
            assertThat(schemaEnums).as("JSON Schema enum for %s", term).containsKey(term);
            assertThat(values).as("SHACL sh:in of %s", term).isEqualTo(schemaEnums.get(term));
            compared.add(term);
        }
        schemaEnums.remove("accreditedFor"); // its SHACL form is an sh:in of IRIs, skipped above
        assertThat(compared).as("JSON Schema enums without a SHACL sh:in").isEqualTo(schemaEnums.keySet());
    }

    /** Enums of named properties reachable from {@code node}, following local {@code $ref}s. */
    private static void collectEnums(JsonNode root, JsonNode node, Map<String, Set<String>> out,
                                     Set<String> followed) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/$defs/") && followed.add(ref.asText())) {
                collectEnums(root, root.at(ref.asText().substring(1)), out, followed);
            }
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                for (var p : properties.properties()) {
                    JsonNode definition = p.getValue().has("items") ? p.getValue().get("items") : p.getValue();
                    if (definition.has("enum")) {
                        Set<String> values = new HashSet<>();
                        definition.get("enum").forEach(v -> values.add(v.asText()));
                        out.put(p.getKey(), values);
                    }
                }
            }
            node.forEach(child -> collectEnums(root, child, out, followed));
        } else if (node.isArray()) {
            node.forEach(child -> collectEnums(root, child, out, followed));
        }
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
        assertThatThrownBy(() -> SchemaResources.open("org/creditmesh/schemas/none.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none.json");
    }
}
