package org.creditmesh.core.did;

import com.apicatalog.base.Base58;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyError;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * A verification method (DID Core 1.0 section 5.2; W3C Controlled Identifiers 1.0 section 2.2): a
 * public key, the DID URL that names it, its controller and the {@link KeyFormat} it is written in.
 *
 * @param id         the absolute DID URL of the method (relative {@code #fragment} ids are resolved on parse)
 * @param format     the {@code type} and the member the key is written in
 * @param controller the DID of the method's controller
 * @param key        the public key
 */
public record VerificationMethod(String id, KeyFormat format, String controller, VerificationKey key) {

    /** JWK members that carry private or symmetric key material (RFC 7518 sections 6.2.2, 6.3.2, 6.4.1). */
    private static final List<String> PRIVATE_JWK_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** Checks the id is a DID URL, the controller a DID and the format able to carry the key. */
    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(key, "key");
        try {
            DidUrl.parse(id);
            Did.parse(controller);
        } catch (DidException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!format.supports(key.type())) {
            throw new IllegalArgumentException(format.type() + " cannot carry a " + key.type().curveName() + " key");
        }
    }

    /** A {@code Multikey} method (Controlled Identifiers 1.0 section 2.2.2). */
    public static VerificationMethod multikey(String id, String controller, VerificationKey key) {
        return new VerificationMethod(id, KeyFormat.MULTIKEY, controller, key);
    }

    /** A {@code JsonWebKey} method (Controlled Identifiers 1.0 section 2.2.3). */
    public static VerificationMethod jsonWebKey(String id, String controller, VerificationKey key) {
        return new VerificationMethod(id, KeyFormat.JSON_WEB_KEY, controller, key);
    }

    /** The verification method {@code type}. */
    public String type() {
        return format.type();
    }

    /** The DID URL of this method, parsed. */
    public DidUrl didUrl() {
        try {
            return DidUrl.parse(id);
        } catch (DidException e) {
            throw new IllegalStateException("validated in the constructor", e);
        }
    }

    /** The JSON form, the key in the format's member. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(DidSpecs.ID, id);
        node.put(DidSpecs.TYPE, format.type());
        node.put(DidSpecs.CONTROLLER, controller);
        switch (format.keyMember()) {
            case DidSpecs.PUBLIC_KEY_MULTIBASE -> node.put(DidSpecs.PUBLIC_KEY_MULTIBASE, key.toMultikey());
            case DidSpecs.PUBLIC_KEY_JWK -> node.set(DidSpecs.PUBLIC_KEY_JWK, Json.toNode(key.toJwk().toJSONObject()));
            case DidSpecs.PUBLIC_KEY_BASE58 -> node.put(DidSpecs.PUBLIC_KEY_BASE58, Base58.encode(key.raw()));
            default -> throw new IllegalStateException("unknown key member " + format.keyMember());
        }
        return node;
    }

    /**
     * Reads a verification method from its JSON form. {@code base} is the DID of the enclosing
     * document, against which relative ids ({@code #key-1}) and controllers are resolved.
     */
    public static VerificationMethod fromJson(JsonNode node, Did base) throws DidException {
        if (!(node instanceof ObjectNode object)) {
            throw invalid("a verification method is a JSON object");
        }
        String rawId = text(object, DidSpecs.ID);
        String type = text(object, DidSpecs.TYPE);
        String controller = text(object, DidSpecs.CONTROLLER);
        String id;
        try {
            id = DidUrl.resolve(base, rawId).toString();
            controller = Did.parse(controller).toString();
        } catch (DidException e) {
            throw new DidException(DidError.INVALID_DOCUMENT, "verification method: " + e.getMessage(), e);
        }
        KeyFormat format = KeyFormat.fromType(type).orElseThrow(() -> new DidException(DidError.UNSUPPORTED_KEY_TYPE,
                "unsupported verification method type '" + type + "'"));
        VerificationKey key = readKey(object, format);
        try {
            return new VerificationMethod(id, format, controller, key);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static VerificationKey readKey(ObjectNode object, KeyFormat format) throws DidException {
        List<String> present = List.of(DidSpecs.PUBLIC_KEY_MULTIBASE, DidSpecs.PUBLIC_KEY_JWK, DidSpecs.PUBLIC_KEY_BASE58)
                .stream().filter(object::has).toList();
        if (present.size() != 1) {
            throw invalid("a verification method carries exactly one of publicKeyMultibase, publicKeyJwk and publicKeyBase58");
        }
        String member = present.get(0);
        // Controlled Identifiers 1.0 fixes the member for Multikey and JsonWebKey; the legacy base58
        // types were also written with publicKeyJwk or publicKeyMultibase in deployed documents.
        boolean legacyBase58 = DidSpecs.PUBLIC_KEY_BASE58.equals(format.keyMember());
        if (!legacyBase58 && !member.equals(format.keyMember())) {
            throw invalid(format.type() + " carries its key in " + format.keyMember() + ", not " + member);
        }
        JsonNode value = object.get(member);
        try {
            return switch (member) {
                case DidSpecs.PUBLIC_KEY_MULTIBASE -> VerificationKey.fromMultikey(requireText(value, member));
                case DidSpecs.PUBLIC_KEY_JWK -> publicJwk(value);
                default -> VerificationKey.of(format.onlyKeyType(), base58(requireText(value, member)));
            };
        } catch (KeyException e) {
            throw fromKeyException(e);
        }
    }

    /** Reads a public JWK, refusing private members (Controlled Identifiers 1.0 section 2.2.3). */
    static VerificationKey publicJwk(JsonNode value) throws DidException, KeyException {
        if (!(value instanceof ObjectNode jwk)) {
            throw invalid("publicKeyJwk is a JSON object");
        }
        for (String member : PRIVATE_JWK_MEMBERS) {
            if (jwk.has(member)) {
                throw new DidException(DidError.PRIVATE_KEY_MATERIAL, "the JWK carries private key material ('" + member + "')");
            }
        }
        try {
            return VerificationKey.fromJwk(JWK.parse(Json.write(jwk)));
        } catch (ParseException e) {
            throw new KeyException(KeyError.INVALID_JWK, "not a JWK: " + e.getMessage(), e);
        }
    }

    static DidException fromKeyException(KeyException e) {
        DidError code = e.code() == KeyError.UNSUPPORTED_KEY_TYPE ? DidError.UNSUPPORTED_KEY_TYPE : DidError.INVALID_PUBLIC_KEY;
        return new DidException(code, e.getMessage(), e);
    }

    private static byte[] base58(String value) throws DidException {
        try {
            byte[] decoded = Base58.decode(value);
            if (decoded == null || decoded.length == 0) {
                throw invalid("publicKeyBase58 is empty");
            }
            return decoded;
        } catch (RuntimeException e) {
            throw new DidException(DidError.INVALID_PUBLIC_KEY, "publicKeyBase58 is not base58btc", e);
        }
    }

    private static String requireText(JsonNode value, String member) throws DidException {
        if (value == null || !value.isTextual()) {
            throw invalid(member + " must be a string");
        }
        return value.asText();
    }

    private static String text(ObjectNode object, String member) throws DidException {
        return requireText(object.get(member), "verification method " + member);
    }

    private static DidException invalid(String message) {
        return new DidException(DidError.INVALID_DOCUMENT, message);
    }
}
