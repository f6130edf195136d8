package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the sd-jwt-python test case YAML, where the local tag {@code !sd} marks a mapping key (an object
 * member) or a sequence item (an array element) as selectively disclosable. A tagged node is read as the
 * value it would be without the tag, wrapped in {@link Sd}; {@link #toSpec(Object)} turns the result into a
 * {@link DisclosureSpec}.
 */
final class SdYaml {

    /** A value marked {@code !sd}. */
    record Sd(Object value) {
    }

    private static final Tag SD_TAG = new Tag("!sd");

    private static final class SdConstructor extends SafeConstructor {
        private final Resolver resolver = new Resolver();

        SdConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(SD_TAG, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    // The explicit tag replaced the implicit one; restore what the node would resolve to untagged.
                    if (node instanceof ScalarNode scalar) {
                        node.setTag(scalar.isPlain() ? resolver.resolve(NodeId.scalar, scalar.getValue(), true) : Tag.STR);
                    } else {
                        node.setTag(node.getNodeId() == NodeId.sequence ? Tag.SEQ : Tag.MAP);
                    }
                    return new Sd(getConstructor(node).construct(node));
                }
            });
        }
    }

    private SdYaml() {
    }

    static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> map = new Yaml(new SdConstructor()).load(reader);
            return map;
        }
    }

    /** The YAML value as a disclosure spec: {@code !sd} keys and items become disclosable. */
    static DisclosureSpec toSpec(Object yaml) {
        boolean sd = yaml instanceof Sd;
        Object value = sd ? ((Sd) yaml).value() : yaml;
        DisclosureSpec spec;
        if (value instanceof Map<?, ?> map) {
            Map<String, DisclosureSpec> members = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                boolean sdKey = e.getKey() instanceof Sd;
                Object key = sdKey ? ((Sd) e.getKey()).value() : e.getKey();
                DisclosureSpec member = toSpec(e.getValue());
                members.put(String.valueOf(key), sdKey ? member.withDisclosable(true) : member);
            }
            spec = new DisclosureSpec.Obj(members, false);
        } else if (value instanceof List<?> list) {
            List<DisclosureSpec> elements = new ArrayList<>();
            list.forEach(e -> elements.add(toSpec(e)));
            spec = new DisclosureSpec.Arr(elements, false);
        } else {
            spec = new DisclosureSpec.Value(Json.toNode(value), false);
        }
        return sd ? spec.withDisclosable(true) : spec;
    }

    /** Plain YAML (no {@code !sd}) as JSON. */
    static JsonNode toJson(Object yaml) {
        return Json.toNode(strip(yaml));
    }

    /** The YAML value with every {@code !sd} mark removed. */
    static Object strip(Object yaml) {
        Object value = yaml instanceof Sd sd ? sd.value() : yaml;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k instanceof Sd s ? s.value() : k), strip(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(strip(e)));
            return out;
        }
        return value;
    }

    /**
     * The holder's choice in {@code holder_disclosed_claims} as claim paths: {@code true} discloses the claim,
     * a mapping or sequence discloses the claim and what it says inside, {@code false}/null (or any other
     * scalar) discloses nothing.
     */
    static List<ClaimPath> holderPaths(Object yaml, ClaimPath at, List<ClaimPath> out) {
        if (Boolean.TRUE.equals(yaml)) {
            out.add(at);
        } else if (yaml instanceof Map<?, ?> map) {
            if (!at.isRoot()) {
                out.add(at);
            }
            map.forEach((k, v) -> holderPaths(v, at.member(String.valueOf(k)), out));
        } else if (yaml instanceof List<?> list) {
            if (!at.isRoot()) {
                out.add(at);
            }
            for (int i = 0; i < list.size(); i++) {
                holderPaths(list.get(i), at.element(i), out);
            }
        }
        return out;
    }
}
