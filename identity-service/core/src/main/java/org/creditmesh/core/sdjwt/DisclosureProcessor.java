package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.core.json.Json;

/**
 * Disclosure processing of RFC 9901 section 7.1: replaces digests by the disclosed claims,
 * drops unmatched digests (decoys or undisclosed claims), removes {@code _sd}/{@code _sd_alg}, and refuses
 * every ambiguity the RFC lists. Shared by the verifier and the holder.
 */
final class DisclosureProcessor {

    /** Where a disclosure landed in the processed claims. */
    record Placement(Disclosure disclosure, ClaimPath path) {
    }

    /** The processed claim set and the place of each disclosure. */
    record Result(ObjectNode claims, List<Placement> placements) {
    }

    private final HashAlgorithm alg;
    private final Map<DisclosureDigest, Disclosure> byDigest = new HashMap<>();
    private final Set<DisclosureDigest> seenDigests = new HashSet<>();
    /**
     * How many disclosures were found by digest. Each digest is looked up at most once (a second one is refused)
     * and each one found is placed or refused, so all were used exactly when this is the number of disclosures;
     * a set of the used digests (the former check) cost 40 more hash operations per SD-JWT of 20 disclosures.
     */
    private int used;
    private final List<Placement> placements = new ArrayList<>();

    private DisclosureProcessor(HashAlgorithm alg) {
        this.alg = alg;
    }

    /** The hash algorithm named by the payload's {@code _sd_alg}, sha-256 when absent (RFC 9901 section 4.1.1). */
    static HashAlgorithm hashAlgorithm(ObjectNode payload) throws SdJwtException {
        JsonNode sdAlg = payload.get(SdJwtSpecs.SD_ALG);
        if (sdAlg == null) {
            return HashAlgorithm.SHA_256;
        }
        if (!sdAlg.isTextual()) {
            throw new SdJwtException(SdJwtError.INVALID_SD_STRUCTURE, "_sd_alg must be a string");
        }
        return HashAlgorithm.fromIanaName(sdAlg.asText())
                .orElseThrow(() -> new SdJwtException(SdJwtError.UNSUPPORTED_SD_ALG, "_sd_alg " + sdAlg.asText() + " is not supported"));
    }

    static Result process(ObjectNode payload, List<Disclosure> disclosures) throws SdJwtException {
        HashAlgorithm alg = hashAlgorithm(payload);
        List<DisclosureDigest> digests = new ArrayList<>(disclosures.size());
        for (Disclosure d : disclosures) {
            digests.add(d.digest(alg));
        }
        return process(payload, alg, disclosures, digests);
    }

    /** {@link #process(ObjectNode, List)} of a parsed SD-JWT's disclosures, digested as {@link SdJwt#disclosureDigests} does. */
    static Result process(ObjectNode payload, SdJwt sdJwt) throws SdJwtException {
        HashAlgorithm alg = hashAlgorithm(payload);
        return process(payload, alg, sdJwt.disclosures(), sdJwt.disclosureDigests(alg));
    }

    private static Result process(ObjectNode payload, HashAlgorithm alg, List<Disclosure> disclosures,
                                  List<DisclosureDigest> digests) throws SdJwtException {
        DisclosureProcessor p = new DisclosureProcessor(alg);
        for (int i = 0; i < disclosures.size(); i++) {
            if (p.byDigest.put(digests.get(i), disclosures.get(i)) != null) {
                throw new SdJwtException(SdJwtError.DUPLICATE_DISCLOSURE, "the same disclosure is present twice");
            }
        }
        ObjectNode claims = p.object(payload, ClaimPath.root(), true);
        if (p.used != p.byDigest.size()) {
            throw new SdJwtException(SdJwtError.DISCLOSURE_DIGEST_MISSING,
                    "a disclosure's digest is not referenced by the issuer-signed JWT or another disclosure");
        }
        return new Result(claims, List.copyOf(p.placements));
    }

