package org.creditmesh.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.status.StatusListFetcher;
import org.creditmesh.core.status.token.StatusListTokenFetcher;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.VerificationReport;

/**
 * An OpenID4VCI 1.0 wallet for the pre-authorized code flow. {@link #receive} runs the whole flow; the steps are
 * public too, for callers (and tests) that need to look at or vary one of them.
 *
 * <pre>{@code
 * Oid4vciWallet wallet = Oid4vciWallet.builder(SigningKey.generate(KeyType.ED25519)).build();
 * ReceivedCredential vc = wallet.receive("openid-credential-offer://?credential_offer_uri=https%3A...", Optional.of("493536"));
 * }</pre>
 *
 * <p>Every URL the issuer publishes must be https (sections 4.1.3, 12.2). A {@link Builder#route route} maps them to
 * where the issuer is actually reached, e.g. a loopback port in tests or an internal address behind a proxy; the
 * identifiers checked (issuer, audience) stay the published ones.
 */
public final class Oid4vciWallet {

    private static final String WELL_KNOWN_ISSUER = "/.well-known/openid-credential-issuer";
    private static final String WELL_KNOWN_AS = "/.well-known/oauth-authorization-server";
    private static final String OFFER_SCHEME = "openid-credential-offer";

    private final SigningKey holder;
    private final String holderDid;
    private final HttpClient http;
    private final UnaryOperator<URI> route;
    private final CredentialVerifier verifier;
    private final CredentialStore store;
    private final Clock clock;
    private final Duration timeout;

    private Oid4vciWallet(Builder b) {
        this.holder = b.holder;
        this.holderDid = DidJwk.create(b.holder.publicKey()).toString();
        this.http = b.http == null ? HttpClient.newBuilder().connectTimeout(b.timeout).build() : b.http;
        this.route = b.route;
        this.clock = b.clock;
        this.timeout = b.timeout;
        this.store = b.store;
        this.verifier = b.verifier != null ? b.verifier
                : CredentialVerifier.builder().statusFetcher(statusListFetcher())
                        .tokenStatusFetcher(statusListTokenFetcher()).clock(b.clock).build();
    }

    public static Builder builder(SigningKey holder) {
        return new Builder(holder);
    }

    /** The holder identifier credentials get bound to: the did:jwk of the holder key. */
    public String holderDid() {
        return holderDid;
    }

    public CredentialStore store() {
        return store;
    }

    /**
     * Receives the first credential configuration of {@code offer}: resolve the offer, read the metadata, redeem the
     * pre-authorized code (with {@code txCode} when the offer asks for one), get a c_nonce, prove possession of the
     * holder key, verify what comes back, and store it.
     */
    public ReceivedCredential receive(String offer, Optional<String> txCode) throws WalletException {
        CredentialOffer resolved = resolveOffer(offer);
        IssuerMetadata metadata = issuerMetadata(resolved.credentialIssuer());
        String configurationId = resolved.configurationIds().get(0);
        if (metadata.configuration(configurationId).isEmpty()) {
            throw new WalletException(WalletError.INVALID_METADATA,
                    "the offered configuration " + configurationId + " is not in the issuer's metadata");
        }
        String accessToken = redeem(tokenEndpoint(metadata, resolved), resolved, txCode);
        Optional<String> nonce = metadata.nonceEndpoint().isPresent()
                ? Optional.of(nonce(metadata.nonceEndpoint().get())) : Optional.empty();
        List<String> credentials = requestCredential(metadata, accessToken, configurationId,
                proof(metadata.credentialIssuer(), nonce));
        return accept(metadata, configurationId, credentials.get(0));
    }

