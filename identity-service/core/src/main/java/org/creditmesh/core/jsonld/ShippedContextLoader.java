package org.creditmesh.core.jsonld;

import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.net.URI;

/**
 * A Titanium {@link DocumentLoader} that serves only the contexts of {@link ContextRegistry} and never
 * touches the network. An unknown URL fails with a Titanium error whose cause is our
 * {@link JsonLdException} ({@code unknown_context}), which {@link RdfCanonicalizer} unwraps.
 */
public final class ShippedContextLoader implements DocumentLoader {

    /** The one instance; it holds no state of its own. */
    public static final ShippedContextLoader INSTANCE = new ShippedContextLoader();

    private ShippedContextLoader() {
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws com.apicatalog.jsonld.JsonLdError {
        try {
            return ContextRegistry.document(url == null ? null : url.toString());
        } catch (JsonLdException e) {
            throw new com.apicatalog.jsonld.JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage(), e);
        }
    }
}
