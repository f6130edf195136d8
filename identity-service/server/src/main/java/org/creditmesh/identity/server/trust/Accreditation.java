package org.creditmesh.identity.server.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;

/**
 * One accreditation as the registry keeps it: its fixed terms, its signed {@code BureauAccreditationCredential}, and
 * the suspension / reinstatement events appended since, in the order they take effect.
 *
 * @param validFrom  start, inclusive
 * @param validUntil end, exclusive
 * @param signingKey the issuer's signing key as the on-chain registry names it (see V9), when known
 */
public record Accreditation(String id, String did, List<String> types, Instant validFrom, Instant validUntil,
                            Instant createdAt, String credential, Optional<String> signingKey, List<Event> events) {

    /** A suspension or reinstatement, effective from an instant. */
    public record Event(long seq, Kind kind, Instant effectiveFrom, Instant recordedAt, Optional<String> reason) {
        public Event {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            Objects.requireNonNull(recordedAt, "recordedAt");
            reason = reason == null ? Optional.empty() : reason;
        }
    }

    /** The two state changes. */
    public enum Kind {
        SUSPEND("suspend"), REINSTATE("reinstate");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind of(String code) {
            return code.equals("suspend") ? SUSPEND : REINSTATE;
        }
    }

    public Accreditation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(did, "did");
        types = List.copyOf(types);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(credential, "credential");
        signingKey = signingKey == null ? Optional.empty() : signingKey;
        events = List.copyOf(events);
    }

    /** The credential's id. */
    public String credentialId() {
        return "urn:uuid:" + id;
    }

    public boolean covers(Set<String> requested) {
        return types.containsAll(requested);
    }

    public boolean inPeriod(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    /** Whether it still counts at {@code at}: its period has not ended and it is not suspended then. */
    public boolean standsAt(Instant at) {
        return at.isBefore(validUntil) && !suspendedAt(at);
    }

    /** Whether it was suspended at {@code at}: the last event effective at or before then is a suspension. */
    public boolean suspendedAt(Instant at) {
        Kind state = Kind.REINSTATE;
        for (Event event : events) {
            if (event.effectiveFrom().isAfter(at)) {
                break;
            }
            state = event.kind();
        }
        return state == Kind.SUSPEND;
    }

    /** The last event, if any. */
    public Optional<Event> lastEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** Its state at {@code now}: active, suspended, not-yet-valid or expired. */
    public String stateAt(Instant now) {
        if (now.isBefore(validFrom)) {
            return "not-yet-valid";
        }
        if (!now.isBefore(validUntil)) {
            return "expired";
        }
        return suspendedAt(now) ? "suspended" : "active";
    }

    public ObjectNode toJson(Instant now) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", id);
        out.put("credentialId", credentialId());
        out.put("did", did);
        ArrayNode typeArray = out.putArray("types");
        types.forEach(typeArray::add);
        out.put("validFrom", validFrom.toString());
        out.put("validUntil", validUntil.toString());
        out.put("createdAt", createdAt.toString());
        out.put("state", stateAt(now));
        ArrayNode history = out.putArray("events");
        for (Event event : events) {
            ObjectNode e = history.addObject();
            e.put("kind", event.kind().code());
            e.put("effectiveFrom", event.effectiveFrom().toString());
            e.put("recordedAt", event.recordedAt().toString());
            event.reason().ifPresent(r -> e.put("reason", r));
        }
        // The same history as intervals: suspended from .. until (absent while still suspended).
        ArrayNode suspensions = out.putArray("suspensions");
        ObjectNode open = null;
        for (Event event : events) {
            if (event.kind() == Kind.SUSPEND) {
                open = suspensions.addObject().put("from", event.effectiveFrom().toString());
            } else if (open != null) {
                open.put("until", event.effectiveFrom().toString());
                open = null;
            }
        }
        try {
            out.set("verifiableCredential", Json.parseObject(credential));
        } catch (CreditMeshException e) {
            throw new IllegalStateException("a stored accreditation credential is not JSON", e);
        }
        return out;
    }
}
