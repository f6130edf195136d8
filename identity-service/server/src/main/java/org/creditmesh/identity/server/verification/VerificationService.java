package org.creditmesh.identity.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.core.credential.EnvelopedCredential;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.StatusError;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.status.StatusListFetcher;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.issuance.RequestBodies;
import org.creditmesh.identity.server.issuance.StatusLists;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.HttpProblem;

/**
 * VC-API verification: unwraps the request ({@code verifiableCredential} or {@code verifiablePresentation}, as a
 * JSON document, a compact string, or an {@code EnvelopedVerifiableCredential}), runs the core's
 * {@link CredentialVerifier} and records the verdict in the audit log (by the input's hash). Status lists of this
 * service are read from its database; others are fetched over HTTPS.
 */
@ApplicationScoped
public class VerificationService {

    private static final int MAX_STATUS_LIST_BYTES = 1 << 20;

    /**
     * Status list credentials that verified, by their exact bytes, for a minute (the lists' own max-age): without it
     * every verify re-verifies the list's Data Integrity proof, most of a verify's cost; a revocation changes the
     * bytes and is seen at once.
     */
    private final org.creditmesh.core.status.VerifiedStatusLists verifiedLists =
            org.creditmesh.core.status.VerifiedStatusLists.defaults();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatusLists statusLists;

    @Inject
    org.creditmesh.identity.server.audit.AuditWriter auditWriter;

    @Inject
    org.creditmesh.identity.server.issuance.OwnStatusLists ownStatusLists;

    @Inject
    org.creditmesh.identity.server.keys.IssuerKeys keys;

    @Inject
    org.creditmesh.identity.server.trust.RegistryTrustPolicy trustPolicy;

    @Inject
    org.creditmesh.identity.server.organisation.Organisations organisations;

    private org.creditmesh.core.did.DidResolver didResolver;

    /**
     * Whether a Data Integrity presentation must name a holder who is the subject of what it presents (a borrower
     * shows their own credentials). VCDM 2.0 requires neither; the W3C suites' open verifier mode turns it off.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "creditmesh.verify.holder-must-be-subject", defaultValue = "true")
    boolean holderMustBeSubject;

    /**
     * did:key and did:jwk offline; did:web over HTTPS, except this service's own did:web, answered from memory
     * (a service need not reach itself over the network to check what it issued).
     */
    @jakarta.annotation.PostConstruct
    void init() {
        org.creditmesh.core.did.DidWeb web = new org.creditmesh.core.did.DidWeb();
        org.creditmesh.core.did.DidMethodResolver ownOrWeb = new org.creditmesh.core.did.DidMethodResolver() {
            @Override
            public String method() {
                return "web";
            }

            @Override
            public org.creditmesh.core.did.DidDocument resolve(String did) throws org.creditmesh.core.did.DidException {
                var own = keys.ownDocument(did);
                if (own.isPresent()) {
                    return own.get();
                }
                if (organisations.isBureauDid(did)) {
                    return keys.didWebDocumentFor(did);
                }
                return web.resolve(did);
            }
        };
        didResolver = new org.creditmesh.core.did.CompositeDidResolver(java.util.List.of(
                new org.creditmesh.core.did.DidKey(), new org.creditmesh.core.did.DidJwk(), ownOrWeb));
        withoutChallenge = verifierBuilder().build();
    }

    /**
     * The verifier of requests without a challenge, made once: a verifier's key cache (did:key and did:jwk keys
     * decoded once) and its status list verifier then last across requests instead of being rebuilt per request.
     */
    private CredentialVerifier withoutChallenge;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Verifies the credential or presentation in a VC-API request body. */
    public VerificationReport verify(byte[] rawBody, boolean presentation, String actor) {
        ObjectNode body = JsonBodies.object(rawBody);
        String member = presentation ? "verifiablePresentation" : "verifiableCredential";
        String input = unwrap(body.get(member), member);
        ObjectNode options = JsonBodies.optionalObject(body, "options");
        Optional<Challenge> challenge = challenge(options);
        CredentialVerifier verifier = challenge.isEmpty() ? withoutChallenge : verifierBuilder().challenge(challenge.get()).build();
        VerificationReport report = verifier.verify(input);
        record(actor, presentation ? "verify-presentation" : "verify-credential", input, report);
        return report;
    }

    /**
     * A verifier configured as this service verifies: its DID resolver, Bitstring Status Lists and Status List
     * Tokens (this service's from its database, others' over HTTPS). Callers add a challenge or trust policy.
     */
    public CredentialVerifier.Builder verifierBuilder() {
        return CredentialVerifier.builder().statusFetcher(this::fetchStatusList).verifiedStatusLists(verifiedLists)
                .tokenStatusFetcher(this::fetchStatusListToken).didResolver(didResolver).trustPolicy(trustPolicy)
                .holderMustBeSubject(holderMustBeSubject);
    }

