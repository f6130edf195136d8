package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The issuer's choice of what is selectively disclosable: the claim set as a tree in which any object member
 * or array element can be marked disclosable. A marked object or array that itself has marked content gives a
 * recursive disclosure (RFC 9901 section 4.2.6).
 */
public sealed interface DisclosureSpec {

    /** Whether this node, as a member or element of its parent, is selectively disclosable. */
    boolean disclosable();

    /** The same node with the given disclosability. */
    DisclosureSpec withDisclosable(boolean disclosable);

    /** A value disclosed as it is (scalars, or objects and arrays with nothing disclosable inside). */
    record Value(JsonNode value, boolean disclosable) implements DisclosureSpec {
        public Value {
            value = Objects.requireNonNull(value, "value").deepCopy();
        }

        @Override
        public JsonNode value() {
            return value.deepCopy();
        }

        @Override
        public Value withDisclosable(boolean d) {
            return new Value(value, d);
        }
    }

    /** An object whose members each have their own spec (member order is kept). */
    record Obj(Map<String, DisclosureSpec> members, boolean disclosable) implements DisclosureSpec {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public Obj withDisclosable(boolean d) {
            return new Obj(members, d);
        }
    }

    /** An array whose elements each have their own spec. */
    record Arr(List<DisclosureSpec> elements, boolean disclosable) implements DisclosureSpec {
        public Arr {
            elements = List.copyOf(elements);
        }

        @Override
        public Arr withDisclosable(boolean d) {
            return new Arr(elements, d);
        }
    }

    /** A plain (nothing disclosable) spec of a JSON value. */
    static DisclosureSpec plain(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, DisclosureSpec> members = new LinkedHashMap<>();
            object.properties().forEach(e -> members.put(e.getKey(), plain(e.getValue())));
            return new Obj(members, false);
        }
        if (node instanceof ArrayNode array) {
            List<DisclosureSpec> elements = new ArrayList<>();
            array.forEach(e -> elements.add(plain(e)));
            return new Arr(elements, false);
        }
        return new Value(node, false);
    }

    /**
     * The claims with the members and elements at {@code disclosable} paths marked selectively disclosable.
     * Marking both {@code ["address"]} and {@code ["address","street"]} gives a recursive disclosure.
     */
    static Obj of(ObjectNode claims, Collection<ClaimPath> disclosable) throws SdJwtException {
        Obj root = (Obj) plain(claims);
        Set<ClaimPath> unique = new HashSet<>(disclosable);
        for (ClaimPath path : unique) {
            if (path.isRoot()) {
                throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC, "the claim set itself cannot be disclosable");
            }
            root = (Obj) mark(root, path, 0);
        }
        return root;
    }

    private static DisclosureSpec mark(DisclosureSpec node, ClaimPath path, int depth) throws SdJwtException {
        if (depth == path.size()) {
            return node.withDisclosable(true);
        }
        Object step = path.elements().get(depth);
        if (node instanceof Obj obj && step instanceof String name && obj.members().containsKey(name)) {
            Map<String, DisclosureSpec> members = new LinkedHashMap<>(obj.members());
            members.put(name, mark(members.get(name), path, depth + 1));
            return new Obj(members, obj.disclosable());
        }
        if (node instanceof Arr arr && step instanceof Integer index && index < arr.elements().size()) {
            List<DisclosureSpec> elements = new ArrayList<>(arr.elements());
            elements.set(index, mark(elements.get(index), path, depth + 1));
            return new Arr(elements, arr.disclosable());
        }
        throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC, "no claim at " + path.prefix(depth + 1));
    }
}