    /**
     * A credential offer given as {@code openid-credential-offer://?credential_offer_uri=...} (fetched, section
     * 4.1.3), {@code ...?credential_offer=<JSON>} (section 4.1.2), or the https URL of the offer object.
     */
    public CredentialOffer resolveOffer(String offer) throws WalletException {
        Objects.requireNonNull(offer, "offer");
        String text = offer.strip();
        if (text.startsWith("https://")) {
            return CredentialOffer.parse(getJson(text));
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletError.INVALID_OFFER, "the credential offer is not a URI");
        }
        if (uri.getScheme() == null || uri.getRawQuery() == null) {
            throw new WalletException(WalletError.INVALID_OFFER, "expected " + OFFER_SCHEME + "://?credential_offer_uri=...");
        }
        Map<String, List<String>> query = query(uri.getRawQuery());
        boolean byValue = query.containsKey("credential_offer");
        boolean byReference = query.containsKey("credential_offer_uri");
        if (byValue == byReference) {
            throw new WalletException(WalletError.INVALID_OFFER,
                    "the offer must carry exactly one of credential_offer and credential_offer_uri");
        }
        if (byValue) {
            try {
                return CredentialOffer.parse(Json.parse(query.get("credential_offer").get(0)));
            } catch (MalformedJsonException e) {
                throw new WalletException(WalletError.INVALID_OFFER, "credential_offer is not JSON", e);
            }
        }
        String reference = query.get("credential_offer_uri").get(0);
        if (!reference.startsWith("https://")) {
            throw new WalletException(WalletError.INVALID_OFFER, "credential_offer_uri must be an https URL");
        }
        return CredentialOffer.parse(getJson(reference));
    }

    /** The Credential Issuer Metadata, from the well-known URI formed as section 12.2.2 says. */
    public IssuerMetadata issuerMetadata(String credentialIssuer) throws WalletException {
        return IssuerMetadata.parse(getJson(wellKnown(credentialIssuer, WELL_KNOWN_ISSUER)), credentialIssuer);
    }

    /**
     * The token endpoint: from the RFC 8414 metadata of the offer's authorization server, else the first of the
     * issuer's {@code authorization_servers}, else the issuer itself (section 12.2.4).
     */
    public String tokenEndpoint(IssuerMetadata metadata, CredentialOffer offer) throws WalletException {
        String server = offer.authorizationServer()
                .or(() -> metadata.authorizationServers().stream().findFirst())
                .orElse(metadata.credentialIssuer());
        if (offer.authorizationServer().isPresent() && !metadata.authorizationServers().contains(server)) {
            throw new WalletException(WalletError.INVALID_OFFER,
                    "the offer's authorization_server is not one of the issuer's authorization_servers");
        }
        JsonNode as = getJson(wellKnown(server, WELL_KNOWN_AS));
        if (!server.equals(as.path("issuer").asText(""))) {
            throw new WalletException(WalletError.INVALID_METADATA,
                    "the authorization server metadata names issuer '" + as.path("issuer").asText("") + "', not " + server);
        }
        return IssuerMetadata.https(as, "token_endpoint")
                .orElseThrow(() -> new WalletException(WalletError.INVALID_METADATA, "the authorization server has no token_endpoint"));
    }

    /** Redeems the pre-authorized code (section 6.1); returns the access token. */
    public String redeem(String tokenEndpoint, CredentialOffer offer, Optional<String> txCode) throws WalletException {
        if (offer.txCode().isPresent() && txCode.isEmpty()) {
            throw new WalletException(WalletError.TX_CODE_REQUIRED, "the offer requires a transaction code"
                    + offer.txCode().get().description().map(d -> ": " + d).orElse(""));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", CredentialOffer.GRANT_PRE_AUTHORIZED_CODE);
        form.put("pre-authorized_code", offer.preAuthorizedCode());
        txCode.ifPresent(code -> form.put("tx_code", code));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(route(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode json = expectJson(response, WalletError.TOKEN_REJECTED);
        String token = json.path("access_token").asText("");
        if (token.isEmpty() || !"bearer".equalsIgnoreCase(json.path("token_type").asText(""))) {
            throw new WalletException(WalletError.PROTOCOL, "the token response has no Bearer access_token");
        }
        return token;
    }

    /** A fresh c_nonce from the nonce endpoint (section 7). */
    public String nonce(String nonceEndpoint) throws WalletException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(route(nonceEndpoint))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        String nonce = expectJson(response, WalletError.PROTOCOL).path("c_nonce").asText("");
        if (nonce.isEmpty()) {
            throw new WalletException(WalletError.PROTOCOL, "the nonce response has no c_nonce");
        }
        return nonce;
    }

    /** A {@code jwt} key proof of the holder key for {@code credentialIssuer}, now. */
    public String proof(String credentialIssuer, Optional<String> nonce) throws WalletException {
        return KeyProofs.jwt(holder, credentialIssuer, nonce, clock.instant());
    }

    /** Sends a Credential Request (section 8.2) with one key proof; returns the credentials of the response. */
    public List<String> requestCredential(IssuerMetadata metadata, String accessToken, String configurationId,
                                          String proofJwt) throws WalletException {
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("credential_configuration_id", configurationId);
        request.putObject("proofs").putArray("jwt").add(proofJwt);
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(route(metadata.credentialEndpoint()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(request))));
        if (response.statusCode() == 202) {
            throw new WalletException(WalletError.PROTOCOL, "the issuer deferred issuance; this wallet does not support that");
        }
        JsonNode json = expectJson(response, WalletError.CREDENTIAL_REJECTED);
        JsonNode credentials = json.get("credentials");
        if (credentials == null || !credentials.isArray() || credentials.isEmpty()) {
            throw new WalletException(WalletError.PROTOCOL, "the credential response has no credentials");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : credentials) {
            JsonNode credential = c.get("credential");
            if (credential == null) {
                throw new WalletException(WalletError.PROTOCOL, "a credentials entry has no credential");
            }
            out.add(credential.isTextual() ? credential.asText() : Json.write(credential));
        }
        return out;
    }

    /**
     * Verifies {@code credential} with the core verifier (signature, data model, validity, status), checks it is
     * bound to this wallet's key ({@code cnf.jwk} of an SD-JWT VC, {@code credentialSubject.id} otherwise), and
     * stores it.
     */
    public ReceivedCredential accept(IssuerMetadata metadata, String configurationId, String credential)
            throws WalletException {
        VerificationReport report = verifier.verify(credential);
        if (!report.verified()) {
            throw new WalletException(WalletError.CREDENTIAL_NOT_VERIFIED, "the credential did not verify: "
                    + report.failures().stream().map(f -> f.code()).distinct().collect(Collectors.joining(", ")));
        }
        ObjectNode claims = report.claims().orElseThrow(
                () -> new WalletException(WalletError.CREDENTIAL_NOT_VERIFIED, "the verifier reported no claims"));
        String format = metadata.configuration(configurationId).map(c -> c.path("format").asText("")).orElse("");
        checkBinding(claims);
        String id = claims.path("id").asText(claims.path("jti").asText("urn:sha256:" + sha256(credential)));
        ReceivedCredential received = new ReceivedCredential(id, metadata.credentialIssuer(), configurationId, format,
                credential, holderDid, clock.instant());
        store.save(received);
        return received;
    }

    private void checkBinding(ObjectNode claims) throws WalletException {
        JsonNode cnf = claims.path("cnf").get("jwk");
        if (cnf != null) {
            try {
                if (!VerificationKey.fromJwk(JWK.parse(Json.write(cnf))).equals(holder.publicKey())) {
                    throw new WalletException(WalletError.CREDENTIAL_NOT_VERIFIED, "the credential is bound to another key (cnf)");
                }
                return;
            } catch (java.text.ParseException | KeyException e) {
                throw new WalletException(WalletError.CREDENTIAL_NOT_VERIFIED, "the credential's cnf.jwk is unreadable", e);
            }
        }
        JsonNode subject = claims.has("credentialSubject") ? claims.get("credentialSubject") : claims.path("vc").path("credentialSubject");
        if (!holderDid.equals(subject.path("id").asText(""))) {
            throw new WalletException(WalletError.CREDENTIAL_NOT_VERIFIED,
                    "the credential is not bound to this wallet's key (credentialSubject.id)");
        }
    }

    /** Status lists fetched over this wallet's HTTP client and route. */
    public StatusListFetcher statusListFetcher() {
        return url -> {
            HttpResponse<byte[]> response;
            try {
                response = send(HttpRequest.newBuilder(route(url)).header("Accept", "application/vc+jwt, application/json").GET());
            } catch (WalletException e) {
                throw new CreditMeshException(e.code(), e.getMessage(), e);
            }
            if (response.statusCode() != 200) {
                throw new CreditMeshException(WalletError.HTTP, "status list " + url + " answered " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        };
    }

    /**
     * IETF Status List Tokens (of SD-JWT VCs), fetched over this wallet's HTTP client and route with the media type
     * draft-ietf-oauth-status-list section 8.1 names.
     */
    public StatusListTokenFetcher statusListTokenFetcher() {
        return uri -> {
            HttpResponse<byte[]> response;
            try {
                response = send(HttpRequest.newBuilder(route(uri)).header("Accept", "application/statuslist+jwt").GET());
            } catch (WalletException e) {
                throw new CreditMeshException(e.code(), e.getMessage(), e);
            }
            if (response.statusCode() != 200) {
                throw new CreditMeshException(WalletError.HTTP, "status list token " + uri + " answered " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8).strip();
        };
    }

    private JsonNode getJson(String url) throws WalletException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(route(url)).header("Accept", "application/json").GET());
        return expectJson(response, WalletError.PROTOCOL);
    }

    private JsonNode expectJson(HttpResponse<byte[]> response, WalletError onError) throws WalletException {
        JsonNode json;
        try {
            json = response.body().length == 0 ? null : Json.parse(response.body());
        } catch (MalformedJsonException e) {
            json = null;
        }
        if (response.statusCode() != 200) {
            String error = json == null ? null : json.path("error").asText(null);
            String description = json == null ? "" : json.path("error_description").asText(json.path("detail").asText(""));
            throw new WalletException(onError, response.uri() + " answered " + response.statusCode()
                    + (error == null ? "" : " " + error) + (description.isEmpty() ? "" : ": " + description),
                    error, response.statusCode(), null);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (json == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new WalletException(WalletError.PROTOCOL, response.uri() + " did not answer with application/json");
        }
        return json;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws WalletException {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.body().length > Json.MAX_INPUT_BYTES) {
                throw new WalletException(WalletError.PROTOCOL, "the response from " + response.uri() + " is too large");
            }
            return response;
        } catch (IOException e) {
            throw new WalletException(WalletError.HTTP, "the issuer could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletException(WalletError.HTTP, "interrupted", e);
        }
    }

    private URI route(String url) throws WalletException {
        try {
            return route.apply(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletError.PROTOCOL, "not a URL: " + url);
        }
    }

    /** Section 12.2.2 / RFC 8414 section 3.1: the well-known segment goes between the host and the path. */
    static String wellKnown(String identifier, String segment) throws WalletException {
        URI uri;
        try {
            uri = URI.create(identifier);
        } catch (IllegalArgumentException e) {
            throw new WalletException(WalletError.INVALID_METADATA, "not a URL: " + identifier);
        }
        if (!"https".equals(uri.getScheme()) || uri.getRawAuthority() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new WalletException(WalletError.INVALID_METADATA,
                    identifier + " is not an https identifier without query and fragment");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        return "https://" + uri.getRawAuthority() + segment + path;
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /** Configures an {@link Oid4vciWallet}. */
    public static final class Builder {
        private final SigningKey holder;
        private HttpClient http;
        private UnaryOperator<URI> route = UnaryOperator.identity();
        private CredentialVerifier verifier;
        private CredentialStore store = new InMemoryCredentialStore();
        private Clock clock = Clock.systemUTC();
        private Duration timeout = Duration.ofSeconds(10);

        private Builder(SigningKey holder) {
            this.holder = Objects.requireNonNull(holder, "holder");
        }

        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Maps the issuer's published https URLs to where requests are sent (identity by default). */
        public Builder route(UnaryOperator<URI> mapping) {
            this.route = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /** How received credentials are verified (default: did:key / did:jwk offline, status lists over HTTP). */
        public Builder verifier(CredentialVerifier credentialVerifier) {
            this.verifier = Objects.requireNonNull(credentialVerifier, "credentialVerifier");
            return this;
        }

        public Builder store(CredentialStore credentialStore) {
            this.store = Objects.requireNonNull(credentialStore, "credentialStore");
            return this;
        }

        public Builder clock(Clock walletClock) {
            this.clock = Objects.requireNonNull(walletClock, "walletClock");
            return this;
        }

        public Builder timeout(Duration requestTimeout) {
            this.timeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        public Oid4vciWallet build() {
            return new Oid4vciWallet(this);
        }
    }
}
