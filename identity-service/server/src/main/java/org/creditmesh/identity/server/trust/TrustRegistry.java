package org.creditmesh.identity.server.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.mirror.ChangeStatus;
import org.creditmesh.anchor.mirror.RegistryChange;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.trust.SigningKeyAddress;
import org.creditmesh.core.credential.DateTimeStamps;
import org.creditmesh.core.did.DidDocument;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.onchain.OnChainRegistry;
import org.creditmesh.identity.server.organisation.Organisations;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.schemas.Vocabulary;
import org.creditmesh.service.problem.ProblemException;

/**
 * The trust registry: governance admins accredit an issuer DID for credential types over a period, and suspend
 * and reinstate accreditations from an instant on. Every accreditation is also a {@code BureauAccreditationCredential}
 * (VCDM 2.0, Data Integrity {@code eddsa-rdfc-2022}) signed by the service's governance issuer. Nothing is edited in
 * place (see V3__trust_registry.sql), so {@link #decide} answers for any past instant as it did then — except where a
 * suspension was recorded with an effective time in the past, which is what a retroactive suspension is for.
 * Every change is appended to the audit log in the same transaction.
 */
@ApplicationScoped
public class TrustRegistry {

    @Inject
    org.creditmesh.identity.server.anchoring.Anchoring anchoring;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TrustRegistry.class);
    /** The reference of an accreditation's on-chain changes (and of its anchored credential). */
    private static final String CHAIN_REF = "accreditation:";

    /** The generic type every credential carries; accreditations are about the specific ones. */
    private static final String GENERIC_TYPE = "VerifiableCredential";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IssuerKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    OnChainRegistry onChain;

    @Inject
    Organisations organisations;

    @Inject
    TrustSnapshot snapshot;

    /** Grants an accreditation and signs its credential. */
    public Accreditation accredit(AccreditationRequest request, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (!request.validUntil().isAfter(now)) {
            throw new ProblemException(IdentityProblem.INVALID_ACCREDITATION,
                    "'validUntil' is in the past: an accreditation is granted for a period that has not ended");
        }
        Optional<String> signingKey = request.signingKey().map(k -> k.toLowerCase(Locale.ROOT)).or(() -> derivedKey(request.did()));
        if (signingKey.isEmpty() && onChain.mirrors()) {
            throw new ProblemException(IdentityProblem.INVALID_ACCREDITATION, "'signingKey' is required for " + request.did()
                    + ": accreditations are mirrored on chain, and this service cannot derive the key of that DID");
        }
        String id = UUID.randomUUID().toString();
        String credential = sign(id, request, now);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO accreditation (id, subject_did, types, valid_from, valid_until, credential, created_at, created_by,
                                                   signing_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, request.did());
                    insert.setArray(3, c.createArrayOf("text", request.types().toArray()));
                    insert.setTimestamp(4, Timestamp.from(request.validFrom()));
                    insert.setTimestamp(5, Timestamp.from(request.validUntil()));
                    insert.setString(6, credential);
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.setString(8, actor);
                    insert.setString(9, signingKey.orElse(null));
                    insert.executeUpdate();
                }
                mirror(c, request.did(), id, now);
                anchoring.queue(c, org.creditmesh.anchor.outbox.AnchorKind.ACCREDITATION, credential, "accreditation:" + id);
                audit.append(c, actor, "accredit", "urn:uuid:" + id, "accredited " + request.did() + " for "
                        + String.join(",", request.types()) + " from " + request.validFrom() + " until " + request.validUntil());
                c.commit();
                onChain.nudge();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while accrediting", e);
        }
        // Before answering: the next decision on this instance must see the new accreditation.
        snapshot.reload();
        return byId(id).orElseThrow();
    }

    /** Suspends an accreditation from {@code effectiveFrom} on (now when absent). */
    public Accreditation suspend(String id, Optional<Instant> effectiveFrom, Optional<String> reason, String actor) {
        return append(id, Accreditation.Kind.SUSPEND, effectiveFrom, reason, actor);
    }

    /** Ends a suspension from {@code effectiveFrom} on (now when absent). */
    public Accreditation reinstate(String id, Optional<Instant> effectiveFrom, Optional<String> reason, String actor) {
        return append(id, Accreditation.Kind.REINSTATE, effectiveFrom, reason, actor);
    }

    private Accreditation append(String id, Accreditation.Kind kind, Optional<Instant> effectiveFrom,
                                 Optional<String> reason, String actor) {
        Instant at = effectiveFrom.orElseGet(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // One writer per accreditation: the check of the last event and the append must not interleave.
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "accreditation:" + id);
                    lock.execute();
                }
                Accreditation current = load(c, id, "id").stream().findFirst().orElseThrow(
                        () -> new ProblemException(IdentityProblem.ACCREDITATION_NOT_FOUND, "no accreditation " + id));
                Optional<Accreditation.Event> last = current.lastEvent();
                boolean suspended = last.isPresent() && last.get().kind() == Accreditation.Kind.SUSPEND;
                if (kind == Accreditation.Kind.SUSPEND && suspended) {
                    throw new ProblemException(IdentityProblem.ACCREDITATION_STATE_CONFLICT, "the accreditation is already suspended");
                }
                if (kind == Accreditation.Kind.REINSTATE && !suspended) {
                    throw new ProblemException(IdentityProblem.ACCREDITATION_STATE_CONFLICT, "the accreditation is not suspended");
                }
                if (last.isPresent() && at.isBefore(last.get().effectiveFrom())) {
                    throw new ProblemException(IdentityProblem.ACCREDITATION_STATE_CONFLICT,
                            "'effectiveFrom' is before the last change (" + last.get().effectiveFrom() + "): history is not rewritten");
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO accreditation_event (accreditation_id, kind, effective_from, actor, reason) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, kind.code());
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.setString(4, actor);
                    insert.setString(5, reason.orElse(null));
                    insert.executeUpdate();
                }
                mirror(c, current.did(), id, at);
                audit.append(c, actor, kind.code() + "-accreditation", current.credentialId(),
                        kind.code() + " " + current.did() + " from " + at);
                c.commit();
                onChain.nudge();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while changing an accreditation", e);
        }
        snapshot.reload();
        return byId(id).orElseThrow();
    }

    public Optional<Accreditation> byId(String id) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, id, "id").stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading the trust registry", e);
        }
    }

    /** Every accreditation of {@code did}, oldest first. */
    public List<Accreditation> byDid(String did) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, did, "subject_did");
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading the trust registry", e);
        }
    }

    /**
     * Was {@code did} accredited for every one of {@code types} at {@code at}? Types are credential types
     * ({@code KycCredential}) or SD-JWT VC {@code vct}s of this service ({@code https://creditmesh.org/vct/KycCredential});
     * {@code VerifiableCredential} alone asks only whether the DID was accredited for something at that instant.
     * One accreditation must cover all the types.
     */
    public TrustAnswer decide(String did, Collection<String> types, Instant at) {
        Set<String> specific = new HashSet<>();
        for (String type : types) {
            String name = type.startsWith(CredentialIssuer.VCT_PREFIX) ? type.substring(CredentialIssuer.VCT_PREFIX.length()) : type;
            if (!name.equals(GENERIC_TYPE)) {
                specific.add(name);
            }
        }
        if (did.equals(keys.governance().issuer())
                && specific.equals(Set.of(CredentialType.BUREAU_ACCREDITATION.typeName()))) {
            return new TrustAnswer(TrustReason.GOVERNANCE_ROOT, did + " is this registry's governance issuer");
        }
        List<Accreditation> held = snapshot.byDid(did);
        if (held.isEmpty()) {
            return new TrustAnswer(TrustReason.NOT_ACCREDITED, did + " holds no accreditation");
        }
        if (at == null) {
            return new TrustAnswer(TrustReason.NO_ISSUANCE_TIME, "the credential has no validFrom or issuance time to check");
        }
        List<Accreditation> covering = held.stream().filter(a -> a.covers(specific)).toList();
        if (covering.isEmpty()) {
            return new TrustAnswer(TrustReason.TYPE_NOT_ACCREDITED, did + " is not accredited for " + sorted(specific));
        }
        List<Accreditation> inForce = covering.stream().filter(a -> a.inPeriod(at)).toList();
        if (inForce.isEmpty()) {
            return new TrustAnswer(TrustReason.OUTSIDE_ACCREDITATION_PERIOD,
                    "no accreditation of " + did + " for " + sorted(specific) + " was in its period at " + at);
        }
        for (Accreditation a : inForce) {
            if (!a.suspendedAt(at)) {
                return new TrustAnswer(TrustReason.ACCREDITED,
                        "accreditation " + a.credentialId() + " covers " + sorted(specific) + " at " + at);
            }
        }
        return new TrustAnswer(TrustReason.SUSPENDED,
                "the accreditation of " + did + " for " + sorted(specific) + " was suspended at " + at);
    }

    /**
     * Queues, in {@code c}'s transaction, what the on-chain registry must say of {@code did} from {@code at} on, given
     * every accreditation of the DID as this transaction sees them. The registry holds one entry per DID, so it gets
     * the accreditations that stand then (period not ended, not suspended) taken together: the union of their types,
     * the earliest start, the latest end (inclusive on chain, hence a second less), the newest one's key; or a
     * suspension when none stands. Changes of a DID reach the chain in this order. A no-op when mirroring is off.
     */
    private void mirror(Connection c, String did, String accreditationId, Instant at) throws SQLException {
        if (!onChain.mirrors()) {
            return;
        }
        onChain.queue(c, new RegistryChange(new AnchorRef(CHAIN_REF + accreditationId), IssuerRegistryClient.didHash(did),
                chainAction(did, load(c, did, "subject_did"), at), at));
    }

    private GovernanceAction chainAction(String did, List<Accreditation> held, Instant at) {
        Hash32 didHash = IssuerRegistryClient.didHash(did);
        List<Accreditation> standing = held.stream().filter(a -> a.standsAt(at)).toList();
        if (standing.isEmpty()) {
            return GovernanceAction.suspend(didHash);
        }
        Set<String> types = new java.util.LinkedHashSet<>();
        standing.forEach(a -> types.addAll(a.types()));
        Instant from = standing.stream().map(Accreditation::validFrom).min(Instant::compareTo).orElseThrow();
        Instant until = standing.stream().map(Accreditation::validUntil).max(Instant::compareTo).orElseThrow().minusSeconds(1);
        String key = standing.reversed().stream().flatMap(a -> a.signingKey().stream()).findFirst()
                .or(() -> derivedKey(did))
                .orElseThrow(() -> new ProblemException(IdentityProblem.INVALID_ACCREDITATION,
                        "no signing key is known for " + did + ": accredit it again with 'signingKey'"));
        try {
            return GovernanceAction.accredit(didHash, key, types.stream().map(IssuerRegistryClient::credentialTypeHash).toList(),
                    from, until);
        } catch (AnchorException e) {
            throw new ProblemException(IdentityProblem.INVALID_ACCREDITATION, "'signingKey' is not an address: " + e.getMessage(), e);
        }
    }

    /**
     * The signing key of a DID as the on-chain registry names it, where the service can tell without being told: the key
     * hash of a did:key or did:jwk, or of the newest key of a did:web issuer this service hosts (its own, a bureau's).
     */
    private Optional<String> derivedKey(String did) {
        try {
            if (SigningKeyAddress.derivable(did)) {
                return Optional.of(SigningKeyAddress.ofDid(did));
            }
            Optional<DidDocument> hosted = keys.ownDocument(did);
            if (hosted.isEmpty() && did.startsWith("did:web:") && organisations.isBureauDid(did)) {
                hosted = Optional.of(keys.didWebDocumentFor(did));
            }
            return hosted.flatMap(d -> d.verificationMethods(VerificationRelationship.ASSERTION_METHOD).stream()
                    .reduce((first, second) -> second)).map(m -> SigningKeyAddress.of(m.key()));
        } catch (CreditMeshException e) {
            return Optional.empty();
        }
    }

    /**
     * Accreditations granted while mirroring was off (or before it existed) reach the chain too: at start, every DID
     * none of whose accreditations was ever queued gets its current standing queued, unless it is only a suspension
     * (there is nothing on chain to suspend).
     */
    void mirrorEarlier(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!onChain.mirrors()) {
            return;
        }
        int queued = 0;
        try (Connection c = dataSource.getConnection()) {
            List<String> dids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT a.subject_did FROM accreditation a GROUP BY a.subject_did "
                    + "HAVING NOT EXISTS (SELECT 1 FROM registry_change r JOIN accreditation b ON r.ref = 'accreditation:' || b.id "
                    + "WHERE b.subject_did = a.subject_did)");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    dids.add(rs.getString(1));
                }
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (String did : dids) {
                List<Accreditation> held = load(c, did, "subject_did");
                try {
                    GovernanceAction action = chainAction(did, held, now);
                    if (action.name().equals("accredit")) {
                        onChain.queue(c, new RegistryChange(new AnchorRef(CHAIN_REF + held.get(held.size() - 1).id()),
                                IssuerRegistryClient.didHash(did), action, now));
                        queued++;
                    }
                } catch (ProblemException e) {
                    LOG.warnf("An accreditation of %s is not mirrored on chain: %s", did, e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while mirroring earlier accreditations", e);
        }
        if (queued > 0) {
            LOG.infof("Queued %d earlier accreditations for the on-chain registry", queued);
            onChain.nudge();
        }
    }

    /** Where the newest on-chain change made for accreditation {@code id} is; empty when mirroring is off. */
    public Optional<ChangeStatus> chainStatus(String id) {
        try (Connection c = dataSource.getConnection()) {
            return onChain.status(c, CHAIN_REF + id);
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading the registry change queue", e);
        }
    }

    private static List<String> sorted(Set<String> types) {
        return types.stream().sorted().toList();
    }

    /** Every accreditation with its events, oldest first (for {@link TrustSnapshot}). */
    static List<Accreditation> loadAll(Connection c) throws SQLException {
        return load(c, null, null);
    }

    /** The accreditations whose {@code column} is {@code key} (all when {@code column} is null), with their events. */
    private static List<Accreditation> load(Connection c, String key, String column) throws SQLException {
        List<Accreditation> terms = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT id, subject_did, types, valid_from, valid_until, created_at, credential, signing_key "
                + "FROM accreditation" + (column == null ? "" : " WHERE " + column + " = ?") + " ORDER BY created_at, id")) {
            if (column != null) {
                q.setString(1, key);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Array types = rs.getArray(3);
                    terms.add(new Accreditation(rs.getString(1), rs.getString(2), List.of((String[]) types.getArray()),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(),
                            rs.getString(7), Optional.ofNullable(rs.getString(8)), List.of()));
                }
            }
        }
        if (terms.isEmpty()) {
            return terms;
        }
        Map<String, List<Accreditation.Event>> events = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT accreditation_id, seq, kind, effective_from, recorded_at, reason "
                + "FROM accreditation_event WHERE accreditation_id = ANY (?) ORDER BY effective_from, seq")) {
            q.setArray(1, c.createArrayOf("text", terms.stream().map(Accreditation::id).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Accreditation.Event(rs.getLong(2),
                            Accreditation.Kind.of(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), Optional.ofNullable(rs.getString(6))));
                }
            }
        }
        return terms.stream().map(a -> new Accreditation(a.id(), a.did(), a.types(), a.validFrom(), a.validUntil(), a.createdAt(),
                a.credential(), a.signingKey(), events.getOrDefault(a.id(), List.of()))).toList();
    }

    /**
     * The accreditation as a {@code BureauAccreditationCredential} (schemas/…/bureau-accreditation-credential.json),
     * secured with Data Integrity {@code eddsa-rdfc-2022}: it stays a readable JSON-LD document that lenders on any
     * platform can verify with a stock Data Integrity library, and the schema's SHACL shapes apply to exactly the RDF
     * the proof signs.
     */
    private String sign(String id, AccreditationRequest request, Instant now) {
        ObjectNode vc = Json.mapper().createObjectNode();
        vc.putArray("@context").add(Vocabulary.CREDENTIALS_V2_CONTEXT_URL).add(Vocabulary.CONTEXT_URL);
        vc.put("id", "urn:uuid:" + id);
        vc.putArray("type").add(Vocabulary.VERIFIABLE_CREDENTIAL_TYPE).add(CredentialType.BUREAU_ACCREDITATION.typeName());
        vc.put("issuer", keys.governance().issuer());
        vc.put("validFrom", DateTimeStamps.format(now));
        vc.put("validUntil", DateTimeStamps.format(request.validUntil()));
        vc.putObject("credentialSchema").put("id", CredentialType.BUREAU_ACCREDITATION.jsonSchemaId()).put("type", "JsonSchema");
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", request.did());
        request.name().ifPresent(n -> subject.put("name", n));
        subject.put("accreditationId", id);
        ArrayNode accreditedFor = subject.putArray("accreditedFor");
        request.types().forEach(accreditedFor::add);
        subject.put("accreditationValidFrom", DateTimeStamps.format(request.validFrom()));
        subject.put("accreditationValidUntil", DateTimeStamps.format(request.validUntil()));
        if (!request.jurisdictions().isEmpty()) {
            ArrayNode j = subject.putArray("jurisdictions");
            request.jurisdictions().forEach(j::add);
        }
        try {
            return keys.governance().issue(vc, SecuringFormat.DATA_INTEGRITY, CredentialIssuer.Options.defaults());
        } catch (CreditMeshException e) {
            throw new ProblemException(IdentityProblem.INVALID_ACCREDITATION,
                    "the accreditation credential could not be signed: " + e.getMessage(), e);
        }
    }
}
