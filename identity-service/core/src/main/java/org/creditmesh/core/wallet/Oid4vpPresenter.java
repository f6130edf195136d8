package org.creditmesh.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.dcql.DcqlCredentialQuery;
import org.creditmesh.core.dcql.DcqlException;
import org.creditmesh.core.dcql.DcqlQuery;
import org.creditmesh.core.dcql.DcqlSpecs;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.DidUrl;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwt;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.DidKeys;

/**
 * The wallet's side of OpenID for Verifiable Presentations 1.0 with a request by reference, DCQL and the
 * {@code direct_post} response mode, for SD-JWT VCs:
 * <ol>
 *   <li>{@link #fetchRequest}: GET the request object from {@code request_uri} and {@link #verifyRequest verify}
 *   it — a JWS of type {@code oauth-authz-req+jwt}, signed with a key of the DID in the {@code client_id}
 *   ({@code decentralized_identifier:} prefix, section 5.9.3; the {@code kid} is a DID URL of that DID), whose
 *   {@code client_id} claim is the one of the authorization request (section 5.10, RFC 9101 section 6.3);</li>
 *   <li>{@link #vpToken}: answer each Credential Query with a held SD-JWT VC of an accepted {@code vct} that has
 *   every requested claim, disclosing only the requested claims (and the disclosures enclosing them), with a
 *   KB-JWT whose {@code aud} is the {@code client_id} and whose {@code nonce} is the request's (appendix B.3.6);</li>
 *   <li>{@link #submit}: POST {@code vp_token} (the DCQL form: a JSON object keyed by Credential Query id, each
 *   value an array of presentations, section 8.1) and {@code state}, form-encoded, to {@code response_uri}.</li>
 * </ol>
 * Only the {@code decentralized_identifier} prefix is accepted: {@code redirect_uri} requests are unsigned
 * (section 5.9.3), and the x509 prefixes need a certificate trust anchor this wallet has no list of.
 */
public final class Oid4vpPresenter {

    /** Request objects and response bodies larger than this are refused. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** How far a request object's {@code iat} may be in the future (clock skew). */
    private static final long MAX_SKEW_SECONDS = 300;

    private final Oid4vpTransport transport;
    private final DidKeys keys;
    private final Clock clock;

