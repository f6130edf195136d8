package org.creditmesh.identity.server.issuance;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.creditmesh.core.status.token.TokenStatusSpecs;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.keys.ListOwner;
import org.creditmesh.identity.server.tokenstatus.TokenStatusLists;
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

    @jakarta.inject.Inject
    org.creditmesh.identity.server.anchoring.Anchoring anchoring;

    static final String IDEMPOTENCY_KEY_PATTERN = "[\\x21-\\x7e]{1,255}";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IssuerKeys keys;

    @Inject
    StatusLists statusLists;

    @Inject
    OwnStatusLists ownStatusLists;

    @Inject
    AuditLog audit;

    @Inject
    org.creditmesh.identity.server.retention.Retention retention;

    @Inject
    org.creditmesh.identity.server.tokenstatus.TokenStatusLists tokenStatusLists;

    @Inject
    org.creditmesh.identity.server.trust.TrustRegistry trustRegistry;

    @Inject
    org.creditmesh.identity.server.trust.RegistryTrustPolicy trustPolicy;

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
        if (unsigned.has("proof")) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, "the credential to issue must not carry a proof");
        }
        StatusEntries.requireWellFormedBitstringEntries(unsigned);
        String id = credentialId(unsigned, options);
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
                CredentialIssuer signer = issuerDid.map(keys::issuerFor).orElseGet(keys::issuer);
                requireAccredited(unsigned, signer.issuer());
                boolean retain = retention.decide(c, actor, options.get("retain"));
                String signed = signAndRecord(c, id, unsigned, format, issueOptions(options), signer, ListOwner.of(issuerDid),
                        actor, retain, "");
                String response = response(format, signed);
                if (idempotencyKey.isPresent() && !remember(c, idempotencyKey.get(), rawBody, id, response)) {
                    // A concurrent request with the same key committed first: drop this issuance, answer with that one.
                    c.rollback();
                    return replay(c, idempotencyKey.get(), rawBody, actor).orElseThrow(
                            () -> new SQLException("idempotency row vanished"));
                }
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

    /**
     * The id this service records the credential under, by which its status is changed later: {@code credential.id},
     * or VC-API's {@code options.credentialId} for a credential without one (the credential is then signed without
     * an id). With neither, a {@code urn:uuid} is made and put in the credential, since a caller who cannot name
     * the credential could never revoke it.
     */
    private static String credentialId(ObjectNode unsigned, ObjectNode options) {
        JsonNode idNode = unsigned.get("id");
        if (idNode != null && (!idNode.isTextual() || idNode.asText().isBlank())) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, "'credential.id' must be a non-empty string (a URL)");
        }
        JsonNode option = options.get("credentialId");
        if (option != null && (!option.isTextual() || option.asText().isBlank())) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.credentialId' must be a non-empty string");
        }
        if (idNode != null && option != null && !idNode.asText().equals(option.asText())) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST,
                    "'options.credentialId' names another credential than 'credential.id'; give one of them");
        }
        if (idNode != null) {
            return idNode.asText();
        }
        if (option != null) {
            return option.asText();
        }
        String made = "urn:uuid:" + UUID.randomUUID();
        unsigned.put("id", made);
        return made;
    }

    /**
     * Signs {@code unsigned} (no proof; any {@code credentialStatus} it has is kept beside this service's) with the caller's options, e.g. the holder
     * key a wallet proved possession of over OpenID4VCI, inside the caller's transaction {@code c}: the same status
     * entry, record of what was issued and audit row as {@link #issue}. Returns the credential id and the signed
     * credential as the core produced it (compact JWS or SD-JWT). {@code via} is appended to the audit outcome.
     */
    public Signed issueInTransaction(Connection c, ObjectNode unsigned, SecuringFormat format,
                                     CredentialIssuer.Options options, String actor, String via)
            throws SQLException, CreditMeshException {
        ObjectNode credential = unsigned.deepCopy();
        JsonNode idNode = credential.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : "urn:uuid:" + UUID.randomUUID();
        credential.put("id", id);
        if (exists(c, id)) {
            throw new ProblemException(IdentityProblem.CREDENTIAL_EXISTS, "credential " + id + " was already issued");
        }
        CredentialIssuer signer = keys.issuer();
        requireAccredited(credential, signer.issuer());
        boolean retain = retention.decide(c, actor, null);
        return new Signed(id, signAndRecord(c, id, credential, format, options, signer, ListOwner.SERVICE, actor, retain, via));
    }

    /**
     * What every issuance does inside its transaction, whichever protocol asked: a status entry (a Token Status
     * List slot for SD-JWT VCs, a Bitstring pair for VCDM 2.0 credentials), the signature, the record of what was
     * issued, the retained claims when the bureau keeps them, and the audit row. Returns the signed credential.
     */
    private String signAndRecord(Connection c, String id, ObjectNode unsigned, SecuringFormat format,
                                 CredentialIssuer.Options options, CredentialIssuer signer, ListOwner lists, String actor,
                                 boolean retain, String via)
            throws SQLException, CreditMeshException {
        StatusLists.Slot slot = null;
        TokenStatusLists.Slot tokenSlot = null;
        CredentialIssuer.Options issueOptions = options;
        if (format == SecuringFormat.SD_JWT) {
            // SD-JWT VCs carry an IETF Token Status List reference (status.status_list), not a Bitstring entry.
            tokenSlot = tokenStatusLists.allocate(c, lists);
            issueOptions = issueOptions.withTokenStatus(tokenSlot.reference());
        } else if (isVcdm2(unsigned)) {
            // VCDM 1.1 credentials would need the status/v1 context, which the core does not ship yet.
            slot = statusLists.allocate(c, lists);
            StatusEntries.append(unsigned, java.util.List.of(
                    StatusListPublisher.entry(slot.revocationUrl(), StatusLists.REVOCATION, slot.index()),
                    StatusListPublisher.entry(slot.suspensionUrl(), StatusLists.SUSPENSION, slot.index())));
        }
        String signed = signer.issue(unsigned, format, issueOptions);
        insertIssued(c, id, unsigned, format, slot, RequestBodies.sha256Hex(signed), signer.issuer(), actor);
        if (tokenSlot != null) {
            setTokenStatus(c, id, tokenSlot);
        }
        retention.record(c, id, unsigned, actor, retain);
        if (anchoring.anchorsCredentials()) {
            anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.CREDENTIAL, signed, "credential:" + format.id());
        }
        audit.append(c, actor, "issue", id, "issued " + format.id() + via);
        return signed;
    }

    /** A credential signed by {@link #issueInTransaction}. */
    public record Signed(String credentialId, String credential) {
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

    /**
     * The changes {@code POST /credentials/status} accepts. {@code KEEP_UNREVOKED} is VC-API's revocation bit set to
     * false: nothing to do for a credential that is not revoked, refused for one that is (revocation is final).
     */
    public enum StatusAction { REVOKE, SUSPEND, REINSTATE, KEEP_UNREVOKED }

    public StatusChange changeStatus(String credentialId, StatusAction action, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String revList;
                String susList;
                int index;
                boolean revoked;
                boolean suspended;
                String tokenList;
                int tokenIndex;
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT status_list, suspension_list, status_index, revoked, suspended, token_status_list,
                               token_status_index, owner FROM issued_credential WHERE id = ? FOR UPDATE""")) {
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
                        tokenList = rs.getString(6);
                        tokenIndex = rs.getInt(7);
                        if (!actor.equals(rs.getString(8))) {
                            // Also when it has no owner (issued before organisations existed): no bureau can claim it.
                            throw new ProblemException(IdentityProblem.NOT_CREDENTIAL_OWNER,
                                    "credential " + credentialId + " was issued by another organisation");
                        }
                    }
                }
                java.util.List<String> changedLists = new java.util.ArrayList<>();
                if (revList == null && tokenList == null) {
                    throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE,
                            "the credential was issued without a status list entry (VCDM 1.1)");
                }
                switch (action) {
                    case REVOKE -> {
                        if (!revoked) {
                            if (revList != null) {
                                statusLists.update(c, revList, index, true);
                                changedLists.add(revList);
                            }
                            revoked = true;
                        }
                    }
                    case SUSPEND -> {
                        if (revoked) {
                            throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE, "the credential is revoked; revocation is final");
                        }
                        if (!suspended) {
                            if (susList != null) {
                                statusLists.update(c, susList, index, true);
                                changedLists.add(susList);
                            }
                            suspended = true;
                        }
                    }
                    case KEEP_UNREVOKED -> {
                        if (revoked) {
                            throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE,
                                    "the credential is revoked; revocation is final (Bitstring Status List v1.0 section 2.1)");
                        }
                    }
                    case REINSTATE -> {
                        if (revoked) {
                            throw new ProblemException(IdentityProblem.STATUS_NOT_CHANGEABLE,
                                    "the credential is revoked; revocation is final (Bitstring Status List v1.0 section 2.1)");
                        }
                        if (suspended) {
                            if (susList != null) {
                                statusLists.update(c, susList, index, false);
                                changedLists.add(susList);
                            }
                            suspended = false;
                        }
                    }
                }
                if (tokenList != null) {
                    // One 2-bit status per SD-JWT VC: revocation wins over suspension (section 7.1 values).
                    tokenStatusLists.set(c, tokenList, tokenIndex, revoked ? TokenStatusSpecs.INVALID
                            : suspended ? TokenStatusSpecs.SUSPENDED : TokenStatusSpecs.VALID);
                }
                try (PreparedStatement u = c.prepareStatement("UPDATE issued_credential SET revoked = ?, suspended = ? WHERE id = ?")) {
                    u.setBoolean(1, revoked);
                    u.setBoolean(2, suspended);
                    u.setString(3, credentialId);
                    u.executeUpdate();
                }
                audit.append(c, actor, action.name().toLowerCase(java.util.Locale.ROOT), credentialId, "ok");
                c.commit();
                // Before answering: the next verify on this instance reads the lists from memory.
                ownStatusLists.refresh(changedLists);
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

    /**
     * The issuance gate as an offer sees it: the service's issuer must be accredited for {@code unsigned}'s types now,
     * so that a bureau is refused when it makes an offer, not after a wallet has redeemed it.
     */
    public void requireAccreditedToIssue(ObjectNode unsigned) {
        requireAccredited(unsigned, keys.issuer().issuer());
    }

    /**
     * The issuance gate: the signing issuer must be accredited for the credential's types at its validFrom
     * ({@code issuanceDate} in VCDM 1.1; now when it has neither, as the core then sets validFrom to the signing time).
     */
    private void requireAccredited(ObjectNode unsigned, String issuer) {
        if (!trustPolicy.enforced()) {
            return;
        }
        java.util.List<String> types = new java.util.ArrayList<>();
        JsonNode type = unsigned.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        Instant at = time(unsigned, "validFrom", "issuanceDate").orElseGet(Instant::now);
        var answer = trustRegistry.decide(issuer, types, at);
        if (!answer.trusted()) {
            ObjectNode ext = Json.mapper().createObjectNode();
            ext.put("reason", answer.reason().code());
            throw new ProblemException(IdentityProblem.ISSUER_NOT_ACCREDITED, answer.detail(), ext, null);
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
                if (rs.getBytes(2) == null) {
                    throw new ProblemException(IdentityProblem.IDEMPOTENT_RESPONSE_ERASED, "credential " + rs.getString(3)
                            + " was issued for this request; its response was erased with its subject's data and is not issued again");
                }
                try {
                    return Optional.of(new Issued(rs.getString(3), cipher.decrypt(key, rawBody, rs.getBytes(2)), true));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a stored idempotent response could not be decrypted", e);
                }
            }
        }
    }

    private static void setTokenStatus(Connection c, String id, TokenStatusLists.Slot slot) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE issued_credential SET token_status_list = ?, token_status_index = ? WHERE id = ?")) {
            u.setString(1, slot.listId());
            u.setInt(2, Math.toIntExact(slot.reference().idx()));
            u.setString(3, id);
            u.executeUpdate();
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
