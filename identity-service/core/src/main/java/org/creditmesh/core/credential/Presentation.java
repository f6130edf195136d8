package org.creditmesh.core.credential;

import static org.creditmesh.core.credential.CredentialSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A presentation of the W3C Verifiable Credentials Data Model (section 4.13), validated on construction
 * and immutable. Enveloped credentials ({@code EnvelopedVerifiableCredential}, section 4.13.1) are
 * exposed as their {@code data:} URLs; embedded ones as credentials.
 */
public final class Presentation {

    private final ObjectNode json;
    private final VcdmVersion version;

    private Presentation(ObjectNode json, VcdmVersion version) {
        this.json = json;
        this.version = version;
    }

    public static Presentation parse(String json, DataModelValidator validator) throws DataModelException {
        try {
            return from(Json.parse(json), validator);
        } catch (MalformedJsonException e) {
            throw new DataModelException(DataModelError.MALFORMED_JSON, "the presentation is not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Presentation parse(String json) throws DataModelException {
        return parse(json, new DataModelValidator());
    }

    public static Presentation from(JsonNode json, DataModelValidator validator) throws DataModelException {
        Objects.requireNonNull(validator, "validator");
        VcdmVersion version = validator.validatePresentation(json);
        return new Presentation(((ObjectNode) json).deepCopy(), version);
    }

    public static Presentation from(JsonNode json) throws DataModelException {
        return from(json, new DataModelValidator());
    }

    public VcdmVersion version() {
        return version;
    }

    public ObjectNode json() {
        return json.deepCopy();
    }

    public String serialize() {
        return Json.write(json);
    }

    public Optional<String> id() {
        return Optional.ofNullable(json.path(ID).textValue());
    }

    public List<String> types() {
        return DataModelValidator.types(json);
    }

    /** The holder's URL, if the presentation names one. */
    public Optional<String> holder() {
        JsonNode holder = json.get(HOLDER);
        if (holder == null) {
            return Optional.empty();
        }
        return Optional.of(holder.isTextual() ? holder.textValue() : holder.get(ID).textValue());
    }

    /** The {@code verifiableCredential} entries as given (copies). */
    public List<ObjectNode> verifiableCredentials() {
        List<ObjectNode> list = new ArrayList<>();
        for (JsonNode n : DataModelValidator.asList(json.get(VERIFIABLE_CREDENTIAL))) {
            list.add(((ObjectNode) n).deepCopy());
        }
        return list;
    }

    /** The enveloped credentials, as the {@code data:} URLs that carry them. */
    public List<EnvelopedCredential> envelopedCredentials() throws DataModelException {
        List<EnvelopedCredential> list = new ArrayList<>();
        for (ObjectNode entry : verifiableCredentials()) {
            if (DataModelValidator.types(entry).contains(TYPE_ENVELOPED_CREDENTIAL)) {
                list.add(EnvelopedCredential.parse(entry.get(ID).textValue()));
            }
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Presentation other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "Presentation[" + version + " " + types() + " holder=" + holder().orElse("-") + "]";
    }
}
