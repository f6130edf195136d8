package org.creditmesh.identity.server.oid4vci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.ClaimPaths;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.issuance.IssuanceService;

/**
 * The credential endpoint (OpenID4VCI 1.0 section 8): the access token names the offer; the request names its
 * credential configuration and carries one {@code jwt} key proof; the credential is bound to the proven key
 * ({@code cnf} in an SD-JWT VC, {@code credentialSubject.id} and {@code sub} as a did:jwk / did:key in a VCDM 1.1
 * JWT for {@code jwt_vc_json}), issued through
 * {@link IssuanceService} (status entry, record, audit), and the offer's claims are erased in the same transaction.
 */
@ApplicationScoped
public class CredentialService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Oid4vciSettings settings;

    @Inject
    NonceService nonces;

    @Inject
    OfferService offers;

    @Inject
    IssuanceService issuance;

    /** Returns the Credential Response body. */
    public ObjectNode issue(String authorization, byte[] body) {
        String token = bearer(authorization);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ObjectNode response = issue(c, token, body);
                c.commit();
                return response;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure at the credential endpoint", e);
        }
    }

    private ObjectNode issue(Connection c, String token, byte[] body) throws SQLException {
        String offerId;
        String offeredConfiguration;
        byte[] encrypted;
        String bureau;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id, configuration_id, credential, created_by FROM oid4vci_offer
                WHERE access_token_hash = ? AND state = 'token_issued' AND token_expires_at > now() FOR UPDATE""")) {
            q.setString(1, OfferSecrets.sha256Hex(token));
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "the access token is unknown, expired or already used");
                }
                offerId = rs.getString(1);
                offeredConfiguration = rs.getString(2);
                encrypted = rs.getBytes(3);
                bureau = rs.getString(4);
            }
        }
        ObjectNode request = parse(body);
        if (request.has("credential_identifier")) {
            throw new OAuthError(request.has("credential_configuration_id") ? OAuthError.Code.INVALID_CREDENTIAL_REQUEST
                    : OAuthError.Code.UNKNOWN_CREDENTIAL_IDENTIFIER,
                    "this issuer returns no credential_identifiers; request by credential_configuration_id");
        }
        JsonNode configurationId = request.get("credential_configuration_id");
        if (configurationId == null || !configurationId.isTextual()) {
            throw new OAuthError(OAuthError.Code.INVALID_CREDENTIAL_REQUEST, "credential_configuration_id (a string) is required");
        }
        CredentialConfiguration configuration = CredentialConfigurations.byId(configurationId.asText())
                .orElseThrow(() -> new OAuthError(OAuthError.Code.UNKNOWN_CREDENTIAL_CONFIGURATION,
                        "unknown credential_configuration_id"));
        if (!configuration.id().equals(offeredConfiguration)) {
            throw new OAuthError(OAuthError.Code.INSUFFICIENT_SCOPE,
                    "the access token was granted for another credential configuration");
        }
        if (request.has("credential_response_encryption")) {
            throw new OAuthError(OAuthError.Code.INVALID_CREDENTIAL_REQUEST, "credential response encryption is not supported");
        }
        String jwt = singleJwtProof(request.get("proofs"));
        KeyProofVerifier.KeyProof proof = new KeyProofVerifier(settings.issuer(), settings.proofMaxAge(),
                settings.proofMaxSkew(), Clock.systemUTC()).verify(jwt);
        if (!nonces.consume(c, proof.nonce())) {
            throw new OAuthError(OAuthError.Code.INVALID_NONCE, "the proof's nonce is not a valid unused c_nonce");
        }
        ObjectNode unsigned;
        try {
            unsigned = Json.parseObject(offers.secrets().decrypt(offerId, encrypted));
        } catch (GeneralSecurityException | MalformedJsonException e) {
            throw new IllegalStateException("a stored credential offer could not be decrypted", e);
        }
        ObjectNode subject = (ObjectNode) unsigned.get("credentialSubject");
        ObjectNode bound = Json.mapper().createObjectNode();
        bound.put("id", proof.holderDid());
        bound.setAll(subject);
        unsigned.set("credentialSubject", bound);
        IssuanceService.Signed signed;
        try {
            CredentialIssuer.Options options = CredentialIssuer.Options.defaults();
            if (configuration.securingFormat() == SecuringFormat.SD_JWT) {
                options = options.withHolderKey(proof.key()).withDisclosable(ClaimPaths.parseAll(names(subject)));
            } else {
                // jwt_vc_json is the VCDM 1.1 JWT encoding (OpenID4VCI 1.0 Appendix A.1.1), not a vc+jwt.
                options = options.withVcdm11Jwt();
            }
            signed = issuance.issueInTransaction(c, unsigned, configuration.securingFormat(), options, bureau,
                    " via OpenID4VCI " + configuration.id());
        } catch (CreditMeshException e) {
            throw new OAuthError(OAuthError.Code.CREDENTIAL_REQUEST_DENIED,
                    "the offered credential cannot be issued: " + e.code().code());
        }
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE oid4vci_offer SET state = 'issued', credential = NULL, credential_id = ? WHERE id = ?")) {
            u.setString(1, signed.credentialId());
            u.setString(2, offerId);
            u.executeUpdate();
        }
        ObjectNode response = Json.mapper().createObjectNode();
        response.putArray("credentials").addObject().put("credential", signed.credential());
        return response;
    }

    private static List<String> names(ObjectNode subject) {
        List<String> names = new ArrayList<>();
        subject.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** RFC 6750 section 2.1: {@code Authorization: Bearer <token>}, the scheme case-insensitive. */
    private static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "an access token is required (Authorization: Bearer)");
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")
                || authorization.substring(space + 1).isBlank()) {
            throw new OAuthError(OAuthError.Code.INVALID_TOKEN, "the Authorization header must be Bearer <access token>");
        }
        return authorization.substring(space + 1).strip();
    }

    private static ObjectNode parse(byte[] body) {
        try {
            return Json.parseObject(body == null ? new byte[0] : body);
        } catch (MalformedJsonException e) {
            throw new OAuthError(OAuthError.Code.INVALID_CREDENTIAL_REQUEST, "the body must be a JSON object");
        }
    }

    /** {@code proofs}: exactly one proof type, {@code jwt}, with one JWT (no batch issuance is offered). */
    private static String singleJwtProof(JsonNode proofs) {
        if (proofs == null || !proofs.isObject() || proofs.isEmpty()) {
            throw new OAuthError(OAuthError.Code.INVALID_PROOF, "proofs is required: {\"jwt\": [<key proof>]}");
        }
        if (proofs.size() != 1) {
            throw new OAuthError(OAuthError.Code.INVALID_PROOF, "proofs must contain exactly one proof type");
        }
        Iterator<String> types = proofs.fieldNames();
        String type = types.next();
        if (!type.equals("jwt")) {
            throw new OAuthError(OAuthError.Code.INVALID_PROOF, "unsupported proof type " + type + "; this issuer accepts jwt");
        }
        JsonNode list = proofs.get("jwt");
        if (!list.isArray() || list.isEmpty() || !list.get(0).isTextual()) {
            throw new OAuthError(OAuthError.Code.INVALID_PROOF, "proofs.jwt must be a non-empty array of JWTs");
        }
        if (list.size() > 1) {
            throw new OAuthError(OAuthError.Code.INVALID_PROOF, "batch issuance is not supported: send one key proof");
        }
        return list.get(0).asText();
    }
}
