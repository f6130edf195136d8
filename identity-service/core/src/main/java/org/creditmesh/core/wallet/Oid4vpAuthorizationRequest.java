package org.creditmesh.core.wallet;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An authorization request passed by reference (OpenID4VP 1.0 section 5.7, RFC 9101 section 5.2): only
 * {@code client_id} and {@code request_uri}; everything else is in the signed request object.
 *
 * @param clientId   the verifier's Client Identifier, prefix included
 * @param requestUri where the request object is fetched
 */
public record Oid4vpAuthorizationRequest(String clientId, URI requestUri) {

    public Oid4vpAuthorizationRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(requestUri, "requestUri");
    }

    /** Reads {@code openid4vp://?client_id=...&request_uri=...} (any scheme or path; the query matters). */
    public static Oid4vpAuthorizationRequest parse(String uri) throws Oid4vpException {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Oid4vpException(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST, "not a URI");
        }
        Map<String, String> query = new HashMap<>();
        String raw = parsed.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (query.putIfAbsent(name, value) != null) {
                    throw new Oid4vpException(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST, "parameter " + name + " appears twice");
                }
            }
        }
        String clientId = query.get(Oid4vpSpecs.CLIENT_ID);
        String requestUri = query.get(Oid4vpSpecs.REQUEST_URI);
        if (clientId == null || clientId.isEmpty() || requestUri == null || requestUri.isEmpty()) {
            throw new Oid4vpException(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST,
                    "an authorization request by reference has client_id and request_uri");
        }
        try {
            URI request = new URI(requestUri);
            if (!"https".equalsIgnoreCase(request.getScheme()) || request.getHost() == null) {
                throw new Oid4vpException(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST, "request_uri is an https URL");
            }
            return new Oid4vpAuthorizationRequest(clientId, request);
        } catch (URISyntaxException e) {
            throw new Oid4vpException(Oid4vpError.MALFORMED_AUTHORIZATION_REQUEST, "request_uri is not a URI");
        }
    }

    /** The {@code openid4vp://} form a verifier shows as a link or QR code. */
    public String toUri() {
        return Oid4vpSpecs.SCHEME + "://?" + Oid4vpSpecs.CLIENT_ID + "=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&" + Oid4vpSpecs.REQUEST_URI + "=" + URLEncoder.encode(requestUri.toString(), StandardCharsets.UTF_8);
    }
}
