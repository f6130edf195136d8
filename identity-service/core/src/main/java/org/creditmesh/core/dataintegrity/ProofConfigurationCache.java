package org.creditmesh.core.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;

/**
 * Reuses the canonical proof configuration across proofs that differ only in {@code created}.
 *
 * <p>Why: the proof configuration is a handful of quads, but producing them re-runs JSON-LD context
 * processing of the {@code DataIntegrityProof} type-scoped context every time, about a third of a
 * verification. An issuer's proofs share everything but {@code created} (same context, key, purpose).
 *
 * <p>How, exactly: for a given {@code @context} and proof options without {@code created}, the
 * configuration is canonicalized twice with two different sentinel dates. The cached template is used
 * only if both runs prove that {@code created} becomes one quad {@code _:c14n0 <p> "DATE"^^xsd:dateTime}
 * whose predicate no other quad has, that there is at most one blank node, and that the two outputs
 * differ in that literal only. Then RDFC-1.0's output for any other date is the template with the
 * literal replaced (the blank-node label and the line order do not depend on it). Dates are accepted
 * only in plain XML Schema dateTimeStamp form, which N-Quads writes verbatim. Anything else takes the
 * full path.
 */
final class ProofConfigurationCache {

    private static final String SENTINEL_A = "1970-01-01T00:00:00Z";
    private static final String SENTINEL_B = "1971-02-03T04:05:06Z";
    private static final String DATETIME = "^^<http://www.w3.org/2001/XMLSchema#dateTime> .";
    private static final Pattern DATE_TIME_STAMP = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
    /** Input fills the cache (any verificationMethod); past this size, configurations are not cached. */
    private static final int MAX_ENTRIES = 4096;

    /** A template: the canonical text split around the created literal, or {@code null} if not cacheable. */
    private record Template(String before, String after) {
    }

    private record Key(String context, String options, TermPolicy policy) {
    }

    private static final Template NOT_CACHEABLE = new Template(null, null);

    private final ConcurrentHashMap<Key, Template> templates = new ConcurrentHashMap<>();

    @FunctionalInterface
    interface Canonicalizer {
        String canonicalize(ObjectNode config) throws DataIntegrityException;
    }

    /**
     * The canonical proof configuration of {@code config} (proof options with {@code @context} set),
     * computed with {@code full} or from a cached template.
     */
    String canonicalize(ObjectNode config, TermPolicy policy, Canonicalizer full) throws DataIntegrityException {
        JsonNode created = config.get(DataIntegritySpecs.CREATED);
        if (created == null || !created.isTextual() || !DATE_TIME_STAMP.matcher(created.textValue()).matches()) {
            return full.canonicalize(config);
        }
        ObjectNode rest = config.deepCopy();
        rest.remove(DataIntegritySpecs.CREATED);
        JsonNode context = rest.remove(DataIntegritySpecs.CONTEXT);
        Key key = new Key(String.valueOf(context), rest.toString(), policy);
        Template template = templates.get(key);
        if (template == null) {
            template = build(config, full);
            if (templates.size() < MAX_ENTRIES) {
                templates.putIfAbsent(key, template);
            }
        }
        if (template == NOT_CACHEABLE) {
            return full.canonicalize(config);
        }
        return template.before() + created.textValue() + template.after();
    }

    private static Template build(ObjectNode config, Canonicalizer full) throws DataIntegrityException {
        String a = full.canonicalize(withCreated(config, SENTINEL_A));
        String b = full.canonicalize(withCreated(config, SENTINEL_B));
        int at = a.indexOf('"' + SENTINEL_A + '"');
        if (at < 0 || a.indexOf(SENTINEL_A, at + 2) >= 0 || a.contains("_:c14n1")
                || !b.equals(a.replace(SENTINEL_A, SENTINEL_B))) {
            return NOT_CACHEABLE;
        }
        int lineStart = a.lastIndexOf('\n', at) + 1;
        int lineEnd = a.indexOf('\n', at);
        String line = a.substring(lineStart, lineEnd);
        if (!line.startsWith("_:c14n0 <") || !line.endsWith('"' + SENTINEL_A + '"' + DATETIME)) {
            return NOT_CACHEABLE;
        }
        String predicatePrefix = line.substring(0, line.indexOf('>') + 1) + " ";
        if (a.indexOf(predicatePrefix) != lineStart || a.indexOf(predicatePrefix, lineEnd) >= 0) {
            return NOT_CACHEABLE;
        }
        return new Template(a.substring(0, at + 1), a.substring(at + 1 + SENTINEL_A.length()));
    }

    private static ObjectNode withCreated(ObjectNode config, String created) {
        ObjectNode copy = config.deepCopy();
        copy.put(DataIntegritySpecs.CREATED, created);
        return copy;
    }

    /** Whether a usable template is cached for {@code config} (for tests). */
    boolean hasTemplate(ObjectNode config, TermPolicy policy) {
        ObjectNode rest = config.deepCopy();
        rest.remove(DataIntegritySpecs.CREATED);
        JsonNode context = rest.remove(DataIntegritySpecs.CONTEXT);
        Template template = templates.get(new Key(String.valueOf(context), rest.toString(), policy));
        return template != null && template != NOT_CACHEABLE;
    }
}
