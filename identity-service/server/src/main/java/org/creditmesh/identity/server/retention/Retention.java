package org.creditmesh.identity.server.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.RetentionKeys;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * Data protection of issued credentials. By default the service keeps only what {@code issued_credential} holds (id,
 * type, issuer, status index, hash, dates) plus, per credential subject, a keyed reference ({@link SubjectRefs}) and
 * the issuing bureau. A bureau that turned retention on ({@code PUT /retention/{bureau}}) also gets the claim values
 * of what it issues stored, encrypted per record ({@link ClaimCipher}); {@code options.retain: false} skips that for
 * one credential, {@code options.retain: true} without the setting is refused. {@link #erase} removes a subject's
 * retained values and every {@link SubjectDataEraser}'s data, leaving hashes and status, and audits it.
 */
@ApplicationScoped
public class Retention {

    /** Longest subject identifier accepted in a path. */
    public static final int MAX_SUBJECT_ID = 2048;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RetentionKeys keys;

    @Inject
    SubjectRefs subjectRefs;

    @Inject
    AuditLog audit;

    @Inject
    @Any
    Instance<SubjectDataEraser> erasers;

    private final ClaimCipher cipher = new ClaimCipher();

    // ------------------------------------------------------------------ settings

    /** Whether {@code bureau} retains claim values; off unless it was turned on. */
    public boolean setting(String bureau) {
        try (Connection c = dataSource.getConnection()) {
            return setting(c, bureau);
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a retention setting", e);
        }
    }

    public void changeSetting(String bureau, boolean retain, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement u = c.prepareStatement("""
                        INSERT INTO retention_setting (bureau, retain, updated_by) VALUES (?, ?, ?)
                        ON CONFLICT (bureau) DO UPDATE SET retain = excluded.retain, updated_by = excluded.updated_by,
                                                           updated_at = now()""")) {
                    u.setString(1, bureau);
                    u.setBoolean(2, retain);
                    u.setString(3, actor);
                    u.executeUpdate();
                }
                audit.append(c, actor, "retention-setting", "bureau:" + bureau, retain ? "retain" : "do-not-retain");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while changing a retention setting", e);
        }
    }

    private static boolean setting(Connection c, String bureau) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT retain FROM retention_setting WHERE bureau = ?")) {
            q.setString(1, bureau);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    // ------------------------------------------------------------------ issuance

    /**
     * Whether the credential {@code bureau} issues now is retained: its setting, unless {@code options.retain} says
     * otherwise; {@code true} there without the setting is {@link IdentityProblem#RETENTION_NOT_ENABLED}.
     */
    public boolean decide(Connection c, String bureau, JsonNode retainOption) throws SQLException {
        if (retainOption != null && !retainOption.isBoolean()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.retain' must be true or false");
        }
        boolean enabled = setting(c, bureau);
        if (retainOption == null) {
            return enabled;
        }
        if (retainOption.booleanValue() && !enabled) {
            throw new ProblemException(IdentityProblem.RETENTION_NOT_ENABLED,
                    "this bureau has not turned retention of claim values on (PUT /retention/{bureau})");
        }
        return retainOption.booleanValue();
    }

    /**
     * Records, in {@code c}'s transaction, the keyed reference of each subject id of the credential just issued, and
     * when {@code retain} its credentialSubject, encrypted. A subject without an id has no reference (nothing could
     * find it for erasure), so its values are never retained either.
     */
    public void record(Connection c, String credentialId, ObjectNode unsigned, String bureau, boolean retain)
            throws SQLException {
        JsonNode subject = unsigned.get("credentialSubject");
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode s : subject == null ? List.<JsonNode>of() : subject.isArray() ? toList((ArrayNode) subject) : List.of(subject)) {
            JsonNode id = s.get("id");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                refs.add(subjectRefs.of(id.asText()));
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO credential_subject (credential_id, subject_ref, bureau) VALUES (?, ?, ?)")) {
            for (String ref : refs) {
                insert.setString(1, credentialId);
                insert.setString(2, ref);
                insert.setString(3, bureau);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (retain && !refs.isEmpty()) {
            ClaimCipher.Sealed sealed = cipher.seal(keys.currentId(), keys.current(), credentialId, Json.write(subject));
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO retained_claims (credential_id, key_id, nonce, ciphertext) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, credentialId);
                insert.setString(2, sealed.keyId());
                insert.setBytes(3, sealed.nonce());
                insert.setBytes(4, sealed.ciphertext());
                insert.executeUpdate();
            }
        }
    }

    private static List<JsonNode> toList(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------ erasure and access

    /** What an erasure removed; all zero when nothing (or nothing more) was held. */
    public record Erasure(String subjectRef, int credentials, int retainedClaims, Map<String, Integer> other) {
        public ObjectNode toJson() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("subjectRef", SubjectRefs.PREFIX + subjectRef);
            out.put("credentials", credentials);
            out.put("retainedClaims", retainedClaims);
            other.forEach(out::put);
            return out;
        }

        String outcome() {
            StringBuilder b = new StringBuilder("credentials=" + credentials + " retainedClaims=" + retainedClaims);
            other.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            return b.toString();
        }
    }

    /**
     * Erases the stored data of subject {@code subjectId} of the credentials {@code bureau} issued (all bureaus' when
     * empty): its retained claim values and what every {@link SubjectDataEraser} holds. The credentials' hashes,
     * status entries and the keyed reference stay, so status lists, revocation and verification keep working. The
     * audit row names the actor, the keyed reference and the counts, never the identifier. Idempotent: a repeat
     * erases nothing and says so.
     */
    public Erasure erase(String subjectId, Optional<String> bureau, String actor) {
        String ref = subjectRefs.of(checked(subjectId));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT credential_id FROM credential_subject
                        WHERE subject_ref = ? AND (? OR bureau = ?) ORDER BY credential_id FOR UPDATE""")) {
                    q.setString(1, ref);
                    q.setBoolean(2, bureau.isEmpty());
                    q.setString(3, bureau.orElse(""));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                java.sql.Array idArray = c.createArrayOf("text", ids.toArray());
                int retained;
                try (PreparedStatement d = c.prepareStatement("DELETE FROM retained_claims WHERE credential_id = ANY (?)")) {
                    d.setArray(1, idArray);
                    retained = d.executeUpdate();
                }
                Map<String, Integer> other = new TreeMap<>();
                for (SubjectDataEraser eraser : erasers) {
                    eraser.erase(c, ids).forEach((k, v) -> other.merge(k, v, Integer::sum));
                }
                int marked;
                try (PreparedStatement u = c.prepareStatement("""
                        UPDATE credential_subject SET erased_at = now()
                        WHERE subject_ref = ? AND credential_id = ANY (?) AND erased_at IS NULL""")) {
                    u.setString(1, ref);
                    u.setArray(2, idArray);
                    marked = u.executeUpdate();
                }
                Erasure erasure = new Erasure(ref, marked, retained, other);
                audit.append(c, actor, "erase-subject", SubjectRefs.PREFIX + ref, erasure.outcome());
                c.commit();
                return erasure;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while erasing a subject's data", e);
        }
    }

    /**
     * What is held about subject {@code subjectId} (for access requests), limited to {@code bureau}'s credentials when
     * given: per credential its record and, when retained, the decrypted claim values. The access is audited.
     */
    public ObjectNode records(String subjectId, Optional<String> bureau, String actor) {
        String ref = subjectRefs.of(checked(subjectId));
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("subjectRef", SubjectRefs.PREFIX + ref);
        ArrayNode records = out.putArray("records");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT i.id, i.type, i.format, i.issuer, i.valid_from, i.valid_until, i.created_at, i.revoked,
                               i.suspended, i.hash, s.bureau, s.erased_at, r.key_id, r.nonce, r.ciphertext
                        FROM credential_subject s JOIN issued_credential i ON i.id = s.credential_id
                        LEFT JOIN retained_claims r ON r.credential_id = s.credential_id
                        WHERE s.subject_ref = ? AND (? OR s.bureau = ?) ORDER BY i.created_at, i.id""")) {
                    q.setString(1, ref);
                    q.setBoolean(2, bureau.isEmpty());
                    q.setString(3, bureau.orElse(""));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            records.add(record(rs));
                        }
                    }
                }
                audit.append(c, actor, "subject-access", SubjectRefs.PREFIX + ref, "records=" + records.size());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a subject's records", e);
        }
        return out;
    }

    private ObjectNode record(ResultSet rs) throws SQLException {
        ObjectNode r = Json.mapper().createObjectNode();
        String id = rs.getString(1);
        r.put("credentialId", id);
        r.put("type", rs.getString(2));
        r.put("format", rs.getString(3));
        r.put("issuer", rs.getString(4));
        putTime(r, "validFrom", rs.getTimestamp(5));
        putTime(r, "validUntil", rs.getTimestamp(6));
        putTime(r, "issuedAt", rs.getTimestamp(7));
        r.put("revoked", rs.getBoolean(8));
        r.put("suspended", rs.getBoolean(9));
        r.put("hash", "sha256:" + rs.getString(10));
        r.put("bureau", rs.getString(11));
        putTime(r, "erasedAt", rs.getTimestamp(12));
        String keyId = rs.getString(13);
        r.put("claimsRetained", keyId != null);
        if (keyId != null) {
            r.set("claims", open(id, new ClaimCipher.Sealed(keyId, rs.getBytes(14), rs.getBytes(15))));
        }
        return r;
    }

    /** The retained claim values of credential {@code credentialId}, decrypted. */
    JsonNode open(String credentialId, ClaimCipher.Sealed sealed) {
        SecretKey key = keys.byId(sealed.keyId()).orElseThrow(() -> new IllegalStateException(
                "retained claims of a credential are encrypted under key " + sealed.keyId() + ", which is not configured"));
        try {
            return Json.parse(cipher.open(key, credentialId, sealed));
        } catch (GeneralSecurityException | CreditMeshException e) {
            throw new IllegalStateException("retained claims of a credential could not be decrypted", e);
        }
    }

    private static void putTime(ObjectNode node, String name, Timestamp time) {
        if (time != null) {
            node.put(name, time.toInstant().toString());
        }
    }

    private static String checked(String subjectId) {
        if (subjectId == null || subjectId.isBlank() || subjectId.length() > MAX_SUBJECT_ID) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "the subject id is 1 to " + MAX_SUBJECT_ID + " characters");
        }
        return subjectId;
    }
}