    private ObjectNode object(ObjectNode in, ClaimPath path, boolean top) throws SdJwtException {
        checkDepth(path);
        ObjectNode out = Json.mapper().createObjectNode();
        for (Map.Entry<String, JsonNode> member : in.properties()) {
            String name = member.getKey();
            if (name.equals(SdJwtSpecs.SD)) {
                continue;
            }
            if (name.equals(SdJwtSpecs.SD_ALG)) {
                if (!top) {
                    throw new SdJwtException(SdJwtError.INVALID_SD_STRUCTURE, "_sd_alg is allowed only at the top level");
                }
                continue;
            }
            out.set(name, value(member.getValue(), path, name));
        }
        JsonNode sd = in.get(SdJwtSpecs.SD);
        if (sd == null) {
            return out;
        }
        if (!sd.isArray()) {
            throw new SdJwtException(SdJwtError.INVALID_SD_STRUCTURE, "_sd must be an array of digests");
        }
        for (JsonNode entry : sd) {
            if (!entry.isTextual()) {
                throw new SdJwtException(SdJwtError.INVALID_SD_STRUCTURE, "_sd must be an array of digests");
            }
            Disclosure d = lookUp(new DisclosureDigest(entry.asText()));
            if (d == null) {
                continue;
            }
            if (d.isArrayElement()) {
                throw new SdJwtException(SdJwtError.DISCLOSURE_TYPE_MISMATCH,
                        "an array-element disclosure is referenced as an object member at " + path);
            }
            String name = d.name().orElseThrow();
            if (out.has(name)) {
                throw new SdJwtException(SdJwtError.CLAIM_NAME_COLLISION, "a disclosed claim name already exists at " + path);
            }
            ClaimPath at = path.member(name);
            placements.add(new Placement(d, at));
            out.set(name, value(d.valueForReading(), at));
        }
        return out;
    }

    private ArrayNode array(ArrayNode in, ClaimPath path) throws SdJwtException {
        checkDepth(path);
        ArrayNode out = Json.mapper().createArrayNode();
        for (JsonNode element : in) {
            if (element instanceof ObjectNode object && object.size() == 1 && object.has(SdJwtSpecs.ARRAY_ELEMENT_DIGEST)) {
                JsonNode digest = object.get(SdJwtSpecs.ARRAY_ELEMENT_DIGEST);
                if (!digest.isTextual()) {
                    throw new SdJwtException(SdJwtError.INVALID_SD_STRUCTURE, "an array element digest must be a string");
                }
                Disclosure d = lookUp(new DisclosureDigest(digest.asText()));
                if (d == null) {
                    continue;
                }
                if (!d.isArrayElement()) {
                    throw new SdJwtException(SdJwtError.DISCLOSURE_TYPE_MISMATCH,
                            "an object-member disclosure is referenced as an array element at " + path);
                }
                ClaimPath at = path.element(out.size());
                placements.add(new Placement(d, at));
                out.add(value(d.valueForReading(), at));
            } else {
                out.add(value(element, path, out.size()));
            }
        }
        return out;
    }

    /**
     * The processed value of the member or element {@code key} of {@code parent}. Scalars need no path of
     * their own; building one for every member was a measurable share of verifying an SD-JWT.
     */
    private JsonNode value(JsonNode node, ClaimPath parent, Object key) throws SdJwtException {
        if (!node.isContainerNode()) {
            return node.deepCopy();
        }
        return value(node, key instanceof String name ? parent.member(name) : parent.element((Integer) key));
    }

    private JsonNode value(JsonNode node, ClaimPath path) throws SdJwtException {
        if (node instanceof ObjectNode object) {
            return object(object, path, false);
        }
        if (node instanceof ArrayNode array) {
            return array(array, path);
        }
        return node.deepCopy();
    }

    /**
     * Each disclosure may nest up to the JSON parser's depth and may itself hold digests of further disclosures,
     * so the processed claims could nest far deeper than any one JSON text; bound it to keep the recursion safe.
     */
    private static void checkDepth(ClaimPath path) throws SdJwtException {
        if (path.size() > Json.MAX_NESTING_DEPTH) {
            throw new SdJwtException(SdJwtError.INPUT_TOO_LARGE, "the disclosed claims nest deeper than " + Json.MAX_NESTING_DEPTH);
        }
    }

    /** The disclosure for a digest, or null for a decoy; a digest seen twice is refused (section 7.1). */
    private Disclosure lookUp(DisclosureDigest digest) throws SdJwtException {
        if (!seenDigests.add(digest)) {
            throw new SdJwtException(SdJwtError.DUPLICATE_DIGEST, "a digest appears more than once");
        }
        Disclosure d = byDigest.get(digest);
        if (d != null) {
            used++;
        }
        return d;
    }
}
