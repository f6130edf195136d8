package org.creditmesh.identity.server.oid4vci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * Credential offers (OpenID4VCI 1.0 section 4) and the token endpoint of the pre-authorized code flow (section 6).
 * A bureau creates an offer for one credential configuration with the subject's claims; the claims are kept
 * encrypted until the credential is issued (then erased), and the offer is served by reference until its
 * pre-authorized code is redeemed, once.
 */
@ApplicationScoped
public class OfferService {

    static final List<String> CONTEXTS = List.of("https://www.w3.org/ns/credentials/v2", "https://creditmesh.org/contexts/credit/v1");
    private static final int TX_CODE_DEFAULT_LENGTH = 6;
    private static final int TX_CODE_MIN_LENGTH = 4;
    private static final int TX_CODE_MAX_LENGTH = 10;
    private static final int TX_CODE_DESCRIPTION_MAX = 300;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IssuerKeys keys;

    @Inject
    Oid4vciSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    org.creditmesh.identity.server.issuance.IssuanceService issuance;

    private OfferSecrets secrets;
    private final DataModelValidator validator = new DataModelValidator(ContextRegistry::isKnown);

    @PostConstruct
    void init() {
        secrets = new OfferSecrets(keys.secret());
    }

    OfferSecrets secrets() {
        return secrets;
    }

    /** A created offer; {@code txCode} is shown to the bureau once, to send to the holder out of band. */
    public record CreatedOffer(String offerId, String configurationId, String offerUrl, String offerUri,
                               Optional<String> txCode, Instant expiresAt) {
    }

