package org.creditmesh.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens this module's resources from the class path, so that no other module ever fetches a context,
 * schema or shape from the network.
 *
 * <p>A missing resource is a packaging defect, not bad input: it raises {@link IllegalStateException}.
 * An unknown context URL is ordinary input and gives an empty result.
 */
public final class SchemaResources {

    /** Class-path folder of every resource of this module. */
    public static final String BASE = "org/creditmesh/schemas/";

    /** Context URL → file name in {@code contexts/}, as read by a document loader. */
    public static final String CONTEXT_INDEX_RESOURCE = BASE + "contexts/index.json";

    /** The claim ↔ data-set feature mapping read by the scoring service (see MAPPING.md). */
    public static final String CLAIM_FEATURE_MAPPING_RESOURCE = BASE + "mapping/claim-feature-mapping.json";

    // Mirrors contexts/index.json (a test keeps the two equal); kept in code so this module needs no JSON parser.
    private static final Map<String, String> CONTEXTS = Map.of(Vocabulary.CONTEXT_URL, "creditmesh-v1.jsonld");

    private SchemaResources() {
    }

    /** The context URLs this module ships a document for. */
    public static Map<String, String> contextFiles() {
        return CONTEXTS;
    }

    /** The class-path resource of the context document for {@code contextUrl}, if this module ships it. */
    public static Optional<String> contextResource(String contextUrl) {
        String file = CONTEXTS.get(contextUrl);
        return file == null ? Optional.empty() : Optional.of(BASE + "contexts/" + file);
    }

    /** Opens the context document for {@code contextUrl}; empty when the URL is not one of ours. */
    public static Optional<InputStream> openContext(String contextUrl) {
        return contextResource(contextUrl).map(SchemaResources::open);
    }

    /** Opens the JSON Schema (2020-12) of {@code type}. */
    public static InputStream openJsonSchema(CredentialType type) {
        return open(Objects.requireNonNull(type, "type").jsonSchemaResource());
    }

    /** Opens the SHACL shapes (Turtle) of {@code type}. */
    public static InputStream openShacl(CredentialType type) {
        return open(Objects.requireNonNull(type, "type").shaclResource());
    }

    /** Opens the machine-readable claim ↔ feature mapping. */
    public static InputStream openClaimFeatureMapping() {
        return open(CLAIM_FEATURE_MAPPING_RESOURCE);
    }

    /** Reads a whole resource of this module. */
    public static byte[] read(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + resource, e);
        }
    }

    /** Opens a class-path resource (no leading slash), failing if the module was packaged without it. */
    public static InputStream open(String resource) {
        Objects.requireNonNull(resource, "resource");
        InputStream in = SchemaResources.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("class-path resource missing from creditmesh-schemas: " + resource);
        }
        return in;
    }
}
