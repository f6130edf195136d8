package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A compact JWS split into its parts (RFC 7515 section 7.1), with the header read through the strict
 * {@link Json} parser. Hand-split rather than {@code JWSObject.parse} because Nimbus reads headers
 * leniently (duplicate members, {@code alg: none} as a different class) and the verifier must tell each
 * refusal apart with its own code before any key is looked up.
 */
record CompactJws(String encodedHeader, String encodedPayload, ObjectNode header, byte[] payload, byte[] signature) {

    static CompactJws parse(String jws) throws VcJwtException {
        if (jws == null || jws.isEmpty()) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "no JWS");
        }
        if (jws.length() > VcJwtSpecs.MAX_COMPACT_LENGTH) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JWS is longer than " + VcJwtSpecs.MAX_COMPACT_LENGTH + " characters");
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length == 5) {
            throw new VcJwtException(VcJwtError.JWE_NOT_SUPPORTED,
                    "a five-part compact serialization is a JWE (RFC 7516 section 7.1); decrypt it and verify the nested JWS");
        }
        if (parts.length != 3) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS,
                    "a compact JWS has three base64url parts separated by dots (RFC 7515 section 7.1), not " + parts.length);
        }
        byte[] headerBytes = decode(parts[0], "header");
        ObjectNode header;
        try {
            header = Json.parseObject(headerBytes);
        } catch (MalformedJsonException e) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JOSE header is not a JSON object (" + e.code().code() + ")", e);
        }
        if (header.has("enc")) {
            throw new VcJwtException(VcJwtError.JWE_NOT_SUPPORTED, "a JOSE header with enc is a JWE header");
        }
        if (!header.path("alg").isTextual()) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JOSE header has no alg string (RFC 7515 section 4.1.1)");
        }
        return new CompactJws(parts[0], parts[1], header, decode(parts[1], "payload"), decode(parts[2], "signature"));
    }

    /** ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), RFC 7515 section 5.1. */
    byte[] signingInput() {
        return (encodedHeader + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
    }

    String alg() {
        return header.get("alg").textValue();
    }

    /** Strict base64url: the URL-safe alphabet only, no padding, no whitespace (RFC 7515 section 2). */
    private static byte[] decode(String part, String what) throws VcJwtException {
        try {
            return Base64Url.decode(part);
        } catch (IllegalArgumentException e) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JWS " + what + " is not base64url without padding", e);
        }
    }
}
