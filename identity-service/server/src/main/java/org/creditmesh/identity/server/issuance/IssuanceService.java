package org.creditmesh.identity.server.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.StatusListPublisher;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues credentials (VC-API {@code POST /credentials/issue}) and changes their status
 * ({@code POST /credentials/status}). Signing is the core's {@link CredentialIssuer}; this class adds what a
 * service must remember: a status entry per credential, a record of what was issued (never its claim values),
 * idempotent retries, and an audit row, all committed in one transaction.
 */
@ApplicationScoped
public class IssuanceService {

    static final String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7e]{1,255}";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IssuerKeys keys;

    @Inject
    StatusLists statusLists;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "creditmesh.issue.default-format")
    String defaultFormat;

    private IdempotencyCipher cipher;

    @PostConstruct
    void init() {
        cipher = new IdempotencyCipher(keys.secret());
    }

    /** The response body, and whether it is the replay of an earlier request with the same Idempotency-Key. */
    public record Issued(String credentialId, String body, boolean replayed) {
    }

    public Issued issue(byte[] rawBody, Optional<String> idempotencyKey, String actor) {
        return issue(rawBody, idempotencyKey, actor, Optional.empty());
    }

    /**
     * Issues as {@code issuerDid} (a bureau's own did:web, see {@link IssuerKeys#issuerFor}) or, when absent, as the
     * service's issuer. {@code actor} (the bureau's client id) becomes the credential's owner: the only one who may
     * change its status.
     */
    public Issued issue(byte[] rawBody, Optional<String> idempotencyKey, String actor, Optional<String> issuerDid) {
        idempotencyKey.ifPresent(k -> {
            if (!k.matches(IDEMPOTENCY_KEY_PATTERN)) {
                throw new ProblemException(IdentityProblem.INVALID_IDEMPOTENCY_KEY, "1 to 255 visible ASCII characters");
            }
        });
        ObjectNode body = JsonBodies.object(rawBody);
        ObjectNode unsigned = JsonBodies.requiredObject(body, "credential").deepCopy();
        ObjectNode options = JsonBodies.optionalObject(body, "options");
        JsonNode formatName = options.get("format");
        if (formatName != null && !formatName.isTextual()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.format' must be a string");
        }
        SecuringFormat format = RequestBodies.format(formatName == null ? defaultFormat : formatName.asText());
        if (unsigned.has("credentialStatus")) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL,
                    "credentialStatus is assigned by the issuer; remove it from the request");
        }
        if (unsigned.has("proof")) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, "the credential to issue must not carry a proof");
        }
        JsonNode idNode = unsigned.get("id");
        if (idNode != null && (!idNode.isTextual() || idNode.asText().isBlank())) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, "'credential.id' must be a non-empty string (a URL)");
        }
        String id = idNode == null ? "urn:uuid:" + UUID.randomUUID() : idNode.asText();
        if (idNode == null) {
            unsigned.put("id", id);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (idempotencyKey.isPresent()) {
                    Optional<Issued> earlier = replay(c, idempotencyKey.get(), rawBody, actor);
                    if (earlier.isPresent()) {
                        c.rollback();
                        return earlier.get();
                    }
                }
                if (exists(c, id)) {
                    throw new ProblemException(IdentityProblem.CREDENTIAL_EXISTS, "credential " + id + " was already issued");
                }
                StatusLists.Slot slot = null;
                if (format != SecuringFormat.SD_JWT && isVcdm2(unsigned)) {
                    // SD-JWT VCs carry a Token Status List reference, not a Bitstring entry; the core has none yet.
                    // VCDM 1.1 credentials would need the status/v1 context, which the core does not ship yet.
                    slot = statusLists.allocate(c);
                    ArrayNode status = unsigned.putArray("credentialStatus");
                    status.add(StatusListPublisher.entry(slot.revocationUrl(), StatusLists.REVOCATION, slot.index()));
                    status.add(StatusListPublisher.entry(slot.suspensionUrl(), StatusLists.SUSPENSION, slot.index()));
                }
                CredentialIssuer signer = issuerDid.map(keys::issuerFor).orElseGet(keys::issuer);
                String signed = signer.issue(unsigned, format, issueOptions(options));
                String response = response(format, signed);
                insertIssued(c, id, unsigned, format, slot, RequestBodies.sha256Hex(signed), signer.issuer(), actor);
                if (idempotencyKey.isPresent() && !remember(c, idempotencyKey.get(), rawBody, id, response)) {
                    // A concurrent request with the same key committed first: drop this issuance, answer with that one.
                    c.rollback();
                    return replay(c, idempotencyKey.get(), rawBody, actor).orElseThrow(
                            () -> new SQLException("idempotency row vanished"));
                }
                audit.append(c, actor, "issue", id, "issued " + format.id());
                c.commit();
                return new Issued(id, response, false);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (CreditMeshException e) {
                c.rollback();
                throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, e.getMessage(), codeOf(e), e);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ProblemException(IdentityProblem.CREDENTIAL_EXISTS, "credential " + id + " was already issued");
            }
            throw new IllegalStateException("database failure while issuing", e);
        }
    }

    /** What the status of a credential is after a change. */
    public record StatusChange(String credentialId, boolean revoked, boolean suspended) {
        public ObjectNode toJson() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("credentialId", credentialId);
            out.put("revoked", revoked);
            out.put("suspended", suspended);
            return out;
        }
    }

    /** The three changes {@code POST /credentials/status} accepts. */
    public enum StatusAction { REVOKE, SUSPEND, REINSTATE }

    public StatusChange changeStatus(String credentialId, StatusAction action, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String revList;
                String susList;
                int index;
                boolean revoked;
                boolean suspended;
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT status_list, suspension_list, status_index, revoked, suspended, owner FROM issued_credential WHERE id = ? FOR UPDATE")) {
                    q.setString(1, credentialId);
                    try (ResultSet rs = q.executeQuery()) {
                        if (!rs.next()) {
                            throw new ProblemException(IdentityProblem.CREDENTIAL_NOT_FOUND, "no credential " + credentialId + " was issued here");
                        }
                        revList = rs.getString(1);
                        susList = rs.getString(2);
                        index = rs.getInt(3);
                        revoked = rs.getBoolean(4);
                        suspended = rs.getBoolean(5);
                        if (!actor.equals(rs.getString(6))) {
                            // Also when it has no owner (issued before organisations existed): no bureau can claim it.
                            throw new ProblemException(IdentityProblem.NOT_CREDENTIAL_OWNER,
                                    "credential " + credentialId + " was issued by another organisation");
                        }
                    }
                }
                if (revList == null) {
                    throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE,
                            "the credential was issued without a status list entry (SD-JWT VC or VCDM 1.1)");
                }
                switch (action) {
                    case REVOKE -> {
                        if (!revoked) {
                            statusLists.update(c, revList, index, true);
                            revoked = true;
                        }
                    }
                    case SUSPEND -> {
                        if (revoked) {
                            throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE, "the credential is revoked; revocation is final");
                        }
                        if (!suspended) {
                            statusLists.update(c, susList, index, true);
                            suspended = true;
                        }
                    }
                    case REINSTATE -> {
                        if (revoked) {
                            throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE,
                                    "the credential is revoked; revocation is final (Bitstring Status List v1.0 section 2.1)");
                        }
                        if (suspended) {
                            statusLists.update(c, susList, index, false);
                            suspended = false;
                        }
                    }
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE issued_credential SET revoked = ?, suspended = ? WHERE id = ?")) {
                    u.setBoolean(1, revoked);
                    u.setBoolean(2, suspended);
                    u.setString(3, credentialId);
                    u.executeUpdate();
                }
                audit.append(c, actor, action.name().toLowerCase(java.util.Locale.ROOT), credentialId, "ok");
                c.commit();
                return new StatusChange(credentialId, revoked, suspended);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (CreditMeshException e) {
                c.rollback();
                throw new IllegalStateException("the status list could not be re-signed: " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while changing a status", e);
        }
    }

    private Optional<Issued> replay(Connection c, String key, byte[] rawBody, String actor) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT i.request_hash, i.response, i.credential_id, c.owner
                FROM idempotency i JOIN issued_credential c ON c.id = i.credential_id WHERE i.key = ?""")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // Another bureau's key: never hand out its credential, whatever the body.
                boolean othersKey = rs.getString(4) != null && !rs.getString(4).equals(actor);
                if (othersKey || !rs.getString(1).equals(cipher.requestHash(key, rawBody))) {
                    throw new ProblemException(IdentityProblem.IDEMPOTENCY_KEY_REUSED,
                            "this Idempotency-Key was first used with a different request body");
                }
                try {
                    return Optional.of(new Issued(rs.getString(3), cipher.decrypt(key, rawBody, rs.getBytes(2)), true));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a stored idempotent response could not be decrypted", e);
                }
            }
        }
    }

    private boolean remember(Connection c, String key, byte[] rawBody, String id, String response) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO idempotency (key, request_hash, credential_id, response) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setString(1, key);
            insert.setString(2, cipher.requestHash(key, rawBody));
            insert.setString(3, id);
            insert.setBytes(4, cipher.encrypt(key, rawBody, response));
            return insert.executeUpdate() == 1;
        }
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM issued_credential WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insertIssued(Connection c, String id, ObjectNode unsigned, SecuringFormat format, StatusLists.Slot slot,
                              String hash, String issuer, String owner) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO issued_credential (id, type, format, issuer, status_list, suspension_list, status_index,
                                               hash, valid_from, valid_until, owner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, mostSpecificType(unsigned));
            insert.setString(3, format.id());
            insert.setString(4, issuer);
            insert.setString(5, slot == null ? null : slot.revocationList());
            insert.setString(6, slot == null ? null : slot.suspensionList());
            if (slot == null) {
                insert.setNull(7, java.sql.Types.INTEGER);
            } else {
                insert.setInt(7, slot.index());
            }
            insert.setString(8, hash);
            insert.setTimestamp(9, time(unsigned, "validFrom", "issuanceDate").or(() -> Optional.of(Instant.now()))
                    .map(Timestamp::from).orElse(null));
            insert.setTimestamp(10, time(unsigned, "validUntil", "expirationDate").map(Timestamp::from).orElse(null));
            insert.setString(11, owner);
            insert.executeUpdate();
        }
    }

    /**
     * {@code options.disclosable}: subject claims (dot paths) an SD-JWT holder may withhold;
     * {@code options.holder}: a did:key or did:jwk the SD-JWT is bound to (its {@code cnf}).
     */
    private static CredentialIssuer.Options issueOptions(ObjectNode options) throws CreditMeshException {
        CredentialIssuer.Options result = CredentialIssuer.Options.defaults();
        JsonNode disclosable = options.get("disclosable");
        if (disclosable != null) {
            if (!disclosable.isArray()) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.disclosable' must be an array of claim paths");
            }
            java.util.List<String> paths = new java.util.ArrayList<>();
            for (JsonNode p : disclosable) {
                if (!p.isTextual()) {
                    throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.disclosable' must be an array of claim paths");
                }
                paths.add(p.asText());
            }
            result = result.withDisclosable(org.creditmesh.core.issuer.ClaimPaths.parseAll(paths));
        }
        JsonNode holder = options.get("holder");
        if (holder != null) {
            String did = holder.asText("");
            if (did.startsWith("did:key:")) {
                result = result.withHolderKey(org.creditmesh.core.did.DidKey.publicKey(did));
            } else if (did.startsWith("did:jwk:")) {
                result = result.withHolderKey(org.creditmesh.core.did.DidJwk.publicKey(did));
            } else {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.holder' must be a did:key or did:jwk");
            }
        }
        return result;
    }

    private static boolean isVcdm2(ObjectNode credential) {
        JsonNode context = credential.get("@context");
        JsonNode first = context != null && context.isArray() && !context.isEmpty() ? context.get(0) : context;
        return first != null && "https://www.w3.org/ns/credentials/v2".equals(first.asText());
    }

    private static String mostSpecificType(ObjectNode credential) {
        JsonNode type = credential.get("type");
        String found = "VerifiableCredential";
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && !t.asText().equals("VerifiableCredential")) {
                    found = t.asText();
                }
            }
        } else if (type != null && type.isTextual()) {
            found = type.asText();
        }
        return found;
    }

    private static Optional<Instant> time(ObjectNode credential, String name, String legacyName) {
        JsonNode node = credential.has(name) ? credential.get(name) : credential.get(legacyName);
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String response(SecuringFormat format, String signed) {
        ObjectNode out = Json.mapper().createObjectNode();
        switch (format) {
            case DATA_INTEGRITY -> {
                try {
                    out.set("verifiableCredential", Json.parseObject(signed));
                } catch (CreditMeshException e) {
                    throw new IllegalStateException("the core produced unreadable JSON", e);
                }
            }
            case JOSE -> out.set("verifiableCredential", new EnvelopedCredential("application/vc+jwt", signed).toJson());
            case SD_JWT -> out.set("verifiableCredential", new EnvelopedCredential("application/dc+sd-jwt", signed).toJson());
        }
        return Json.write(out);
    }

    private static ObjectNode codeOf(CreditMeshException e) {
        ObjectNode ext = Json.mapper().createObjectNode();
        ext.put("code", e.code().code());
        return ext;
    }
}
