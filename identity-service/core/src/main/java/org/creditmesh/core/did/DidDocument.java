package org.creditmesh.core.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A DID document (W3C DID Core 1.0 section 5; W3C Controlled Identifiers 1.0 section 2), in its JSON
 * representation (DID Core section 6.2). Immutable; {@link #parse(String)} and {@link #serialize()}
 * round-trip every member this record models, and members it does not model are kept in
 * {@link #otherMembers()}. Relative {@code #fragment} references are made absolute on parse.
 *
 * @param context          {@code @context} as written, or null
 * @param id               the DID the document is about
 * @param controller       DIDs of the document's controllers (written as a string when there is one)
 * @param alsoKnownAs      other URIs of the subject
 * @param verificationMethod the methods listed in {@code verificationMethod}
 * @param relationships    the verification relationships present (absent ones are not keys)
 * @param service          service entries
 * @param otherMembers     members not modelled here, as JSON (copied in and out)
 */
public record DidDocument(JsonNode context, Did id, List<String> controller, List<String> alsoKnownAs,
        List<VerificationMethod> verificationMethod, Map<VerificationRelationship, List<MethodReference>> relationships,
        List<Service> service, Map<String, JsonNode> otherMembers) {

    /** Copies everything and checks that method ids are unique (DID Core 1.0 section 5.2). */
    public DidDocument {
        context = context == null ? null : context.deepCopy();
        Objects.requireNonNull(id, "id");
        controller = List.copyOf(controller);
        alsoKnownAs = List.copyOf(alsoKnownAs);
        verificationMethod = List.copyOf(verificationMethod);
        EnumMap<VerificationRelationship, List<MethodReference>> rel = new EnumMap<>(VerificationRelationship.class);
        relationships.forEach((k, v) -> rel.put(Objects.requireNonNull(k), List.copyOf(v)));
        relationships = Collections.unmodifiableMap(rel);
        service = List.copyOf(service);
        Map<String, JsonNode> other = new LinkedHashMap<>();
        otherMembers.forEach((k, v) -> other.put(k, v.deepCopy()));
        otherMembers = Collections.unmodifiableMap(other);
        Set<String> ids = new HashSet<>();
        for (VerificationMethod m : verificationMethod) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("duplicate verification method id " + m.id());
            }
        }
        for (List<MethodReference> refs : relationships.values()) {
            for (MethodReference ref : refs) {
                if (ref instanceof MethodReference.Embedded e && !ids.add(e.id())) {
                    throw new IllegalArgumentException("duplicate verification method id " + e.id());
                }
            }
        }
    }

    @Override
    public JsonNode context() {
        return context == null ? null : context.deepCopy();
    }

    @Override
    public Map<String, JsonNode> otherMembers() {
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        otherMembers.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    /** The entries of one relationship, empty when the document does not have it. */
    public List<MethodReference> relationship(VerificationRelationship relationship) {
        return relationships.getOrDefault(relationship, List.of());
    }

    /**
     * The method a DID URL (absolute, or a relative {@code #fragment}) names, looked up in
     * {@code verificationMethod} and among the methods embedded in relationships.
     */
    public Optional<VerificationMethod> findVerificationMethod(String didUrl) {
        String absolute;
        try {
            absolute = DidUrl.resolve(id, didUrl).toString();
        } catch (DidException e) {
            return Optional.empty();
        }
        for (VerificationMethod m : verificationMethod) {
            if (m.id().equals(absolute)) {
                return Optional.of(m);
            }
        }
        for (List<MethodReference> refs : relationships.values()) {
            for (MethodReference ref : refs) {
                if (ref instanceof MethodReference.Embedded e && e.id().equals(absolute)) {
                    return Optional.of(e.method());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The method named by {@code didUrl} if, and only if, it is listed under {@code relationship}
     * (by reference or embedded). This is the check a verifier makes, e.g. that a credential's key
     * is an {@code assertionMethod} of its issuer (DID Core 1.0 section 5.3.2).
     */
    public Optional<VerificationMethod> authorizedMethod(VerificationRelationship relationship, String didUrl) {
        String absolute;
        try {
            absolute = DidUrl.resolve(id, didUrl).toString();
        } catch (DidException e) {
            return Optional.empty();
        }
        for (MethodReference ref : relationship(relationship)) {
            if (ref.id().equals(absolute)) {
                return ref instanceof MethodReference.Embedded e ? Optional.of(e.method()) : findVerificationMethod(absolute);
            }
        }
        return Optional.empty();
    }

    /**
     * The methods of one relationship that this document defines (references to methods of other
     * documents are left out: resolve their DID to use them).
     */
    public List<VerificationMethod> verificationMethods(VerificationRelationship relationship) {
        List<VerificationMethod> out = new ArrayList<>();
        for (MethodReference ref : relationship(relationship)) {
            if (ref instanceof MethodReference.Embedded e) {
                out.add(e.method());
            } else {
                findVerificationMethod(ref.id()).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---- JSON ----

    /** Parses the JSON representation (strictly, through {@link Json}). */
    public static DidDocument parse(String json) throws DidException {
        return parse(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the JSON representation from UTF-8 bytes. */
    public static DidDocument parse(byte[] json) throws DidException {
        try {
            return fromJson(Json.parseObject(json));
        } catch (MalformedJsonException e) {
            throw new DidException(DidError.INVALID_DOCUMENT, "the DID document is not acceptable JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a DID document from a parsed JSON object. */
    public static DidDocument fromJson(JsonNode node) throws DidException {
        if (!(node instanceof ObjectNode object)) {
            throw invalid("a DID document is a JSON object");
        }
        JsonNode idNode = object.get(DidSpecs.ID);
        if (idNode == null || !idNode.isTextual()) {
            throw invalid("a DID document has a string id (DID Core 1.0 section 5.1.1)");
        }
        Did id;
        try {
            id = Did.parse(idNode.asText());
        } catch (DidException e) {
            throw new DidException(DidError.INVALID_DOCUMENT, "the document id is not a DID: " + e.getMessage(), e);
        }
        Builder b = builder(id);
        Map<String, VerificationRelationship> relationshipMembers = new LinkedHashMap<>();
        for (VerificationRelationship r : VerificationRelationship.values()) {
            relationshipMembers.put(r.member(), r);
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case DidSpecs.ID -> { }
                case DidSpecs.CONTEXT -> b.context(value);
                case DidSpecs.CONTROLLER -> {
                    for (String c : stringOrSet(value, name)) {
                        try {
                            b.controller(Did.parse(c).toString());
                        } catch (DidException e) {
                            throw new DidException(DidError.INVALID_DOCUMENT, "controller is not a DID: " + e.getMessage(), e);
                        }
                    }
                }
                case DidSpecs.ALSO_KNOWN_AS -> {
                    if (!value.isArray()) {
                        throw invalid("alsoKnownAs is a set of URIs");
                    }
                    for (JsonNode aka : value) {
                        b.alsoKnownAs(requireText(aka, name));
                    }
                }
                case DidSpecs.VERIFICATION_METHOD -> {
                    if (!value.isArray()) {
                        throw invalid("verificationMethod is a set of verification methods");
                    }
                    for (JsonNode m : value) {
                        b.verificationMethod(VerificationMethod.fromJson(m, id));
                    }
                }
                case DidSpecs.SERVICE -> {
                    if (!value.isArray()) {
                        throw invalid("service is a set of services");
                    }
                    for (JsonNode s : value) {
                        b.service(readService(s, id));
                    }
                }
                default -> {
                    VerificationRelationship r = relationshipMembers.get(name);
                    if (r == null) {
                        b.otherMember(name, value);
                    } else {
                        if (!value.isArray()) {
                            throw invalid(name + " is a set of verification methods or references");
                        }
                        List<MethodReference> refs = new ArrayList<>();
                        for (JsonNode entry : value) {
                            if (entry.isTextual()) {
                                try {
                                    refs.add(new MethodReference.Reference(DidUrl.resolve(id, entry.asText()).toString()));
                                } catch (DidException e) {
                                    throw new DidException(DidError.INVALID_DOCUMENT, name + ": " + e.getMessage(), e);
                                }
                            } else {
                                refs.add(new MethodReference.Embedded(VerificationMethod.fromJson(entry, id)));
                            }
                        }
                        b.relationship(r, refs);
                    }
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The JSON representation. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        if (context != null) {
            node.set(DidSpecs.CONTEXT, context.deepCopy());
        }
        node.put(DidSpecs.ID, id.toString());
        if (controller.size() == 1) {
            node.put(DidSpecs.CONTROLLER, controller.get(0));
        } else if (!controller.isEmpty()) {
            ArrayNode arr = node.putArray(DidSpecs.CONTROLLER);
            controller.forEach(arr::add);
        }
        if (!alsoKnownAs.isEmpty()) {
            ArrayNode arr = node.putArray(DidSpecs.ALSO_KNOWN_AS);
            alsoKnownAs.forEach(arr::add);
        }
        if (!verificationMethod.isEmpty()) {
            ArrayNode arr = node.putArray(DidSpecs.VERIFICATION_METHOD);
            verificationMethod.forEach(m -> arr.add(m.toJson()));
        }
        for (VerificationRelationship r : VerificationRelationship.values()) {
            List<MethodReference> refs = relationships.get(r);
            if (refs != null) {
                ArrayNode arr = node.putArray(r.member());
                for (MethodReference ref : refs) {
                    switch (ref) {
                        case MethodReference.Reference reference -> arr.add(reference.id());
                        case MethodReference.Embedded embedded -> arr.add(embedded.method().toJson());
                    }
                }
            }
        }
        if (!service.isEmpty()) {
            ArrayNode arr = node.putArray(DidSpecs.SERVICE);
            for (Service s : service) {
                ObjectNode sn = arr.addObject();
                sn.put(DidSpecs.ID, s.id());
                if (s.type().size() == 1) {
                    sn.put(DidSpecs.TYPE, s.type().get(0));
                } else {
                    ArrayNode types = sn.putArray(DidSpecs.TYPE);
                    s.type().forEach(types::add);
                }
                sn.set(DidSpecs.SERVICE_ENDPOINT, s.serviceEndpoint());
            }
        }
        otherMembers.forEach((k, v) -> node.set(k, v.deepCopy()));
        return node;
    }

    /** Compact JSON; {@link #parse(String)} of it gives an equal document. */
    public String serialize() {
        return Json.write(toJson());
    }

    private static Service readService(JsonNode node, Did base) throws DidException {
        if (!(node instanceof ObjectNode object)) {
            throw invalid("a service is a JSON object");
        }
        String rawId = requireText(object.get(DidSpecs.ID), "service id");
        String sid = rawId.startsWith("#") ? base + rawId : rawId;
        List<String> types = stringOrSet(object.get(DidSpecs.TYPE), "service type");
        JsonNode endpoint = object.get(DidSpecs.SERVICE_ENDPOINT);
        if (endpoint == null || !(endpoint.isTextual() || endpoint.isObject() || endpoint.isArray())) {
            throw invalid("a service has a serviceEndpoint string, map or set (DID Core 1.0 section 5.4)");
        }
        try {
            return new Service(sid, types, endpoint);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static List<String> stringOrSet(JsonNode value, String name) throws DidException {
        if (value != null && value.isTextual()) {
            return List.of(value.asText());
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw invalid(name + " is a string or a non-empty set of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : value) {
            out.add(requireText(v, name));
        }
        return out;
    }

    private static String requireText(JsonNode value, String name) throws DidException {
        if (value == null || !value.isTextual()) {
            throw invalid(name + " must be a string");
        }
        return value.asText();
    }

    private static DidException invalid(String message) {
        return new DidException(DidError.INVALID_DOCUMENT, message);
    }

    // ---- building ----

    /** A builder for a document about {@code id}. */
    public static Builder builder(Did id) {
        return new Builder(id);
    }

    /** Collects the optional parts of a document. */
    public static final class Builder {
        private final Did id;
        private JsonNode context;
        private final List<String> controller = new ArrayList<>();
        private final List<String> alsoKnownAs = new ArrayList<>();
        private final List<VerificationMethod> verificationMethod = new ArrayList<>();
        private final Map<VerificationRelationship, List<MethodReference>> relationships =
                new EnumMap<>(VerificationRelationship.class);
        private final List<Service> service = new ArrayList<>();
        private final Map<String, JsonNode> otherMembers = new LinkedHashMap<>();

        private Builder(Did id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder context(JsonNode context) {
            this.context = context;
            return this;
        }

        /** Sets {@code @context} to these URLs. */
        public Builder context(String... contexts) {
            ArrayNode arr = Json.mapper().createArrayNode();
            for (String c : contexts) {
                arr.add(c);
            }
            this.context = arr;
            return this;
        }

        public Builder controller(String did) {
            controller.add(did);
            return this;
        }

        public Builder alsoKnownAs(String uri) {
            alsoKnownAs.add(uri);
            return this;
        }

        public Builder verificationMethod(VerificationMethod method) {
            verificationMethod.add(method);
            return this;
        }

        /** Adds references to {@code methodIds} under {@code relationship}. */
        public Builder reference(VerificationRelationship relationship, String... methodIds) {
            List<MethodReference> refs = relationships.computeIfAbsent(relationship, r -> new ArrayList<>());
            for (String m : methodIds) {
                refs.add(new MethodReference.Reference(m));
            }
            return this;
        }

        /** Embeds {@code method} under {@code relationship}. */
        public Builder embed(VerificationRelationship relationship, VerificationMethod method) {
            relationships.computeIfAbsent(relationship, r -> new ArrayList<>()).add(new MethodReference.Embedded(method));
            return this;
        }

        public Builder relationship(VerificationRelationship relationship, List<MethodReference> entries) {
            relationships.computeIfAbsent(relationship, r -> new ArrayList<>()).addAll(entries);
            return this;
        }

        public Builder service(Service s) {
            service.add(s);
            return this;
        }

        public Builder otherMember(String name, JsonNode value) {
            otherMembers.put(name, value);
            return this;
        }

        /** The document; throws {@link IllegalArgumentException} for duplicate method ids. */
        public DidDocument build() {
            return new DidDocument(context, id, controller, alsoKnownAs, verificationMethod, relationships, service, otherMembers);
        }
    }
}
