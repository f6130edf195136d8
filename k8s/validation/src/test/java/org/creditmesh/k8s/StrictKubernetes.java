package org.creditmesh.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses a Kubernetes object into fabric8's typed model as strictly as the API server would: an unknown kind, an
 * unknown field anywhere, or a value of the wrong JSON type is an error naming where it is.
 *
 * <p>Hand-written on top of the model because fabric8 is lenient by design (unknown fields land in each object's
 * {@code additionalProperties}, and Jackson coerces "4" to 4 and 4 to "4"); the strictness is this walk and the
 * coercion settings, the schema is fabric8's.
 */
final class StrictKubernetes {

    private static final ObjectMapper MAPPER = strictMapper();

    private StrictKubernetes() {
    }

    /** The typed object, or {@link InvalidManifestException} listing every problem found. */
    static HasMetadata parse(JsonNode document) {
        String where = document.path("kind").asText("?") + " " + document.path("metadata").path("name").asText("?");
        KubernetesResource resource;
        try {
            resource = MAPPER.treeToValue(document, KubernetesResource.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new InvalidManifestException(where, List.of(e.getOriginalMessage() + " at " + e.getPathReference()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidManifestException(where, List.of(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException(where, List.of(String.valueOf(e.getMessage())));
        }
        if (!(resource instanceof HasMetadata typed) || resource instanceof GenericKubernetesResource) {
            throw new InvalidManifestException(where, List.of("unknown kind " + document.path("apiVersion").asText()
                    + "/" + document.path("kind").asText()));
        }
        List<String> problems = new ArrayList<>();
        walk(resource, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(where, problems);
        }
        return typed;
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
        // The API server takes no number or boolean where a string is declared (an env value of 0, a label of true).
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Every model object reachable through getters: none may carry fields the model does not know. */
    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + getter, e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add("unknown field " + unknown.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
                continue;
            }
            walk(child, path + "." + property(getter.getName()), problems);
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }

    /** A manifest the API server would refuse, with each reason. */
    static final class InvalidManifestException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidManifestException(String where, List<String> problems) {
            super(where + ": " + String.join("; ", problems));
        }
    }
}
