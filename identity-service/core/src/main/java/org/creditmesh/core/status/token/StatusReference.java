package org.creditmesh.core.status.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.creditmesh.core.json.Json;

/**
 * A Referenced Token's pointer into a Status List Token: {@code status.status_list} with {@code idx} and
 * {@code uri} (draft-ietf-oauth-status-list-20 section 6.2). The {@code uri} is refused unless it is an
 * absolute {@code https} or {@code http} URL with a host, because the verifier dereferences it with an
 * HTTP GET (section 8.1); other schemes would let a credential steer the verifier elsewhere.
 *
 * @param idx non-negative index of the Referenced Token in the list
 * @param uri the Status List Token's URI, compared as a string with the token's {@code sub}
 */
public record StatusReference(long idx, String uri) {

    public StatusReference {
        Objects.requireNonNull(uri, "uri");
        if (idx < 0) {
            throw new IllegalArgumentException("idx is non-negative");
        }
        if (!isHttpUrl(uri)) {
            throw new IllegalArgumentException("uri is an absolute https or http URL");
        }
    }

    /** A reference checked like a parsed one, with a typed error instead of {@link IllegalArgumentException}. */
    public static StatusReference of(long idx, String uri) throws TokenStatusException {
        if (idx < 0) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE, "idx is a non-negative integer (section 6.2)");
        }
        if (uri == null || !isHttpUrl(uri)) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE, "uri is an absolute https or http URL (section 6.2)");
        }
        return new StatusReference(idx, uri);
    }

    /** Reads the {@code status} claim of a Referenced Token and returns its {@code status_list} reference. */
    public static StatusReference parse(JsonNode statusClaim) throws TokenStatusException {
        if (statusClaim == null || !statusClaim.isObject()) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE, "the status claim is a JSON object (section 6.2)");
        }
        return parseStatusList(statusClaim.get(TokenStatusSpecs.STATUS_LIST));
    }

    /** Reads a {@code status_list} object ({@code idx}, {@code uri}). */
    public static StatusReference parseStatusList(JsonNode statusList) throws TokenStatusException {
        if (statusList == null || !statusList.isObject()) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE,
                    "status.status_list is a JSON object with idx and uri (section 6.2)");
        }
        JsonNode idx = statusList.get(TokenStatusSpecs.IDX);
        if (idx == null || !idx.isIntegralNumber() || !idx.canConvertToLong() || idx.longValue() < 0) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE, "idx is a non-negative integer (section 6.2)");
        }
        JsonNode uri = statusList.get(TokenStatusSpecs.URI);
        if (uri == null || !uri.isTextual()) {
            throw new TokenStatusException(TokenStatusError.INVALID_STATUS_REFERENCE, "uri is a string (section 6.2)");
        }
        return of(idx.longValue(), uri.textValue());
    }

    /** The {@code status} claim value: {@code {"status_list": {"idx": n, "uri": "..."}}}. */
    public ObjectNode toStatusClaim() {
        ObjectNode statusList = Json.mapper().createObjectNode();
        statusList.put(TokenStatusSpecs.IDX, idx);
        statusList.put(TokenStatusSpecs.URI, uri);
        ObjectNode status = Json.mapper().createObjectNode();
        status.set(TokenStatusSpecs.STATUS_LIST, statusList);
        return status;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI parsed = new URI(text);
            String scheme = parsed.getScheme();
            return parsed.isAbsolute() && scheme != null
                    && (scheme.toLowerCase(Locale.ROOT).equals("https") || scheme.toLowerCase(Locale.ROOT).equals("http"))
                    && parsed.getHost() != null && !parsed.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
