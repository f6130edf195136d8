package org.creditmesh.identity.server.oid4vp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.core.dcql.DcqlClaimsQuery;
import org.creditmesh.core.dcql.DcqlCredentialQuery;
import org.creditmesh.core.dcql.DcqlException;
import org.creditmesh.core.dcql.DcqlQuery;
import org.creditmesh.core.dcql.DcqlSpecs;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.wallet.Oid4vpAuthorizationRequest;
import org.creditmesh.core.wallet.Oid4vpSpecs;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.issuance.RequestBodies;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.identity.server.verification.VerificationService;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lenders' OpenID4VP 1.0 presentation requests, from creation to the one retrieval of their result:
 * <ul>
 *   <li>{@link #create}: a DCQL query (given, or built from credential types and claim paths), a fresh nonce and
 *   state, and a signed request object served by reference at {@code request_uri} until the request expires;</li>
 *   <li>{@link #requestObject}: the request object for the wallet (RFC 9101 section 5.2);</li>
 *   <li>{@link #respond}: the {@code direct_post} response (section 8.2), accepted once per state, verified, its
 *   result stored encrypted;</li>
 *   <li>{@link #result}: the result for the lender that created the request, once; then it is deleted.</li>
 * </ul>
 */
@ApplicationScoped
public class PresentationRequests {

    /** Upper bounds on a lender's query, so a request object stays small enough for any wallet. */
    static final int MAX_CREDENTIAL_QUERIES = 10;
    static final int MAX_CLAIMS_PER_QUERY = 64;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    VerifierKey verifierKey;

    @Inject
    IssuerKeys issuerKeys;

    @Inject
    VerificationService verification;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "creditmesh.public-url")
    String publicUrl;

    /** How long the wallet has to fetch the request object and respond. */
    @ConfigProperty(name = "creditmesh.oid4vp.request-ttl", defaultValue = "PT5M")
    Duration requestTtl;

    /** How long a result waits for the lender after the request expired; then it is deleted unread. */
    @ConfigProperty(name = "creditmesh.oid4vp.result-ttl", defaultValue = "PT1H")
    Duration resultTtl;

    private final SecureRandom random = new SecureRandom();
    private ResultCipher cipher;

    @PostConstruct
    void init() {
        cipher = new ResultCipher(issuerKeys.secret());
    }

    /** What a lender gets back: the request id and the authorization request to hand to the wallet. */
    public record Created(String id, String authorizationRequest, String requestUri, String clientId, Instant expiresAt,
                          DcqlQuery query) {
        public ObjectNode toJson() {
            ObjectNode out = Json.mapper().createObjectNode();
            out.put("id", id);
            out.put("authorization_request", authorizationRequest);
            out.put("client_id", clientId);
            out.put("request_uri", requestUri);
            out.put("expires_at", expiresAt.toString());
            out.set("dcql_query", query.toJson());
            return out;
        }
    }

    public Created create(String lender, ObjectNode body) {
        DcqlQuery query = query(body);
        Optional<String> redirectUri = redirectUri(body);
        String id = randomId();
        String ref = randomId();
        String state = randomId();
        String nonce = randomId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(requestTtl);
        String base = publicUrl.replaceAll("/+$", "");
        String requestUri = base + "/oid4vp/request-objects/" + ref;
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("iss", verifierKey.clientId());
        claims.put("aud", Oid4vpSpecs.STATIC_AUDIENCE);
        claims.put(Oid4vpSpecs.CLIENT_ID, verifierKey.clientId());
        claims.put(Oid4vpSpecs.RESPONSE_TYPE, Oid4vpSpecs.RESPONSE_TYPE_VP_TOKEN);
        claims.put(Oid4vpSpecs.RESPONSE_MODE, Oid4vpSpecs.RESPONSE_MODE_DIRECT_POST);
        claims.put(Oid4vpSpecs.RESPONSE_URI, base + "/oid4vp/response");
        claims.put(Oid4vpSpecs.NONCE, nonce);
        claims.put(Oid4vpSpecs.STATE, state);
        claims.set(Oid4vpSpecs.DCQL_QUERY, query.toJson());
        claims.set(Oid4vpSpecs.CLIENT_METADATA, clientMetadata());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        String requestObject = verifierKey.signRequestObject(claims);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                purgeExpired(c);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO oid4vp_request (id, lender, request_ref, state, nonce, dcql_query, request_object,
                                                    redirect_uri, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, lender);
                    insert.setString(3, ref);
                    insert.setString(4, state);
                    insert.setString(5, nonce);
                    insert.setString(6, Json.write(query.toJson()));
                    insert.setString(7, requestObject);
                    insert.setString(8, redirectUri.orElse(null));
                    insert.setTimestamp(9, Timestamp.from(expires));
                    insert.executeUpdate();
                }
                audit.append(c, lender, "oid4vp-request", id, "created for " + query.credentials().size() + " credential(s)");
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while creating a presentation request", e);
        }
        String authorization = new Oid4vpAuthorizationRequest(verifierKey.clientId(), URI.create(requestUri)).toUri();
        return new Created(id, authorization, requestUri, verifierKey.clientId(), expires, query);
    }

    /** The signed request object at {@code request_uri}, while its request is pending and unexpired. */
    public String requestObject(String ref) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT request_object, status, expires_at FROM oid4vp_request WHERE request_ref = ?")) {
            q.setString(1, ref);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw new ProblemException(IdentityProblem.OID4VP_REQUEST_NOT_FOUND, "no presentation request at this request_uri");
                }
                if (!rs.getString(2).equals("pending") || rs.getTimestamp(3).toInstant().isBefore(Instant.now())) {
                    throw new ProblemException(IdentityProblem.OID4VP_REQUEST_EXPIRED, "the presentation request was answered or has expired");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a request object", e);
        }
    }

    /** What the wallet gets back after a response was accepted (section 8.2): optionally where to send the user. */
    public record Accepted(Optional<String> redirectUri) {
    }

    /**
     * Handles a {@code direct_post} response: {@code state} names the request, which must be pending and unexpired;
     * an error response from the wallet (section 8.5) is recorded as such; otherwise the {@code vp_token} is
     * verified. A well-formed response is final (a second one for the same state is refused as a replay), whatever
     * its verdict; a malformed one is refused without consuming the request.
     */
    public Accepted respond(Map<String, String> form) {
        String state = form.get(Oid4vpSpecs.STATE);
        if (state == null || state.isEmpty()) {
            throw Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_MALFORMED_RESPONSE, "state is required", "invalid_request");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Accepted accepted = respond(c, state, form);
                c.commit();
                return accepted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while receiving a presentation", e);
        }
    }

    private Accepted respond(Connection c, String state, Map<String, String> form) throws SQLException {
        String id;
        String status;
        String nonce;
        String dcql;
        Instant expires;
        Optional<String> redirectUri;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id, status, nonce, dcql_query, expires_at, redirect_uri FROM oid4vp_request
                WHERE state = ? FOR UPDATE""")) {
            q.setString(1, state);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_UNKNOWN_STATE,
                            "no presentation request has this state", "invalid_request");
                }
                id = rs.getString(1);
                status = rs.getString(2);
                nonce = rs.getString(3);
                dcql = rs.getString(4);
                expires = rs.getTimestamp(5).toInstant();
                redirectUri = Optional.ofNullable(rs.getString(6));
            }
        }
        if (!status.equals("pending")) {
            audit.append(c, "wallet", "oid4vp-response", id, "refused: replayed");
            c.commit();
            throw Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_RESPONSE_REPLAYED,
                    "a response to this presentation request was already received", "invalid_request");
        }
        if (expires.isBefore(Instant.now())) {
            throw Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_REQUEST_EXPIRED,
                    "the presentation request has expired", "invalid_request");
        }
        DcqlQuery query;
        try {
            query = DcqlQuery.parse(dcql);
        } catch (DcqlException e) {
            throw new IllegalStateException("a stored DCQL query no longer parses", e);
        }
        ObjectNode result;
        boolean verified;
        String outcome;
        String walletError = form.get(Oid4vpSpecs.ERROR);
        if (walletError != null) {
            // Section 8.5: the wallet declined or failed; the lender learns the error code, nothing else.
            result = Json.mapper().createObjectNode();
            result.put("verified", false);
            result.put("error", walletError.length() > 64 ? walletError.substring(0, 64) : walletError);
            result.putArray("failures").add("wallet_error");
            result.putArray("credentials");
            verified = false;
            outcome = "wallet error";
        } else {
            String vpToken = form.get(Oid4vpSpecs.VP_TOKEN);
            if (vpToken == null || vpToken.isEmpty()) {
                throw Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_MALFORMED_RESPONSE,
                        "vp_token (or error) is required", "invalid_request");
            }
            ObjectNode token = VpTokenVerifier.parse(vpToken, query);
            VpTokenVerifier.Outcome verdict = new VpTokenVerifier(verification.verifierBuilder()
                    .challenge(new org.creditmesh.core.verifier.Challenge(nonce, verifierKey.clientId())).build())
                    .verify(query, token);
            result = verdict.result();
            verified = verdict.verified();
            outcome = verified ? "verified" : "failed " + String.join(",", verdict.failures());
            audit.append(c, "wallet", "verify-presentation", "sha256:" + RequestBodies.sha256Hex(vpToken), outcome);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        result.put("id", id);
        result.put("status", verified ? "verified" : "failed");
        result.put("responded_at", now.toString());
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE oid4vp_request SET status = ?, responded_at = ?, result = ? WHERE id = ?")) {
            u.setString(1, verified ? "verified" : "failed");
            u.setTimestamp(2, Timestamp.from(now));
            u.setBytes(3, cipher.encrypt(id, Json.write(result)));
            u.setString(4, id);
            u.executeUpdate();
        }
        audit.append(c, "wallet", "oid4vp-response", id, outcome);
        return new Accepted(verified ? redirectUri : Optional.empty());
    }

    /** The lender's view: a result (once), or that the wallet has not answered yet. */
    public sealed interface Retrieved {
        record Pending(String id, Instant expiresAt) implements Retrieved {
        }

        record Done(String body) implements Retrieved {
        }
    }

    public Retrieved result(String lender, String id) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Retrieved r = result(c, lender, id);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while reading a presentation result", e);
        }
    }

    private Retrieved result(Connection c, String lender, String id) throws SQLException {
        String status;
        Instant expires;
        byte[] stored;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT status, expires_at, result FROM oid4vp_request WHERE id = ? AND lender = ? FOR UPDATE")) {
            q.setString(1, id);
            q.setString(2, lender);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    // Another lender's request is indistinguishable from none.
                    throw new ProblemException(IdentityProblem.OID4VP_REQUEST_NOT_FOUND, "no presentation request " + id + " of yours");
                }
                status = rs.getString(1);
                expires = rs.getTimestamp(2).toInstant();
                stored = rs.getBytes(3);
            }
        }
        switch (status) {
            case "pending" -> {
                if (expires.isBefore(Instant.now())) {
                    throw new ProblemException(IdentityProblem.OID4VP_REQUEST_EXPIRED, "the wallet did not answer before the request expired");
                }
                return new Retrieved.Pending(id, expires);
            }
            case "retrieved" -> throw new ProblemException(IdentityProblem.OID4VP_RESULT_GONE,
                    "the result was retrieved before and has been deleted");
            default -> {
                String body;
                try {
                    body = cipher.decrypt(id, stored);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("a stored presentation result does not decrypt (server secret changed?)", e);
                }
                try (PreparedStatement u = c.prepareStatement(
                        "UPDATE oid4vp_request SET status = 'retrieved', result = NULL, retrieved_at = now() WHERE id = ?")) {
                    u.setString(1, id);
                    u.executeUpdate();
                }
                audit.append(c, lender, "oid4vp-result", id, "retrieved " + status);
                return new Retrieved.Done(body);
            }
        }
    }

    /** The verifier key as a JWK Set. */
    public ObjectNode jwks() {
        return verifierKey.jwks();
    }

    // ---------------------------------------------------------------- the query

    /**
     * The DCQL query of a create request: {@code dcql_query} as given (validated), or built from {@code credentials}:
     * {@code [{id?, type | vct, claims: ["a.b" | ["a", 0, null]]}]}. A {@code type} is a CreditMesh credential type
     * ({@code KycCredential}), mapped to its {@code vct}; every query is {@code dc+sd-jwt} and holder-bound.
     */
    static DcqlQuery query(ObjectNode body) {
        JsonNode given = body.get("dcql_query");
        JsonNode simple = body.get("credentials");
        if ((given == null) == (simple == null)) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "give either 'dcql_query' or 'credentials'");
        }
        DcqlQuery query;
        try {
            query = given != null ? DcqlQuery.parse(given) : DcqlQuery.parse(fromSimple(simple));
        } catch (DcqlException e) {
            throw new ProblemException(e.error() == org.creditmesh.core.dcql.DcqlError.UNSUPPORTED_FEATURE
                    ? IdentityProblem.OID4VP_UNSUPPORTED_QUERY : IdentityProblem.OID4VP_INVALID_QUERY, e.getMessage());
        }
        if (query.credentials().size() > MAX_CREDENTIAL_QUERIES) {
            throw new ProblemException(IdentityProblem.OID4VP_INVALID_QUERY, "at most " + MAX_CREDENTIAL_QUERIES + " credential queries");
        }
        for (DcqlCredentialQuery q : query.credentials()) {
            if (!DcqlSpecs.FORMAT_SD_JWT_VC.equals(q.format())) {
                throw new ProblemException(IdentityProblem.OID4VP_UNSUPPORTED_QUERY,
                        "credential query " + q.id() + ": only dc+sd-jwt presentations are verified over OpenID4VP here");
            }
            if (q.claims().size() > MAX_CLAIMS_PER_QUERY) {
                throw new ProblemException(IdentityProblem.OID4VP_INVALID_QUERY, "at most " + MAX_CLAIMS_PER_QUERY + " claims per query");
            }
            if (!q.requireHolderBinding()) {
                throw new ProblemException(IdentityProblem.OID4VP_UNSUPPORTED_QUERY,
                        "credential query " + q.id() + ": presentations without holder binding could be replayed; they are not accepted");
            }
        }
        return query;
    }

    private static ObjectNode fromSimple(JsonNode simple) throws DcqlException {
        if (!simple.isArray() || simple.isEmpty()) {
            throw new DcqlException(org.creditmesh.core.dcql.DcqlError.MALFORMED_QUERY, "'credentials' is a non-empty array");
        }
        List<DcqlCredentialQuery> queries = new ArrayList<>();
        for (int i = 0; i < simple.size(); i++) {
            JsonNode c = simple.get(i);
            String where = "credentials[" + i + "]";
            if (!c.isObject()) {
                throw malformedQuery(where + " is an object");
            }
            String id = c.path("id").isTextual() ? c.get("id").textValue() : "credential-" + (i + 1);
            String vct;
            if (c.path("vct").isTextual()) {
                vct = c.get("vct").textValue();
            } else if (c.path("type").isTextual() && c.get("type").textValue().matches("[A-Za-z][A-Za-z0-9]*")) {
                vct = CredentialIssuer.VCT_PREFIX + c.get("type").textValue();
            } else {
                throw malformedQuery(where + " names 'type' (a credential type such as KycCredential) or 'vct'");
            }
            List<List<Object>> paths = new ArrayList<>();
            JsonNode claims = c.get("claims");
            if (claims != null) {
                if (!claims.isArray()) {
                    throw malformedQuery(where + ".claims is an array of claim paths");
                }
                for (JsonNode p : claims) {
                    paths.add(path(p, where));
                }
            }
            try {
                queries.add(DcqlCredentialQuery.sdJwtVc(id, List.of(vct), paths));
            } catch (IllegalArgumentException e) {
                throw malformedQuery(where + ": " + e.getMessage());
            }
        }
        try {
            return new DcqlQuery(queries).toJson();
        } catch (IllegalArgumentException e) {
            throw malformedQuery(e.getMessage());
        }
    }

    private static List<Object> path(JsonNode p, String where) throws DcqlException {
        List<Object> out = new ArrayList<>();
        if (p.isTextual() && !p.textValue().isEmpty()) {
            for (String part : p.textValue().split("\\.", -1)) {
                if (part.isEmpty()) {
                    throw malformedQuery(where + ".claims: '" + p.textValue() + "' is not a dot path");
                }
                out.add(part);
            }
            return out;
        }
        if (p.isArray() && !p.isEmpty()) {
            for (JsonNode e : p) {
                if (e.isTextual()) {
                    out.add(e.textValue());
                } else if (e.isNull()) {
                    out.add(DcqlClaimsQuery.ALL_ELEMENTS);
                } else if (e.isIntegralNumber() && e.canConvertToInt() && e.intValue() >= 0) {
                    out.add(e.intValue());
                } else {
                    throw malformedQuery(where + ".claims: a path array holds names, indexes and null");
                }
            }
            return out;
        }
        throw malformedQuery(where + ".claims holds dot paths or claims path pointers");
    }

    private static DcqlException malformedQuery(String message) {
        return new DcqlException(org.creditmesh.core.dcql.DcqlError.MALFORMED_QUERY, message);
    }

    private static Optional<String> redirectUri(ObjectNode body) {
        JsonNode r = body.get("redirect_uri");
        if (r == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(r.asText(""));
            if (!r.isTextual() || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, "'redirect_uri' is an https URL");
            }
            return Optional.of(uri.toString());
        } catch (URISyntaxException e) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'redirect_uri' is an https URL");
        }
    }

    /** Section 11.1 {@code vp_formats_supported}: what this verifier accepts for dc+sd-jwt (appendix B.3.7). */
    private static ObjectNode clientMetadata() {
        ObjectNode metadata = Json.mapper().createObjectNode();
        ObjectNode sdJwt = metadata.putObject("vp_formats_supported").putObject(DcqlSpecs.FORMAT_SD_JWT_VC);
        ArrayNode sdAlgs = sdJwt.putArray("sd-jwt_alg_values");
        ArrayNode kbAlgs = sdJwt.putArray("kb-jwt_alg_values");
        for (String alg : List.of("EdDSA", "ES256", "ES256K")) {
            sdAlgs.add(alg);
            kbAlgs.add(alg);
        }
        return metadata;
    }

    private void purgeExpired(Connection c) throws SQLException {
        try (PreparedStatement d = c.prepareStatement("DELETE FROM oid4vp_request WHERE expires_at < ?")) {
            d.setTimestamp(1, Timestamp.from(Instant.now().minus(resultTtl)));
            d.executeUpdate();
        }
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }
}
