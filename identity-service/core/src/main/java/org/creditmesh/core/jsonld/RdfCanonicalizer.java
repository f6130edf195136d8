package org.creditmesh.core.jsonld;

import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.cache.Cache;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-LD to canonical N-Quads: JSON-LD 1.1 expansion and toRdf (Titanium) followed by RDF Dataset
 * Canonicalization RDFC-1.0 with SHA-256 (titanium-rdfc). Contexts come only from
 * {@link ContextRegistry}.
 *
 * <p>By default this runs in <em>safe mode</em> ({@link TermPolicy#REJECT_UNDEFINED}): a property that
 * no context defines makes the call fail with {@code undefined_term}. Plain JSON-LD drops such a
 * property silently, so it would not be signed — an attacker could add or change it on a signed
 * document without breaking the signature, and a consumer reading the JSON would trust it.
 */
public final class RdfCanonicalizer {

    /** What to do with a JSON member whose key no active context maps to an IRI. */
    public enum TermPolicy {
        /** Fail with {@code undefined_term} (safe mode, the default). */
        REJECT_UNDEFINED,
        /** Drop it, as JSON-LD processors do by default (needed to reproduce third-party signatures that relied on it). */
        DROP_UNDEFINED
    }

    /**
     * Upper bound on the canonicalization of one document. RDFC-1.0 is exponential on crafted
     * blank-node graphs (RDFC-1.0, Security Considerations: "Dataset Poisoning"; a 10-node clique
     * exceeds it); real credentials take well under 10 ms.
     */
    public static final long CANONICALIZATION_BUDGET_MILLIS = 1_000;

    /** Parsed remote contexts as Titanium's context processing keeps them; shared by every call. */
    private static final Cache<String, JsonValue> CONTEXT_CACHE = new SharedCache<>();

    /**
     * Bounds of the active-context cache, which input fills: contexts made only of (known) URLs, what
     * real credentials use, get most of the room; values with inline definitions get a smaller share so
     * that junk inline contexts cannot crowd out the real ones. Past the bound, contexts are processed
     * on every call (correct, only slower).
     */
    private static final int MAX_CACHED_URL_CONTEXTS = 1024;
    private static final int MAX_CACHED_INLINE_CONTEXTS = 128;

    private static final ConcurrentHashMap<ContextKey, ActiveContext> ACTIVE_CONTEXTS = new ConcurrentHashMap<>();

    private static final String CONTEXT = "@context";
    private static final String XSD_DOUBLE = "http://www.w3.org/2001/XMLSchema#double";
    private static final BigDecimal MINUS_TEN_TO_THE_21 = new BigDecimal("-1e21");
    private static final String GRAPH = "@graph";

    private RdfCanonicalizer() {
    }

    /** The canonical N-Quads of a JSON-LD document, in safe mode. */
    public static String canonicalize(JsonNode document) throws JsonLdException {
        return canonicalize(document, TermPolicy.REJECT_UNDEFINED);
    }

    /** The canonical N-Quads of a JSON-LD document (an object or an array of objects). */
    public static String canonicalize(JsonNode document, TermPolicy policy) throws JsonLdException {
        Objects.requireNonNull(policy, "policy");
        if (document == null || !(document.isObject() || document.isArray())) {
            throw new JsonLdException(JsonLdError.INVALID_JSON_LD, "a JSON-LD document is a JSON object or array");
        }
        JsonLdOptions options = options(policy);
        RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(CANONICALIZATION_BUDGET_MILLIS));
        try {
            JsonNode context = document.isObject() ? document.get(CONTEXT) : null;
            JsonArray expanded = context != null
                    ? expand(activeContext(context, policy), JakartaJson.objectWithout(document, CONTEXT))
                    : ExpansionProcessor.expand(JsonDocument.of((JsonStructure) JakartaJson.from(document)), options, false);
            if (policy == TermPolicy.REJECT_UNDEFINED) {
                requireAbsoluteIris(expanded);
            }
            expanded = (JsonArray) typeLargeNegativeNumbersAsDoubles(expanded);
            ToRdfProcessor.toRdf(canon, expanded, options);
        } catch (com.apicatalog.jsonld.JsonLdError e) {
            throw translate(e);
        } catch (RuntimeException e) {
            // Titanium signals some malformed inputs with unchecked exceptions; never let them escape.
            throw new JsonLdException(JsonLdError.INVALID_JSON_LD, "not valid JSON-LD: " + e.getClass().getSimpleName(), e);
        }
        StringWriter out = new StringWriter(1024);
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException | RuntimeException e) {
            throw new JsonLdException(JsonLdError.CANONICALIZATION_FAILED,
                    "RDFC-1.0 canonicalization failed or exceeded " + CANONICALIZATION_BUDGET_MILLIS + " ms", e);
        }
        return out.toString();
    }

    private static JsonLdOptions options(TermPolicy policy) {
        JsonLdOptions options = new JsonLdOptions(ShippedContextLoader.INSTANCE);
        options.setContextCache(CONTEXT_CACHE);
        options.setUndefinedTermsPolicy(policy == TermPolicy.REJECT_UNDEFINED
                ? JsonLdOptions.ProcessingPolicy.Fail : JsonLdOptions.ProcessingPolicy.Ignore);
        // An IRI is absolute when it has a scheme, as in jsonld.js (the reference implementation);
        // Titanium's default full RFC 3986 parse of every IRI costs about 5% of a verification.
        options.setUriValidation(UriValidationPolicy.SchemeOnly);
        return options;
    }

    /**
     * The active context after processing a top-level {@code @context} value (JSON-LD 1.1 Expansion
     * step 9), built once per distinct value and policy. Processing the VC v2 context's protected and
     * scoped term definitions is most of the cost of expanding a credential, and every credential of
     * an issuer has the same {@code @context}. Titanium clones an active context before changing it
     * (Context Processing step 1), so a cached one is never modified and can be shared by threads.
     */
    private static ActiveContext activeContext(JsonNode context, TermPolicy policy)
            throws com.apicatalog.jsonld.JsonLdError, JsonLdException {
        ContextKey key = new ContextKey(context.toString(), policy);
        ActiveContext cached = ACTIVE_CONTEXTS.get(key);
        if (cached != null) {
            return cached;
        }
        ActiveContext initial = new ActiveContext(null, null, ProcessingRuntime.of(options(policy)));
        ActiveContext active = initial.newContext().create(JakartaJson.from(context), null);
        boolean urlsOnly = context.isTextual() || (context.isArray() && allTextual(context));
        if (ACTIVE_CONTEXTS.size() < (urlsOnly ? MAX_CACHED_URL_CONTEXTS : MAX_CACHED_INLINE_CONTEXTS)) {
            ACTIVE_CONTEXTS.putIfAbsent(key, active);
        }
        return active;
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode entry : array) {
            if (!entry.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** JSON-LD 1.1 Expansion of a top-level object whose {@code @context} is already in {@code active}. */
    private static JsonArray expand(ActiveContext active, JsonObject body) throws com.apicatalog.jsonld.JsonLdError {
        JsonValue expanded = Expansion.with(active, body, null, null).frameExpansion(false).ordered(false).compute();
        // Expansion algorithm, final steps: a lone @graph is unwrapped, null becomes an empty array.
        if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey(GRAPH)) {
            expanded = object.get(GRAPH);
        }
        if (expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        // Not JakartaJson.provider().createArrayBuilder(): that runs a ServiceLoader scan of the class path on every call.
        return expanded instanceof JsonArray array ? array : JakartaJson.arrayOf(expanded);
    }

    /**
     * Safe mode, second half: Titanium's undefined-term policy covers property names only. A
     * {@code type} or {@code id} value that no context turns into an absolute IRI stays relative and
     * toRdf drops it just as silently, so reject those too.
     */
    private static void requireAbsoluteIris(JsonValue value) throws JsonLdException {
        if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                requireAbsoluteIris(element);
            }
        } else if (value instanceof JsonObject object) {
            if (object.containsKey("@value")) {
                JsonValue datatype = object.get("@type");
                if (datatype instanceof JsonString iri && !"@json".equals(iri.getString())) {
                    requireAbsolute(iri.getString(), "datatype");
                }
                return;
            }
            JsonValue types = object.get("@type");
            if (types instanceof JsonArray list) {
                for (JsonValue type : list) {
                    if (type instanceof JsonString iri) {
                        requireAbsolute(iri.getString(), "type");
                    }
                }
            } else if (types instanceof JsonString iri) {
                requireAbsolute(iri.getString(), "type");
            }
            if (object.get("@id") instanceof JsonString id) {
                requireAbsolute(id.getString(), "id");
            }
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                if (!member.getKey().equals("@type") && !member.getKey().equals("@id")) {
                    requireAbsoluteIris(member.getValue());
                }
            }
        }
    }

    /**
     * JSON-LD 1.1 Object to RDF Conversion step 10 makes a number with an <em>absolute</em> value of at
     * least 10^21 an {@code xsd:double} (as jsonld.js does); Titanium 1.7 compares the signed value, so
     * {@code -1.5e300} would become a 301-digit {@code xsd:integer} and its signature would not verify
     * anywhere else. Such a number without a datatype is given {@code xsd:double} explicitly here, which
     * is what step 10 sets and what Titanium then serializes canonically. (With a coerced datatype other
     * than {@code xsd:double} Titanium still writes integer digits; no CreditMesh term coerces numbers.)
     * Returns {@code value} itself when nothing changes, the common case.
     */
    static JsonValue typeLargeNegativeNumbersAsDoubles(JsonValue value) {
        if (value instanceof JsonArray array) {
            JsonArrayBuilder rebuilt = null;
            for (int i = 0; i < array.size(); i++) {
                JsonValue element = array.get(i);
                JsonValue fixed = typeLargeNegativeNumbersAsDoubles(element);
                if (fixed != element && rebuilt == null) {
                    rebuilt = JakartaJson.provider().createArrayBuilder();
                    for (int j = 0; j < i; j++) {
                        rebuilt.add(array.get(j));
                    }
                }
                if (rebuilt != null) {
                    rebuilt.add(fixed);
                }
            }
            return rebuilt == null ? array : rebuilt.build();
        }
        if (!(value instanceof JsonObject object)) {
            return value;
        }
        if (object.containsKey("@value")) {
            if (object.get("@value") instanceof JsonNumber number && !object.containsKey("@type")
                    && number.bigDecimalValue().compareTo(MINUS_TEN_TO_THE_21) <= 0) {
                return JakartaJson.provider().createObjectBuilder(object).add("@type", XSD_DOUBLE).build();
            }
            return object;
        }
        JsonObjectBuilder rebuilt = null;
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            JsonValue fixed = typeLargeNegativeNumbersAsDoubles(member.getValue());
            if (fixed != member.getValue()) {
                if (rebuilt == null) {
                    rebuilt = JakartaJson.provider().createObjectBuilder(object);
                }
                rebuilt.add(member.getKey(), fixed);
            }
        }
        return rebuilt == null ? object : rebuilt.build();
    }

    private static void requireAbsolute(String iri, String what) throws JsonLdException {
        if (iri.indexOf(':') < 0) {
            throw new JsonLdException(JsonLdError.UNDEFINED_TERM, "safe mode: a " + what
                    + " value is not defined by any context (it would be dropped from the signed data)");
        }
    }

    private record ContextKey(String context, TermPolicy policy) {
    }

    private static JsonLdException translate(com.apicatalog.jsonld.JsonLdError e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonLdException ours) {
                return new JsonLdException(ours.code(), ours.getMessage(), e);
            }
        }
        JsonLdErrorCode code = e.getCode();
        if (code == JsonLdErrorCode.UNDEFINED_TERM) {
            return new JsonLdException(JsonLdError.UNDEFINED_TERM,
                    "safe mode: the document uses a term that no context defines, which canonicalization would drop", e);
        }
        if (code == JsonLdErrorCode.LOADING_DOCUMENT_FAILED || code == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
            return new JsonLdException(JsonLdError.UNKNOWN_CONTEXT, "a context could not be loaded from the shipped set", e);
        }
        String name = code == null ? "UNKNOWN" : code.name();
        if (name.contains("CONTEXT") || name.contains("TERM_DEFINITION") || name.contains("PROTECTED")) {
            return new JsonLdException(JsonLdError.INVALID_CONTEXT, "invalid JSON-LD context: " + name.toLowerCase(java.util.Locale.ROOT), e);
        }
        return new JsonLdException(JsonLdError.INVALID_JSON_LD, "not valid JSON-LD: " + name.toLowerCase(java.util.Locale.ROOT), e);
    }

    /** A thread-safe, unbounded cache: only the shipped contexts (a few dozen) are ever keys. */
    private static final class SharedCache<K, V> implements Cache<K, V> {
        private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();

        @Override
        public boolean containsKey(K key) {
            return map.containsKey(key);
        }

        @Override
        public V get(K key) {
            return map.get(key);
        }

        @Override
        public void put(K key, V value) {
            if (map.size() < 1024) {
                map.put(key, value);
            }
        }
    }
}