    public Oid4vpPresenter(Oid4vpTransport transport, DidResolver didResolver, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.keys = new DidKeys(Objects.requireNonNull(didResolver, "didResolver"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Fetches the request object of an {@code openid4vp://} authorization request and verifies it. */
    public Oid4vpRequestObject fetchRequest(String authorizationRequest) throws Oid4vpException {
        Oid4vpAuthorizationRequest request = Oid4vpAuthorizationRequest.parse(authorizationRequest);
        Oid4vpTransport.Response response;
        try {
            response = transport.get(request.requestUri(), Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT);
        } catch (IOException e) {
            throw new Oid4vpException(Oid4vpError.REQUEST_OBJECT_UNAVAILABLE, "request_uri could not be fetched: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Oid4vpException(Oid4vpError.REQUEST_OBJECT_UNAVAILABLE, "interrupted while fetching request_uri", e);
        }
        if (response.status() != 200) {
            throw new Oid4vpException(Oid4vpError.REQUEST_OBJECT_UNAVAILABLE, "request_uri answered HTTP " + response.status());
        }
        String type = response.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith(Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT)) {
            throw new Oid4vpException(Oid4vpError.INVALID_REQUEST_OBJECT,
                    "request_uri answered " + response.contentType() + ", not " + Oid4vpSpecs.MEDIA_TYPE_REQUEST_OBJECT);
        }
        return verifyRequest(request.clientId(), response.body().strip());
    }

    /** Verifies a request object received for the authorization request's {@code clientId}. */
    public Oid4vpRequestObject verifyRequest(String clientId, String jwt) throws Oid4vpException {
        String did = verifierDid(clientId);
        JWSObject jws;
        try {
            jws = JWSObject.parse(jwt);
        } catch (ParseException e) {
            throw invalid("the request object is not a compact JWS (unsigned request objects are refused)");
        }
        if (jws.getHeader().getType() == null || !Oid4vpSpecs.TYP_REQUEST_OBJECT.equals(jws.getHeader().getType().getType())) {
            throw invalid("the request object's typ is not " + Oid4vpSpecs.TYP_REQUEST_OBJECT);
        }
        String kid = jws.getHeader().getKeyID();
        if (kid == null) {
            throw new Oid4vpException(Oid4vpError.INVALID_REQUEST_SIGNATURE, "the request object has no kid naming its key");
        }
        VerificationKey key;
        try {
            if (!DidUrl.parse(kid).did().toString().equals(did)) {
                throw new Oid4vpException(Oid4vpError.INVALID_REQUEST_SIGNATURE, "the kid is not a key of the client_id's DID");
            }
            key = keys.resolve(kid, VerificationRelationship.AUTHENTICATION);
        } catch (DidException e) {
            throw new Oid4vpException(Oid4vpError.INVALID_REQUEST_SIGNATURE, "the verifier's key could not be resolved: " + e.getMessage(), e);
        }
        boolean valid;
        try {
            valid = jws.verify(new KeyJwsVerifier(key));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new Oid4vpException(Oid4vpError.INVALID_REQUEST_SIGNATURE, "the request object's signature does not verify");
        }
        ObjectNode claims;
        try {
            claims = Json.parseObject(jws.getPayload().toBytes());
        } catch (MalformedJsonException e) {
            throw invalid("the request object's payload is not a JSON object");
        }
        if (!clientId.equals(claims.path(Oid4vpSpecs.CLIENT_ID).asText(null))) {
            throw new Oid4vpException(Oid4vpError.CLIENT_ID_MISMATCH,
                    "the request object's client_id is not the authorization request's (RFC 9101 section 6.3)");
        }
        if (!Oid4vpSpecs.RESPONSE_TYPE_VP_TOKEN.equals(claims.path(Oid4vpSpecs.RESPONSE_TYPE).asText(null))) {
            throw invalid("response_type is not vp_token");
        }
        if (!Oid4vpSpecs.RESPONSE_MODE_DIRECT_POST.equals(claims.path(Oid4vpSpecs.RESPONSE_MODE).asText(null))) {
            throw invalid("response_mode is not direct_post, the one this wallet supports");
        }
        if (claims.has(Oid4vpSpecs.REDIRECT_URI)) {
            throw invalid("redirect_uri must not be present with response_mode direct_post (section 8.2)");
        }
        Instant now = clock.instant();
        JsonNode exp = claims.get("exp");
        if (exp != null && (!exp.canConvertToLong() || Instant.ofEpochSecond(exp.asLong()).isBefore(now))) {
            throw new Oid4vpException(Oid4vpError.REQUEST_EXPIRED, "the request object has expired");
        }
        JsonNode iat = claims.get("iat");
        if (iat != null && (!iat.canConvertToLong() || Instant.ofEpochSecond(iat.asLong()).isAfter(now.plusSeconds(MAX_SKEW_SECONDS)))) {
            throw invalid("the request object's iat is in the future");
        }
        String nonce = text(claims, Oid4vpSpecs.NONCE);
        URI responseUri = responseUri(text(claims, Oid4vpSpecs.RESPONSE_URI));
        JsonNode state = claims.get(Oid4vpSpecs.STATE);
        if (state != null && (!state.isTextual() || state.textValue().isEmpty())) {
            throw invalid("state is a non-empty string");
        }
        DcqlQuery dcql;
        try {
            dcql = DcqlQuery.parse(claims.get(Oid4vpSpecs.DCQL_QUERY));
        } catch (DcqlException e) {
            throw invalid("dcql_query: " + e.getMessage());
        }
        return new Oid4vpRequestObject(clientId, did, responseUri, nonce,
                Optional.ofNullable(state).map(JsonNode::textValue), dcql, jwt);
    }

    /**
     * The {@code vp_token} answering every Credential Query of {@code request} from {@code held}: per query the
     * first held SD-JWT VC that matches, presented with only the requested claims and a KB-JWT.
     */
    public ObjectNode vpToken(Oid4vpRequestObject request, List<Oid4vpHeldCredential> held) throws Oid4vpException {
        ObjectNode token = Json.mapper().createObjectNode();
        for (DcqlCredentialQuery query : request.dcqlQuery().credentials()) {
            if (!DcqlSpecs.FORMAT_SD_JWT_VC.equals(query.format())) {
                throw new Oid4vpException(Oid4vpError.NO_MATCHING_CREDENTIAL,
                        "credential query " + query.id() + " asks for format " + query.format() + "; this wallet presents dc+sd-jwt");
            }
            Optional<Match> match = find(query, held);
            if (match.isEmpty()) {
                throw new Oid4vpException(Oid4vpError.NO_MATCHING_CREDENTIAL, "no held credential answers credential query " + query.id());
            }
            ArrayNode presentations = token.putArray(query.id());
            presentations.add(present(request, query, match.get()));
        }
        return token;
    }

    /** POSTs {@code vpToken} and the request's {@code state} to its {@code response_uri} (section 8.2). */
    public Oid4vpSubmission submit(Oid4vpRequestObject request, ObjectNode vpToken) throws Oid4vpException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(Oid4vpSpecs.VP_TOKEN, Json.write(vpToken));
        request.state().ifPresent(s -> form.put(Oid4vpSpecs.STATE, s));
        Oid4vpTransport.Response response;
        try {
            response = transport.postForm(request.responseUri(), form);
        } catch (IOException e) {
            throw new Oid4vpException(Oid4vpError.TRANSPORT_FAILED, "response_uri could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Oid4vpException(Oid4vpError.TRANSPORT_FAILED, "interrupted while posting the response", e);
        }
        Optional<String> redirect = Optional.empty();
        if (response.status() == 200 && !response.body().isBlank()) {
            try {
                JsonNode body = Json.parse(response.body());
                if (body.path(Oid4vpSpecs.REDIRECT_URI).isTextual()) {
                    redirect = Optional.of(body.get(Oid4vpSpecs.REDIRECT_URI).textValue());
                }
            } catch (MalformedJsonException e) {
                // Section 8.2: the body of a 200 is a JSON object; anything else carries no redirect_uri to follow.
            }
        }
        return new Oid4vpSubmission(response.status(), response.body(), redirect);
    }

    /** The whole exchange: fetch and verify the request, build the {@code vp_token} from {@code held}, post it. */
    public Oid4vpSubmission present(String authorizationRequest, List<Oid4vpHeldCredential> held) throws Oid4vpException {
        Oid4vpRequestObject request = fetchRequest(authorizationRequest);
        return submit(request, vpToken(request, held));
    }

    private record Match(Oid4vpHeldCredential credential, SdJwtHolder holder, List<ClaimPath> paths) {
    }

    private static Optional<Match> find(DcqlCredentialQuery query, List<Oid4vpHeldCredential> held) {
        for (Oid4vpHeldCredential candidate : held) {
            try {
                SdJwtHolder holder = SdJwtHolder.parse(candidate.sdJwt());
                ObjectNode claims = holder.claims();
                String vct = claims.path("vct").asText("");
                if (query.matches(vct, claims)) {
                    return Optional.of(new Match(candidate, holder, query.requestedPaths(claims)));
                }
            } catch (SdJwtException e) {
                // A held credential the wallet cannot read answers no query; the others may.
            }
        }
        return Optional.empty();
    }

    private String present(Oid4vpRequestObject request, DcqlCredentialQuery query, Match match) throws Oid4vpException {
        try {
            SdJwt presentation = query.requireHolderBinding()
                    ? match.holder().present(match.paths(), match.credential().holderKey(), request.clientId(),
                            request.nonce(), clock.instant())
                    : match.holder().present(match.paths());
            return presentation.serialize();
        } catch (SdJwtException e) {
            throw new Oid4vpException(Oid4vpError.PRESENTATION_FAILED, "credential query " + query.id() + ": " + e.getMessage(), e);
        }
    }

    private static String verifierDid(String clientId) throws Oid4vpException {
        int colon = clientId.indexOf(':');
        String prefix = colon < 0 ? "" : clientId.substring(0, colon);
        if (!Oid4vpSpecs.PREFIX_DECENTRALIZED_IDENTIFIER.equals(prefix)) {
            throw new Oid4vpException(Oid4vpError.UNSUPPORTED_CLIENT_ID_PREFIX,
                    "client_id prefix '" + prefix + "' is not accepted; this wallet takes signed requests from decentralized_identifier: verifiers");
        }
        String did = clientId.substring(colon + 1);
        try {
            return Did.parse(did).toString();
        } catch (DidException e) {
            throw new Oid4vpException(Oid4vpError.UNSUPPORTED_CLIENT_ID_PREFIX, "the client_id's identifier is not a DID");
        }
    }

    private static URI responseUri(String value) throws Oid4vpException {
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw invalid("response_uri is an https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("response_uri is not a URI");
        }
    }

    private static String text(ObjectNode claims, String name) throws Oid4vpException {
        JsonNode node = claims.get(name);
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            throw invalid(name + " is a required non-empty string");
        }
        return node.textValue();
    }

    private static Oid4vpException invalid(String message) {
        return new Oid4vpException(Oid4vpError.INVALID_REQUEST_OBJECT, message);
    }
}
