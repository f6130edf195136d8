package org.creditmesh.core.dcql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * One Claims Query (OpenID4VP 1.0 section 6.3): a claims path pointer (section 7) and optionally the values the
 * claim must have. A path element is a member name, a non-negative array index, or {@link #ALL_ELEMENTS} (JSON
 * {@code null}: every element of an array).
 *
 * @param id     the claim's id, needed only when the Credential Query has {@code claim_sets}
 * @param path   member names ({@link String}), indexes ({@link Integer}) and {@link #ALL_ELEMENTS}
 * @param values the accepted values (strings, integers, booleans); empty when any value will do
 */
public record DcqlClaimsQuery(Optional<String> id, List<Object> path, List<JsonNode> values) {

    /** The {@code null} path element: selects all elements of the array at that point. */
    public enum Wildcard { ALL_ELEMENTS }

    public static final Wildcard ALL_ELEMENTS = Wildcard.ALL_ELEMENTS;

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    public DcqlClaimsQuery {
        Objects.requireNonNull(id, "id");
        path = List.copyOf(path);
        values = values.stream().<JsonNode>map(JsonNode::deepCopy).toList();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a claims path pointer is a non-empty array");
        }
        for (Object e : path) {
            if (!(e instanceof String || (e instanceof Integer i && i >= 0) || e == ALL_ELEMENTS)) {
                throw new IllegalArgumentException("path elements are names, non-negative indexes or ALL_ELEMENTS");
            }
        }
        id.ifPresent(value -> {
            if (!ID.matcher(value).matches()) {
                throw new IllegalArgumentException("a claim id consists of alphanumerics, '_' and '-'");
            }
        });
    }

    /** A query for the claim at {@code path} (member names and indexes), any value. */
    public static DcqlClaimsQuery of(Object... path) {
        return new DcqlClaimsQuery(Optional.empty(), List.of(path), List.of());
    }

    @Override
    public List<JsonNode> values() {
        return values.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    static DcqlClaimsQuery parse(JsonNode node, String where) throws DcqlException {
        if (!node.isObject()) {
            throw malformed(where + " is a JSON object");
        }
        Optional<String> id = Optional.empty();
        JsonNode idNode = node.get(DcqlSpecs.ID);
        if (idNode != null) {
            if (!idNode.isTextual() || !ID.matcher(idNode.textValue()).matches()) {
                throw malformed(where + ".id is a non-empty string of alphanumerics, '_' and '-'");
            }
            id = Optional.of(idNode.textValue());
        }
        JsonNode pathNode = node.get(DcqlSpecs.PATH);
        if (pathNode == null || !pathNode.isArray() || pathNode.isEmpty()) {
            throw malformed(where + ".path is a non-empty array (section 7)");
        }
        List<Object> path = new ArrayList<>();
        for (JsonNode e : pathNode) {
            if (e.isTextual()) {
                path.add(e.textValue());
            } else if (e.isNull()) {
                path.add(ALL_ELEMENTS);
            } else if (e.isIntegralNumber() && e.canConvertToInt() && e.intValue() >= 0) {
                path.add(e.intValue());
            } else {
                throw malformed(where + ".path holds strings, non-negative integers and null (section 7)");
            }
        }
        List<JsonNode> values = new ArrayList<>();
        JsonNode valuesNode = node.get(DcqlSpecs.VALUES);
        if (valuesNode != null) {
            if (!valuesNode.isArray() || valuesNode.isEmpty()) {
                throw malformed(where + ".values is a non-empty array");
            }
            for (JsonNode v : valuesNode) {
                if (!(v.isTextual() || v.isIntegralNumber() || v.isBoolean())) {
                    throw malformed(where + ".values holds strings, integers and booleans (section 6.3)");
                }
                values.add(v);
            }
        }
        return new DcqlClaimsQuery(id, path, values);
    }

    ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        id.ifPresent(v -> out.put(DcqlSpecs.ID, v));
        ArrayNode p = out.putArray(DcqlSpecs.PATH);
        for (Object e : path) {
            if (e instanceof String s) {
                p.add(s);
            } else if (e instanceof Integer i) {
                p.add(i);
            } else {
                p.addNull();
            }
        }
        if (!values.isEmpty()) {
            ArrayNode v = out.putArray(DcqlSpecs.VALUES);
            values.forEach(v::add);
        }
        return out;
    }

    /**
     * The concrete paths this pointer selects in {@code claims} (section 7.1: a missing member or index, or a
     * wildcard over a non-array, selects nothing), restricted to claims whose value is one of {@link #values()}
     * when those are given.
     */
    public List<ClaimPath> select(JsonNode claims) {
        List<ClaimPath> found = new ArrayList<>();
        walk(claims, 0, ClaimPath.root(), found);
        if (values.isEmpty()) {
            return List.copyOf(found);
        }
        return found.stream().filter(p -> values.contains(at(claims, p))).toList();
    }

    /** Whether {@code claims} has a claim this query asks for (with an accepted value, when values are given). */
    public boolean isSatisfiedBy(JsonNode claims) {
        return !select(claims).isEmpty();
    }

    /**
     * Whether disclosing {@code disclosed} is needed for this query: it is a claim the pointer selects, lies
     * inside one, or encloses one (a disclosed object or array on the way to the requested claim).
     */
    public boolean covers(ClaimPath disclosed) {
        int n = Math.min(disclosed.size(), path.size());
        for (int i = 0; i < n; i++) {
            Object want = path.get(i);
            Object got = disclosed.elements().get(i);
            boolean same = want == ALL_ELEMENTS ? got instanceof Integer : want.equals(got);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private void walk(JsonNode node, int depth, ClaimPath at, List<ClaimPath> found) {
        if (depth == path.size()) {
            found.add(at);
            return;
        }
        Object step = path.get(depth);
        if (step instanceof String name) {
            if (node.isObject() && node.has(name)) {
                walk(node.get(name), depth + 1, at.member(name), found);
            }
        } else if (step instanceof Integer index) {
            if (node.isArray() && index < node.size()) {
                walk(node.get(index), depth + 1, at.element(index), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), depth + 1, at.element(i), found);
            }
        }
    }

    /** The value at a concrete path (which {@link #select} found, so it exists). */
    public static JsonNode at(JsonNode claims, ClaimPath path) {
        JsonNode current = claims;
        for (Object e : path.elements()) {
            current = e instanceof String s ? current.get(s) : current.get((Integer) e);
        }
        return current;
    }

    private static DcqlException malformed(String message) {
        return new DcqlException(DcqlError.MALFORMED_QUERY, message);
    }
}
