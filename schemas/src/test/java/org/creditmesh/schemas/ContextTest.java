package org.creditmesh.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * The CreditMesh JSON-LD context: JSON-LD 1.1, {@code @protected}, every term under the CreditMesh
 * vocabulary, no term of the W3C credentials v2 context redefined, no unused term, and every term of
 * every valid example surviving into RDF.
 */
class ContextTest {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final Set<String> ALLOWED_TYPES = Set.of("@id", "@vocab", XSD + "integer", XSD + "decimal",
            XSD + "dateTime", XSD + "date", XSD + "boolean");

    static JsonNode context() {
        return ExampleManifest.readJson(SchemaResources.contextResource(Vocabulary.CONTEXT_URL).orElseThrow())
                .get("@context");
    }

    static Set<String> contextTerms() {
        Set<String> terms = new LinkedHashSet<>();
        context().fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("@")) {
                terms.add(name);
            }
        });
        return terms;
    }

    @Test
    void indexMapsTheContextUrlToTheShippedFile() {
        JsonNode index = ExampleManifest.readJson(SchemaResources.CONTEXT_INDEX_RESOURCE);
        Map<String, String> files = SchemaResources.contextFiles();
        assertThat(index.size()).isEqualTo(files.size());
        files.forEach((url, file) -> assertThat(index.path(url).asText()).isEqualTo(file));
        for (String url : files.keySet()) {
            assertThat(SchemaResources.read(SchemaResources.contextResource(url).orElseThrow())).isNotEmpty();
        }
        assertThat(SchemaResources.openContext("https://example.org/unknown")).isEmpty();
    }

    @Test
    void contextIsProtectedJsonLd11() {
        assertThat(context().get("@version").asDouble()).isEqualTo(1.1);
        assertThat(context().get("@protected").asBoolean()).isTrue();
        assertThat(context().has("@vocab")).as("no catch-all @vocab: a typo must fail, not become a term").isFalse();
    }

    @Test
    void everyTermMapsIntoTheCreditMeshVocabularyWithAKnownType() {
        JsonNode context = context();
        for (String term : contextTerms()) {
            JsonNode definition = context.get(term);
            String iri = definition.isTextual() ? definition.asText() : definition.get("@id").asText();
            assertThat(iri).as("IRI of %s", term).isEqualTo(Vocabulary.VOCAB_NAMESPACE + term);
            if (definition.has("@type")) {
                assertThat(ALLOWED_TYPES).as("@type of %s", term).contains(definition.get("@type").asText());
            }
        }
        for (CredentialType type : CredentialType.values()) {
            assertThat(context.get(type.typeName()).asText()).isEqualTo(type.typeIri());
        }
    }

    @Test
    void noTermOfTheProtectedCredentialsV2ContextIsRedefined() {
        JsonNode v2 = ExampleManifest.readJson(LocalDocumentLoader.CREDENTIALS_V2_RESOURCE).get("@context");
        Set<String> v2Terms = new HashSet<>();
        v2.fieldNames().forEachRemaining(v2Terms::add);
        for (String scoped : new String[] {"VerifiableCredential", "VerifiablePresentation"}) {
            v2.get(scoped).get("@context").fieldNames().forEachRemaining(v2Terms::add);
        }
        assertThat(contextTerms()).doesNotContainAnyElementsOf(v2Terms);
    }

    @Test
    void everyTermIsUsedByAValidExample() {
        Set<String> used = new HashSet<>();
        for (ExampleManifest.Entry e : ExampleManifest.entries()) {
            if (e.expected() == ExampleManifest.Expected.VALID) {
                collectNamesAndTypes(ExampleManifest.readJson(e.resource()), used);
            }
        }
        assertThat(used).containsAll(contextTerms());
    }

    @Test
    void everyCreditMeshTermOfAValidExampleBecomesAnRdfPredicate() {
        Set<String> terms = contextTerms();
        for (ExampleManifest.Entry e : ExampleManifest.entries()) {
            if (e.expected() != ExampleManifest.Expected.VALID) {
                continue;
            }
            Graph graph = RdfForm.toGraph(ExampleManifest.readText(e.resource()));
            Set<String> members = new HashSet<>();
            collectNamesAndTypes(ExampleManifest.readJson(e.resource()).get("credentialSubject"), members);
            for (String member : members) {
                if (!terms.contains(member) || CredentialType.fromTypeName(member).isPresent()) {
                    continue;
                }
                Node predicate = NodeFactory.createURI(Vocabulary.VOCAB_NAMESPACE + member);
                assertThat(graph.contains(Node.ANY, predicate, Node.ANY))
                        .as("%s: member %s dropped by JSON-LD expansion", e.file(), member).isTrue();
            }
        }
    }

    /** Member names, plus string values (type names inside accreditedFor/type count as used terms). */
    private static void collectNamesAndTypes(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.add(field.getKey());
                collectNamesAndTypes(field.getValue(), out);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectNamesAndTypes(child, out));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
    }
}
