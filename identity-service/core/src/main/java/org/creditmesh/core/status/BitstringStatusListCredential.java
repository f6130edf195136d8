package org.creditmesh.core.status;

import static org.creditmesh.core.status.StatusSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.DateTimeStamps;
import org.creditmesh.core.json.Json;

/**
 * A status list credential (Bitstring Status List v1.0 section 2.2): a VCDM 2.0 credential of type
 * {@code BitstringStatusListCredential} whose subject, of type {@code BitstringStatusList}, carries the
 * {@code statusPurpose} and the {@code encodedList}. {@link #builder()} makes the unsigned credential an
 * issuer then secures; {@link #from(Credential)} reads a received one.
 */
public final class BitstringStatusListCredential {

    private final Credential credential;
    private final List<String> purposes;
    private final String encodedList;

    private BitstringStatusListCredential(Credential credential, List<String> purposes, String encodedList) {
        this.credential = credential;
        this.purposes = List.copyOf(purposes);
        this.encodedList = encodedList;
    }

    /** Reads a status list credential, checking the MUSTs of section 2.2 (the list itself is decoded lazily). */
    public static BitstringStatusListCredential from(Credential credential) throws StatusException {
        if (!credential.hasType(TYPE_CREDENTIAL)) {
            throw invalid("the status list credential's type includes " + TYPE_CREDENTIAL + " (section 2.2)");
        }
        List<ObjectNode> subjects = credential.credentialSubjects();
        if (subjects.size() != 1) {
            throw invalid("a status list credential has exactly one subject, the status list");
        }
        ObjectNode subject = subjects.get(0);
        JsonNode type = subject.get("type");
        boolean typeOk = type != null && (TYPE_LIST.equals(type.textValue())
                || (type.isArray() && type.size() == 1 && TYPE_LIST.equals(type.get(0).textValue())));
        if (!typeOk) {
            throw invalid("the credential subject's type is " + TYPE_LIST + " (section 2.2)");
        }
        List<String> purposes = new ArrayList<>();
        JsonNode purpose = subject.get(STATUS_PURPOSE);
        if (purpose != null && purpose.isTextual()) {
            purposes.add(purpose.textValue());
        } else if (purpose != null && purpose.isArray() && !purpose.isEmpty()) {
            for (JsonNode p : purpose) {
                if (!p.isTextual()) {
                    throw invalid("statusPurpose is one or more strings (section 2.2)");
                }
                purposes.add(p.textValue());
            }
        } else {
            throw invalid("statusPurpose is one or more strings (section 2.2)");
        }
        JsonNode encoded = subject.get(ENCODED_LIST);
        if (encoded == null || !encoded.isTextual()) {
            throw new StatusException(StatusError.INVALID_ENCODED_LIST, "encodedList is a string (section 2.2)");
        }
        return new BitstringStatusListCredential(credential, purposes, encoded.textValue());
    }

    /** Parses and validates a status list credential from JSON, using {@code validator} for the VCDM rules. */
    public static BitstringStatusListCredential from(JsonNode json, DataModelValidator validator) throws StatusException {
        try {
            return from(Credential.from(json, validator));
        } catch (DataModelException e) {
            throw new StatusException(StatusError.INVALID_STATUS_LIST_CREDENTIAL,
                    "the status list credential is not a conforming credential (" + e.code().code() + ")", e);
        }
    }

    public Credential credential() {
        return credential;
    }

    public List<String> statusPurposes() {
        return purposes;
    }

    public String encodedList() {
        return encodedList;
    }

    /** Decodes the list, stopping at {@code maxUncompressedBytes}. */
    public BitstringStatusList list(int maxUncompressedBytes) throws StatusException {
        return BitstringStatusList.decode(encodedList, maxUncompressedBytes);
    }

    /** {@code ttl} in milliseconds, if given. */
    public Optional<Duration> ttl() {
        JsonNode ttl = credential.credentialSubjects().get(0).get(TTL);
        return ttl != null && ttl.canConvertToLong() ? Optional.of(Duration.ofMillis(ttl.asLong())) : Optional.empty();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static StatusException invalid(String message) {
        return new StatusException(StatusError.INVALID_STATUS_LIST_CREDENTIAL, message);
    }

    /** Builds the unsigned status list credential, as in section 2.2, Example 3. */
    public static final class Builder {
        private String id;
        private String issuer;
        private final List<String> purposes = new ArrayList<>();
        private BitstringStatusList list = BitstringStatusList.create();
        private Instant validFrom;
        private Instant validUntil;
        private Duration ttl;

        private Builder() {
        }

        /** The URL the list is published at; entries name it as {@code statusListCredential}. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** {@code revocation}, {@code suspension}, or another purpose; may be called more than once. */
        public Builder statusPurpose(String purpose) {
            this.purposes.add(Objects.requireNonNull(purpose, "purpose"));
            return this;
        }

        public Builder list(BitstringStatusList list) {
            this.list = Objects.requireNonNull(list, "list");
            return this;
        }

        public Builder validFrom(Instant validFrom) {
            this.validFrom = validFrom;
            return this;
        }

        public Builder validUntil(Instant validUntil) {
            this.validUntil = validUntil;
            return this;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        /** The unsigned credential, checked against VCDM 2.0 and section 2.2. */
        public BitstringStatusListCredential build() throws StatusException {
            if (id == null || issuer == null || purposes.isEmpty()) {
                throw invalid("a status list credential needs an id, an issuer and a statusPurpose");
            }
            ObjectNode node = Json.mapper().createObjectNode();
            node.putArray(CredentialSpecs.CONTEXT).add(CredentialSpecs.CONTEXT_V2);
            node.put("id", id);
            ArrayNode types = node.putArray("type");
            types.add(CredentialSpecs.TYPE_VERIFIABLE_CREDENTIAL).add(TYPE_CREDENTIAL);
            node.put("issuer", issuer);
            if (validFrom != null) {
                node.put(CredentialSpecs.VALID_FROM, DateTimeStamps.format(validFrom));
            }
            if (validUntil != null) {
                node.put(CredentialSpecs.VALID_UNTIL, DateTimeStamps.format(validUntil));
            }
            ObjectNode subject = node.putObject(CredentialSpecs.CREDENTIAL_SUBJECT);
            subject.put("id", id + "#list");
            subject.put("type", TYPE_LIST);
            if (purposes.size() == 1) {
                subject.put(STATUS_PURPOSE, purposes.get(0));
            } else {
                ArrayNode array = subject.putArray(STATUS_PURPOSE);
                purposes.forEach(array::add);
            }
            subject.put(ENCODED_LIST, list.encode());
            if (ttl != null) {
                subject.put(TTL, ttl.toMillis());
            }
            return from(node, new DataModelValidator());
        }
    }
}