    /**
     * Body: {@code {credential_configuration_id, credentialSubject: {claims, no id}, validUntil?, tx_code?: {length?,
     * description?}}}. The holder's identifier becomes {@code credentialSubject.id} at issuance: the key it proves.
     */
    public CreatedOffer create(byte[] rawBody, String actor) {
        ObjectNode body = JsonBodies.object(rawBody);
        JsonNode configurationId = body.get("credential_configuration_id");
        if (configurationId == null || !configurationId.isTextual()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'credential_configuration_id' (a string) is required");
        }
        CredentialConfiguration configuration = CredentialConfigurations.byId(configurationId.asText())
                .orElseThrow(() -> new ProblemException(IdentityProblem.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "no credential configuration " + configurationId.asText() + "; see "
                                + Oid4vciSpecs.WELL_KNOWN_ISSUER));
        ObjectNode subject = JsonBodies.requiredObject(body, "credentialSubject").deepCopy();
        if (subject.isEmpty()) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, "'credentialSubject' has no claims");
        }
        if (subject.has("id")) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL,
                    "'credentialSubject.id' is set at issuance to the key the wallet proves; remove it");
        }
        ObjectNode unsigned = Json.mapper().createObjectNode();
        CONTEXTS.forEach(unsigned.putArray("@context")::add);
        unsigned.putArray("type").add("VerifiableCredential").add(configuration.type());
        unsigned.set("credentialSubject", subject);
        JsonNode validUntil = body.get("validUntil");
        if (validUntil != null) {
            if (!validUntil.isTextual()) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'validUntil' must be a date-time string");
            }
            unsigned.set("validUntil", validUntil);
        }
        checkDataModel(unsigned);
        issuance.requireAccreditedToIssue(unsigned);
        Optional<Integer> txLength = Optional.empty();
        String txDescription = null;
        JsonNode tx = body.get("tx_code");
        if (tx != null && !tx.isNull()) {
            if (!tx.isObject()) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'tx_code' must be an object {length?, description?}");
            }
            JsonNode length = tx.get("length");
            if (length != null && (!length.isInt() || length.asInt() < TX_CODE_MIN_LENGTH || length.asInt() > TX_CODE_MAX_LENGTH)) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST,
                        "'tx_code.length' must be an integer from " + TX_CODE_MIN_LENGTH + " to " + TX_CODE_MAX_LENGTH);
            }
            txLength = Optional.of(length == null ? TX_CODE_DEFAULT_LENGTH : length.asInt());
            JsonNode description = tx.get("description");
            if (description != null) {
                if (!description.isTextual() || description.asText().length() > TX_CODE_DESCRIPTION_MAX) {
                    throw new ProblemException(HttpProblem.INVALID_REQUEST,
                            "'tx_code.description' must be a string of at most " + TX_CODE_DESCRIPTION_MAX + " characters");
                }
                txDescription = description.asText();
            }
        }
        String offerId = secrets.randomToken();
        Optional<String> txCode = txLength.map(secrets::randomDigits);
        Instant expiresAt = Instant.now().plus(settings.offerTtl()).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                purgeExpired(c);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO oid4vci_offer (id, configuration_id, pre_auth_code_hash, tx_code_hash, tx_code_length,
                                                   tx_code_description, state, credential, created_by, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'offered', ?, ?, ?)""")) {
                    insert.setString(1, offerId);
                    insert.setString(2, configuration.id());
                    insert.setString(3, OfferSecrets.sha256Hex(secrets.preAuthorizedCode(offerId)));
                    insert.setString(4, txCode.map(code -> secrets.txCodeHash(offerId, code)).orElse(null));
                    if (txLength.isPresent()) {
                        insert.setInt(5, txLength.get());
                    } else {
                        insert.setNull(5, Types.INTEGER);
                    }
                    insert.setString(6, txDescription);
                    insert.setBytes(7, secrets.encrypt(offerId, Json.write(unsigned)));
                    insert.setString(8, actor);
                    insert.setTimestamp(9, Timestamp.from(expiresAt));
                    insert.executeUpdate();
                }
                audit.append(c, actor, "oid4vci-offer", "offer:" + OfferSecrets.sha256Hex(offerId).substring(0, 16),
                        "offered " + configuration.id() + (txCode.isPresent() ? " with tx_code" : ""));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while creating a credential offer", e);
        }
        String offerUrl = settings.issuer() + Oid4vciSpecs.OFFERS + "/" + offerId;
        String offerUri = Oid4vciSpecs.OFFER_SCHEME + "?credential_offer_uri=" + URLEncoder.encode(offerUrl, StandardCharsets.UTF_8);
        return new CreatedOffer(offerId, configuration.id(), offerUrl, offerUri, txCode, expiresAt);
    }

    /** The Credential Offer object (section 4.1.1), while the offer is unredeemed and unexpired. */
    public Optional<ObjectNode> offer(String offerId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     SELECT configuration_id, tx_code_hash IS NOT NULL, tx_code_length, tx_code_description
                     FROM oid4vci_offer WHERE id = ? AND state = 'offered' AND expires_at > now()""")) {
            q.setString(1, offerId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ObjectNode offer = Json.mapper().createObjectNode();
                offer.put("credential_issuer", settings.issuer());
                offer.putArray("credential_configuration_ids").add(rs.getString(1));
                ObjectNode grant = offer.putObject("grants").putObject(Oid4vciSpecs.GRANT_PRE_AUTHORIZED_CODE);
                grant.put(Oid4vciSpecs.PRE_AUTHORIZED_CODE, secrets.preAuthorizedCode(offerId));
                if (rs.getBoolean(2)) {
                    ObjectNode tx = grant.putObject(Oid4vciSpecs.TX_CODE);
                    tx.put("input_mode", "numeric");
                    tx.put("length", rs.getInt(3));
                    if (rs.getString(4) != null) {
                        tx.put("description", rs.getString(4));
                    }
                }
                return Optional.of(offer);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a credential offer", e);
        }
    }

    /** What became of an offer: its state and, once the wallet redeemed it, the issued credential's id. */
    public record Issuance(String state, Optional<String> credentialId) {
    }

    /**
     * The offer's outcome for the bureau that made it, which owns the credential and needs its id to change its
     * status (the wallet, not the bureau, receives the credential). Empty for another organisation's offer.
     */
    public Optional<Issuance> issuance(String offerId, String bureau) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT state, credential_id FROM oid4vci_offer WHERE id = ? AND created_by = ?")) {
            q.setString(1, offerId);
            q.setString(2, bureau);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new Issuance(rs.getString(1), Optional.ofNullable(rs.getString(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a credential offer", e);
        }
    }

    /** A successful token response (RFC 6749 section 5.1). */
    public record AccessToken(String accessToken, long expiresIn) {
        public ObjectNode toJson() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("access_token", accessToken);
            out.put("token_type", "Bearer");
            out.put("expires_in", expiresIn);
            return out;
        }
    }

    /** The token endpoint: {@code form} is the request's form parameters (each name with all its values). */
    public AccessToken token(Map<String, List<String>> form) {
        String grantType = single(form, "grant_type")
                .orElseThrow(() -> new OAuthError(OAuthError.Code.INVALID_REQUEST, "grant_type is required"));
        if (!Oid4vciSpecs.GRANT_PRE_AUTHORIZED_CODE.equals(grantType)) {
            throw new OAuthError(OAuthError.Code.UNSUPPORTED_GRANT_TYPE,
                    "this token endpoint accepts only " + Oid4vciSpecs.GRANT_PRE_AUTHORIZED_CODE);
        }
        String code = single(form, Oid4vciSpecs.PRE_AUTHORIZED_CODE)
                .orElseThrow(() -> new OAuthError(OAuthError.Code.INVALID_REQUEST, "pre-authorized_code is required"));
        Optional<String> txCode = single(form, Oid4vciSpecs.TX_CODE);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                purgeExpired(c);
                c.commit();
                String offerId;
                String txHash;
                int failures;
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT id, tx_code_hash, tx_code_failures FROM oid4vci_offer
                        WHERE pre_auth_code_hash = ? AND state = 'offered' AND expires_at > now() FOR UPDATE""")) {
                    q.setString(1, OfferSecrets.sha256Hex(code));
                    try (ResultSet rs = q.executeQuery()) {
                        if (!rs.next()) {
                            throw new OAuthError(OAuthError.Code.INVALID_GRANT,
                                    "the pre-authorized code is unknown, expired or already used");
                        }
                        offerId = rs.getString(1);
                        txHash = rs.getString(2);
                        failures = rs.getInt(3);
                    }
                }
                if (txHash == null && txCode.isPresent()) {
                    throw new OAuthError(OAuthError.Code.INVALID_REQUEST, "this offer does not expect a tx_code");
                }
                if (txHash != null) {
                    if (txCode.isEmpty()) {
                        throw new OAuthError(OAuthError.Code.INVALID_REQUEST, "this offer requires a tx_code");
                    }
                    if (!OfferSecrets.sameHash(txHash, secrets.txCodeHash(offerId, txCode.get()))) {
                        recordTxCodeFailure(c, offerId, failures + 1);
                        c.commit();
                        throw new OAuthError(OAuthError.Code.INVALID_GRANT, failures + 1 >= settings.txCodeMaxFailures()
                                ? "wrong tx_code; too many attempts, the pre-authorized code is no longer valid"
                                : "wrong tx_code");
                    }
                }
                String token = secrets.randomToken();
                try (PreparedStatement u = c.prepareStatement("""
                        UPDATE oid4vci_offer SET state = 'token_issued', access_token_hash = ?, token_expires_at = ?
                        WHERE id = ?""")) {
                    u.setString(1, OfferSecrets.sha256Hex(token));
                    u.setTimestamp(2, Timestamp.from(Instant.now().plus(settings.accessTokenTtl())));
                    u.setString(3, offerId);
                    u.executeUpdate();
                }
                c.commit();
                return new AccessToken(token, settings.accessTokenTtl().toSeconds());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure at the token endpoint", e);
        }
    }

    private void recordTxCodeFailure(Connection c, String offerId, int failures) throws SQLException {
        boolean exhausted = failures >= settings.txCodeMaxFailures();
        try (PreparedStatement u = c.prepareStatement(exhausted
                ? "UPDATE oid4vci_offer SET tx_code_failures = ?, state = 'invalidated', credential = NULL WHERE id = ?"
                : "UPDATE oid4vci_offer SET tx_code_failures = ? WHERE id = ?")) {
            u.setInt(1, failures);
            u.setString(2, offerId);
            u.executeUpdate();
        }
    }

    /** Offers past their expiry go, with whatever they held; token-holding ones once the token has expired too. */
    static void purgeExpired(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM oid4vci_offer WHERE expires_at < now()
                AND (token_expires_at IS NULL OR token_expires_at < now())""")) {
            delete.executeUpdate();
        }
    }

    /** RFC 6749 section 3.2: a parameter sent without a value is omitted; a repeated one is an error. */
    private static Optional<String> single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new OAuthError(OAuthError.Code.INVALID_REQUEST, name + " is repeated");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Fails the offer now, not at issuance, when the credential would not be a valid VCDM 2.0 credential. */
    private void checkDataModel(ObjectNode unsigned) {
        ObjectNode probe = unsigned.deepCopy();
        probe.put("issuer", keys.issuer().issuer());
        ((ObjectNode) probe.get("credentialSubject")).put("id", "did:example:holder");
        try {
            Credential.from(probe, validator);
        } catch (DataModelException e) {
            throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, e.getMessage(), e);
        }
    }
}
