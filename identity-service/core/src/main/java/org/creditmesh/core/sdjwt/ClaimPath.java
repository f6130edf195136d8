package org.creditmesh.core.sdjwt;

import java.util.List;
import java.util.Objects;

/**
 * A path to a claim: object member names and array indexes from the top of the claim set, like the
 * claims path pointers of OpenID4VP (DCQL). Indexes count the elements of the fully disclosed array, as the
 * holder sees it with all its disclosures.
 *
 * @param elements {@link String} member names and non-negative {@link Integer} indexes
 */
public record ClaimPath(List<Object> elements) {

    public ClaimPath {
        elements = List.copyOf(elements);
        for (Object e : elements) {
            boolean ok = e instanceof String || (e instanceof Integer i && i >= 0);
            if (!ok) {
                throw new IllegalArgumentException("a claim path holds member names and non-negative indexes");
            }
        }
    }

    /** A path from names and indexes, e.g. {@code of("address", "street")} or {@code of("nationalities", 1)}. */
    public static ClaimPath of(Object... elements) {
        return new ClaimPath(List.of(elements));
    }

    public static ClaimPath root() {
        return new ClaimPath(List.of());
    }

    public ClaimPath member(String name) {
        return append(Objects.requireNonNull(name, "name"));
    }

    public ClaimPath element(int index) {
        return append(index);
    }

    public boolean isRoot() {
        return elements.isEmpty();
    }

    public int size() {
        return elements.size();
    }

    /** The first {@code length} elements. */
    public ClaimPath prefix(int length) {
        return new ClaimPath(elements.subList(0, length));
    }

    public ClaimPath parent() {
        return prefix(elements.size() - 1);
    }

    private ClaimPath append(Object element) {
        Object[] next = elements.toArray(new Object[elements.size() + 1]);
        next[next.length - 1] = element;
        // List.of copies the array once; the constructor's List.copyOf then keeps that immutable list as is.
        return new ClaimPath(List.of(next));
    }

    /** JSON array form, e.g. {@code ["address","street"]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object e = elements.get(i);
            sb.append(e instanceof String s ? org.creditmesh.core.json.Json.write(s) : e.toString());
        }
        return sb.append(']').toString();
    }
}
