package org.creditmesh.core.jsonld;

import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * The JSON-LD contexts this library knows: exact copies shipped in the jar, never fetched from the
 * network. A verifier that loaded contexts named by the credential would let the credential choose
 * what its own terms mean (and leak who verifies what); a closed set makes the meaning fixed.
 *
 * <p>Two classpath indexes are read once, each a JSON object mapping a context URL to a file name
 * in the same folder: {@value #SHIPPED_INDEX} (the W3C/CCG contexts, see the NOTICE beside it) and,
 * when the {@code schemas} module is on the classpath, {@value #SCHEMAS_INDEX} (CreditMesh's own
 * contexts). A URL present in both keeps the shipped W3C copy.
 *
 * <p>Each context is parsed at most once per JVM and the parsed form is shared.
 */
public final class ContextRegistry {

    /** Index of the W3C and CCG contexts shipped with this module. */
    public static final String SHIPPED_INDEX = "/org/creditmesh/core/jsonld/contexts/index.json";

    /** Index of CreditMesh's own contexts, written by the {@code schemas} module (optional). */
    public static final String SCHEMAS_INDEX = "/org/creditmesh/schemas/contexts/index.json";

    /** Context URL to classpath resource path. */
    private static final Map<String, String> RESOURCES = loadIndexes();

    private static final Map<String, JsonDocument> PARSED = new ConcurrentHashMap<>();

    private ContextRegistry() {
    }

    /** Whether {@code url} names a context this library can load (exact string match, no normalization). */
    public static boolean isKnown(String url) {
        return url != null && RESOURCES.containsKey(url);
    }

    /** Every context URL this library can load. */
    public static Set<String> knownUrls() {
        return RESOURCES.keySet();
    }

    /**
     * The parsed context document for {@code url}.
     *
     * @throws JsonLdException {@code unknown_context} if the URL is not shipped; {@code invalid_context}
     *     if the shipped file is not JSON
     */
    public static JsonDocument document(String url) throws JsonLdException {
        String resource = url == null ? null : RESOURCES.get(url);
        if (resource == null) {
            throw new JsonLdException(JsonLdError.UNKNOWN_CONTEXT,
                    "the JSON-LD context " + describe(url) + " is not one this library ships; remote contexts are never loaded");
        }
        JsonDocument cached = PARSED.get(url);
        if (cached != null) {
            return cached;
        }
        JsonDocument parsed = parse(url, resource);
        JsonDocument raced = PARSED.putIfAbsent(url, parsed);
        return raced != null ? raced : parsed;
    }

    private static JsonDocument parse(String url, String resource) throws JsonLdException {
        try (InputStream in = ContextRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new JsonLdException(JsonLdError.INVALID_CONTEXT, "context file " + resource + " is listed but missing");
            }
            JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
            document.setDocumentUrl(URI.create(url));
            return document;
        } catch (com.apicatalog.jsonld.JsonLdError e) {
            throw new JsonLdException(JsonLdError.INVALID_CONTEXT, "context file " + resource + " is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL for a message: shortened, since it comes from untrusted input. */
    static String describe(String url) {
        if (url == null) {
            return "(none)";
        }
        return url.length() > 120 ? "'" + url.substring(0, 120) + "...'" : "'" + url + "'";
    }

    private static Map<String, String> loadIndexes() {
        Map<String, String> resources = new LinkedHashMap<>();
        readIndex(SCHEMAS_INDEX, resources, false);
        readIndex(SHIPPED_INDEX, resources, true);
        return Map.copyOf(resources);
    }

    private static void readIndex(String index, Map<String, String> into, boolean required) {
        String folder = index.substring(0, index.lastIndexOf('/') + 1);
        try (InputStream in = ContextRegistry.class.getResourceAsStream(index)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("the shipped context index " + index + " is missing from the jar");
                }
                return;
            }
            JsonNode parsed = Json.parseObject(in.readAllBytes());
            // Accept the plain {url: file} form and a {"contexts": {url: file}} wrapper.
            ObjectNode entries = parsed.path("contexts") instanceof ObjectNode nested ? nested : (ObjectNode) parsed;
            for (Map.Entry<String, JsonNode> entry : entries.properties()) {
                String file = entry.getValue().isTextual() ? entry.getValue().asText()
                        : entry.getValue().path("file").asText(null);
                if (file == null || file.isEmpty() || file.contains("/") || file.contains("..")) {
                    throw new IllegalStateException(index + ": entry for " + entry.getKey() + " is not a file name");
                }
                into.put(entry.getKey(), folder + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("the context index " + index + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