    private static Optional<Challenge> challenge(ObjectNode options) {
        JsonNode nonce = options.get("challenge");
        JsonNode domain = options.get("domain");
        if (nonce == null && domain == null) {
            return Optional.empty();
        }
        if (nonce == null || domain == null || !nonce.isTextual() || !domain.isTextual()
                || nonce.asText().isBlank() || domain.asText().isBlank()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'options.challenge' and 'options.domain' are non-empty strings, given together");
        }
        return Optional.of(new Challenge(nonce.asText(), domain.asText()));
    }

    private static String unwrap(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + member + "' is required");
        }
        if (node.isTextual()) {
            // A string is a compact JWS or SD-JWT. A JSON document inside a string is not a secured document
            // (Data Integrity 1.0 section 4.4: one that is not a map is an error), and the W3C suites send one to
            // check that it is refused.
            String text = node.asText().strip();
            if (text.startsWith("{") || text.startsWith("[")) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST,
                        "'" + member + "' holds JSON as a string; send the document itself (a string is for vc+jwt or SD-JWT)");
            }
            return node.asText();
        }
        if (!node.isObject()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + member + "' must be a JSON object or a string");
        }
        JsonNode type = node.get("type");
        boolean enveloped = type != null && (type.asText().startsWith("Enveloped")
                || (type.isArray() && type.toString().contains("\"Enveloped")));
        if (enveloped && node.path("id").isTextual()) {
            try {
                return EnvelopedCredential.parse(node.get("id").asText()).data();
            } catch (CreditMeshException e) {
                throw new ProblemException(HttpProblem.INVALID_REQUEST, e.getMessage());
            }
        }
        return Json.write(node);
    }

    private String fetchStatusList(String url) throws CreditMeshException {
        if (statusLists.isOwn(url)) {
            try {
                return ownStatusLists.credential(url).orElseThrow(
                        () -> new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "no status list " + url + " here"));
            } catch (IllegalStateException e) {
                throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "the status list store is unavailable");
            }
        }
        if (!url.startsWith("https://")) {
            throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "status lists of other issuers are fetched over https only");
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/vc+ld+json, application/json, application/vc+jwt").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_STATUS_LIST_BYTES) {
                throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "status list " + url + " answered " + response.statusCode());
            }
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "status list " + url + " could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusException(StatusError.STATUS_RETRIEVAL_FAILED, "interrupted while fetching " + url);
        }
    }

    @Inject
    org.creditmesh.identity.server.tokenstatus.TokenStatusLists tokenStatusLists;

    private final org.creditmesh.core.status.token.HttpStatusListTokenFetcher tokenFetcher =
            org.creditmesh.core.status.token.HttpStatusListTokenFetcher.builder().build();

    /** IETF Status List Tokens (of SD-JWT VCs): this service's own from its database, others' over HTTPS. */
    private String fetchStatusListToken(String uri) throws CreditMeshException {
        Optional<String> own = tokenStatusLists.idOf(uri);
        if (own.isEmpty()) {
            return tokenFetcher.fetch(uri);
        }
        try (Connection c = dataSource.getConnection()) {
            return tokenStatusLists.find(c, own.get()).map(org.creditmesh.identity.server.tokenstatus.TokenStatusLists.StoredToken::token)
                    .orElseThrow(() -> new org.creditmesh.core.status.token.TokenStatusException(
                            org.creditmesh.core.status.token.TokenStatusError.STATUS_LIST_UNAVAILABLE, "no status list " + uri + " here"));
        } catch (SQLException e) {
            throw new org.creditmesh.core.status.token.TokenStatusException(
                    org.creditmesh.core.status.token.TokenStatusError.STATUS_LIST_UNAVAILABLE, "the status list store is unavailable");
        }
    }

    /**
     * Audits the verdict and returns once its row is committed (group commit, {@link
     * org.creditmesh.identity.server.audit.AuditWriter}): no verdict leaves the service unaudited.
     */
    private void record(String actor, String action, String input, VerificationReport report) {
        String outcome = report.verified() ? "verified"
                : "failed " + String.join(",", report.failures().stream().map(f -> f.code()).distinct().toList());
        try {
            auditWriter.append(new AuditLog.Record(actor, action,
                    "sha256:" + RequestBodies.sha256Hex(input), outcome)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("the audit log could not be written", e);
        }
    }
}
