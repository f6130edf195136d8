package org.creditmesh.core.status;

import static org.creditmesh.core.status.StatusSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.json.Json;

/**
 * A {@code credentialStatus} entry of type {@code BitstringStatusListEntry} (Bitstring Status List v1.0
 * section 2.1). {@code statusListIndex} is serialized as a base-10 string, as the section requires.
 *
 * @param id optional URL of the entry itself (never the list's URL), may be null
 * @param statusPurpose e.g. {@code revocation} or {@code suspension}
 * @param statusListIndex position of the credential's status in the list
 * @param statusListCredential URL of the status list credential
 * @param statusSize bits per status, 1 unless given
 * @param statusMessages the {@code statusMessage} array, empty if absent
 */
public record BitstringStatusListEntry(String id, String statusPurpose, long statusListIndex,
        String statusListCredential, int statusSize, List<StatusMessage> statusMessages) {

    private static final Pattern BASE_10 = Pattern.compile("0|[1-9][0-9]*");

    /** One element of {@code statusMessage}: the status value as {@code 0x..} hex and its message. */
    public record StatusMessage(String status, String message) {
        public StatusMessage {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }
    }

    public BitstringStatusListEntry {
        Objects.requireNonNull(statusPurpose, "statusPurpose");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        statusMessages = List.copyOf(statusMessages);
        if (statusListIndex < 0 || statusSize < 1) {
            throw new IllegalArgumentException("statusListIndex >= 0 and statusSize >= 1");
        }
    }

    /** A one-bit entry without messages. */
    public static BitstringStatusListEntry of(String id, String statusPurpose, long statusListIndex, String statusListCredential) {
        return new BitstringStatusListEntry(id, statusPurpose, statusListIndex, statusListCredential, 1, List.of());
    }

    /** Reads and checks an entry against the MUSTs of section 2.1. */
    public static BitstringStatusListEntry parse(JsonNode node) throws StatusException {
        if (!(node instanceof ObjectNode entry)) {
            throw invalid("a credentialStatus entry is an object");
        }
        JsonNode type = entry.get("type");
        boolean typeOk = type != null && (TYPE_ENTRY.equals(type.textValue())
                || (type.isArray() && type.size() == 1 && TYPE_ENTRY.equals(type.get(0).textValue())));
        if (!typeOk) {
            throw invalid("type must be " + TYPE_ENTRY + " (section 2.1)");
        }
        String id = null;
        if (entry.has("id")) {
            id = entry.get("id").textValue();
            if (!DataModelValidator.isUrl(id)) {
                throw invalid("id, when present, is a URL (section 2.1)");
            }
        }
        String purpose = entry.path(STATUS_PURPOSE).textValue();
        if (purpose == null || purpose.isEmpty()) {
            throw invalid("statusPurpose is a string (section 2.1)");
        }
        String index = entry.path(STATUS_LIST_INDEX).textValue();
        if (index == null || !BASE_10.matcher(index).matches()) {
            throw invalid("statusListIndex is a non-negative integer as a base-10 string (section 2.1)");
        }
        long indexValue;
        try {
            indexValue = Long.parseLong(index);
        } catch (NumberFormatException e) {
            throw new StatusException(StatusError.STATUS_INDEX_OUT_OF_RANGE, "statusListIndex is larger than any supported list", e);
        }
        String listUrl = entry.path(STATUS_LIST_CREDENTIAL).textValue();
        if (listUrl == null || !DataModelValidator.isUrl(listUrl)) {
            throw invalid("statusListCredential is a URL (section 2.1)");
        }
        if (listUrl.equals(id)) {
            throw invalid("the entry id must not be the URL of the status list (section 2.1)");
        }
        int size = 1;
        if (entry.has(STATUS_SIZE)) {
            JsonNode s = entry.get(STATUS_SIZE);
            if (!s.canConvertToExactIntegral() || !s.canConvertToInt() || s.asInt() < 1 || s.asInt() > 8) {
                throw invalid("statusSize is an integer greater than zero (section 2.1); at most 8 is supported");
            }
            size = s.asInt();
        }
        List<StatusMessage> messages = new ArrayList<>();
        if (entry.has(STATUS_MESSAGE)) {
            JsonNode array = entry.get(STATUS_MESSAGE);
            if (!array.isArray() || array.size() != (1 << size)) {
                throw invalid("statusMessage is an array of 2^statusSize elements (section 2.1)");
            }
            for (JsonNode m : array) {
                if (!m.path("status").isTextual() || !m.path("message").isTextual()) {
                    throw invalid("each statusMessage element has a status and a message string (section 2.1)");
                }
                messages.add(new StatusMessage(m.get("status").textValue(), m.get("message").textValue()));
            }
        } else if (size > 1) {
            throw invalid("statusMessage is required when statusSize is greater than 1 (section 2.1)");
        }
        return new BitstringStatusListEntry(id, purpose, indexValue, listUrl, size, messages);
    }

    /** The message for a status value, from {@code statusMessage}; "set"/"unset" when there is none (section 2.1). */
    public Optional<String> messageFor(int status) {
        if (statusMessages.isEmpty()) {
            return statusSize == 1 ? Optional.of(status == 0 ? "unset" : "set") : Optional.empty();
        }
        String hex = "0x" + Integer.toHexString(status);
        return statusMessages.stream().filter(m -> m.status().equalsIgnoreCase(hex)).map(StatusMessage::message).findFirst();
    }

    /** The entry as JSON, members in the order of the specification's examples. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        if (id != null) {
            node.put("id", id);
        }
        node.put("type", TYPE_ENTRY);
        node.put(STATUS_PURPOSE, statusPurpose);
        node.put(STATUS_LIST_INDEX, Long.toString(statusListIndex));
        if (statusSize != 1) {
            node.put(STATUS_SIZE, statusSize);
        }
        node.put(STATUS_LIST_CREDENTIAL, statusListCredential);
        if (!statusMessages.isEmpty()) {
            ArrayNode array = node.putArray(STATUS_MESSAGE);
            for (StatusMessage m : statusMessages) {
                array.addObject().put("status", m.status()).put("message", m.message());
            }
        }
        return node;
    }

    private static StatusException invalid(String message) {
        return new StatusException(StatusError.INVALID_STATUS_ENTRY, message);
    }
}
