package org.creditmesh.schemas;

import com.apicatalog.jsonld.JsonLdOptions;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * The RDF side of validation: JSON-LD 1.1 → RDF through Jena's reader (titanium-json-ld) with local
 * contexts and undefined terms as errors, then Jena SHACL against the shapes of the credential type.
 */
final class RdfForm {

    private RdfForm() {
    }

    /** Options for a strict expansion: a term no context defines is an error, not silently dropped. */
    static JsonLdOptions strictOptions() {
        JsonLdOptions options = new JsonLdOptions(new LocalDocumentLoader());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }

    /** The RDF graph of a JSON-LD document; {@link RiotException} when it does not expand strictly. */
    static Graph toGraph(String jsonLd) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.create()
                .fromString(jsonLd)
                .lang(Lang.JSONLD11)
                .context(Context.create().set(LangJSONLD11.JSONLD_OPTIONS, strictOptions()))
                .parse(graph);
        return graph;
    }

    static Shapes shapes(CredentialType type) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(new String(SchemaResources.read(type.shaclResource()),
                StandardCharsets.UTF_8)).lang(Lang.TURTLE).parse(shapesGraph);
        return Shapes.parse(shapesGraph);
    }

    static ValidationReport validate(CredentialType type, Graph data) {
        return ShaclValidator.get().validate(shapes(type), data);
    }
}
