package org.creditmesh.core.credential;

import static org.creditmesh.core.credential.CredentialSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A credential of the W3C Verifiable Credentials Data Model (v2.0, or v1.1 for verification), validated
 * on construction, immutable, with typed accessors. The JSON is kept exactly as given (member order
 * included), so {@link #serialize()} reproduces what was signed.
 */
public final class Credential {

    private final ObjectNode json;
    private final VcdmVersion version;
    private final String issuerId;
    private final Instant validFrom;
    private final Instant validUntil;

    private Credential(ObjectNode json, DataModelValidator.Validated validated) throws DataModelException {
        this.json = json;
        this.version = validated.version();
        this.issuerId = DataModelValidator.issuerId(json.get(ISSUER));
        // Parsed once, during validation (VCDM 1.1: issuanceDate and expirationDate).
        this.validFrom = validated.validFrom();
        this.validUntil = validated.validUntil();
    }

    /** Parses and validates a credential with the default context allow-list. */
    public static Credential parse(String json) throws DataModelException {
        return parse(json, new DataModelValidator());
    }

    /** Parses and validates a credential. */
    public static Credential parse(String json, DataModelValidator validator) throws DataModelException {
        try {
            return from(Json.parse(json), validator);
        } catch (MalformedJsonException e) {
            throw new DataModelException(DataModelError.MALFORMED_JSON, "the credential is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Validates a credential given as a JSON tree (copied). */
    public static Credential from(JsonNode json, DataModelValidator validator) throws DataModelException {
        Objects.requireNonNull(validator, "validator");
        DataModelValidator.Validated validated = validator.validate(json);
        return new Credential(((ObjectNode) json).deepCopy(), validated);
    }

    /**
     * Validates a credential given as a tree that the caller hands over and will not touch again (for
     * example one it has just parsed), so no copy is made: verifiers call this once per credential
     * they receive, and copying a credential costs several percent of a VC-JWT verification.
     */
    public static Credential fromOwned(ObjectNode json, DataModelValidator validator) throws DataModelException {
        Objects.requireNonNull(validator, "validator");
        DataModelValidator.Validated validated = validator.validate(json);
        return new Credential(json, validated);
    }

    /** Validates a credential given as a JSON tree (copied) with the default context allow-list. */
    public static Credential from(JsonNode json) throws DataModelException {
        return from(json, new DataModelValidator());
    }

    public VcdmVersion version() {
        return version;
    }

    /** A copy of the credential's JSON. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Compact JSON, members in their original order. */
    public String serialize() {
        return Json.write(json);
    }

    public List<String> contexts() {
        List<String> contexts = new ArrayList<>();
        for (JsonNode c : DataModelValidator.asList(json.get(CONTEXT))) {
            contexts.add(c.isTextual() ? c.textValue() : Json.write(c));
        }
        return contexts;
    }

    public Optional<String> id() {
        return Optional.ofNullable(json.path(ID).textValue());
    }

    public List<String> types() {
        return DataModelValidator.types(json);
    }

    public boolean hasType(String type) {
        return types().contains(type);
    }

    /** The issuer's URL: the {@code issuer} string, or the {@code id} of the issuer object (VCDM 2.0 section 4.7). */
    public String issuer() {
        return issuerId;
    }

    /** The {@code issuer} value as given: a string or an object (a copy). */
    public JsonNode issuerJson() {
        return json.get(ISSUER).deepCopy();
    }

    /** {@code validFrom} (v2.0) or {@code issuanceDate} (v1.1). */
    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    /** {@code validUntil} (v2.0) or {@code expirationDate} (v1.1). */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** The credential subjects, one or many (copies). */
    public List<ObjectNode> credentialSubjects() {
        return objects(CREDENTIAL_SUBJECT);
    }

    /** The {@code id}s of the subjects that have one. */
    public List<String> subjectIds() {
        List<String> ids = new ArrayList<>();
        for (ObjectNode s : credentialSubjects()) {
            if (s.path(ID).isTextual()) {
                ids.add(s.get(ID).textValue());
            }
        }
        return ids;
    }

    /** The {@code credentialStatus} entries, none, one or many (copies). */
    public List<ObjectNode> credentialStatus() {
        return objects(CREDENTIAL_STATUS);
    }

    /** The {@code credentialSchema} entries (copies). */
    public List<ObjectNode> credentialSchemas() {
        return objects(CREDENTIAL_SCHEMA);
    }

    /** The {@code evidence} entries (copies). */
    public List<ObjectNode> evidence() {
        return objects(EVIDENCE);
    }

    /** Any top-level member (a copy), for extensions this class has no accessor for. */
    public Optional<JsonNode> member(String name) {
        return Optional.ofNullable(json.get(name)).map(JsonNode::deepCopy);
    }

    private List<ObjectNode> objects(String member) {
        List<ObjectNode> list = new ArrayList<>();
        for (JsonNode n : DataModelValidator.asList(json.get(member))) {
            if (n instanceof ObjectNode o) {
                list.add(o.deepCopy());
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credential other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** Names the credential without its claims. */
    @Override
    public String toString() {
        return "Credential[" + version + " " + types() + " issuer=" + issuerId + "]";
    }
}
