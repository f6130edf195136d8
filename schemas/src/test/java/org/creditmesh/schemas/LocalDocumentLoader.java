package org.creditmesh.schemas;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Titanium document loader that serves the CreditMesh context from {@link SchemaResources} and the W3C
 * credentials v2 context from this module's test resources, and refuses everything else: the tests
 * never touch the network.
 */
final class LocalDocumentLoader implements DocumentLoader {

    static final String CREDENTIALS_V2_RESOURCE = "org/creditmesh/schemas/w3c/credentials-v2.jsonld";

    private static final Map<String, String> TEST_CONTEXTS =
            Map.of(Vocabulary.CREDENTIALS_V2_CONTEXT_URL, CREDENTIALS_V2_RESOURCE);

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String key = url.toString();
        Optional<String> resource = SchemaResources.contextResource(key)
                .or(() -> Optional.ofNullable(TEST_CONTEXTS.get(key)));
        if (resource.isEmpty()) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no local copy of context " + key);
        }
        try (InputStream in = SchemaResources.open(resource.get())) {
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
            document.setDocumentUrl(url);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e);
        }
    }
}
