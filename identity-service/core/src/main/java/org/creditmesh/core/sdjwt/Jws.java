package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.creditmesh.core.jose.Base64Url;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.jose.KeyJwsVerifier;
import org.creditmesh.core.jose.ProtectedHeaders;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The JWS handling shared by the issuer-signed JWT and the KB-JWT. Headers and payloads are parsed with the
 * strict {@link Json} parser (not Nimbus' lenient one) and the signing input is the received text, so what
 * is verified is byte for byte what was signed. Nimbus is used through {@link KeyJwsSigner}/{@link KeyJwsVerifier}
 * for the signature itself; it only needs the {@code alg} from the header we built or checked.
 *
 * @param protectedHeader base64url of the protected header as received
 * @param header          the decoded protected header
 * @param payloadText     base64url of the payload as received
 * @param payload         the decoded payload
 * @param signature       base64url of the signature
 * @param signatureBytes  the signature, decoded once when the JWS is read (checking it is base64url is decoding it)
 */
record Jws(String protectedHeader, ObjectNode header, String payloadText, ObjectNode payload, String signature,
           byte[] signatureBytes, byte[] text, int signingInputFrom) {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** {@code protected.payload.signature}. */
    String compact() {
        return protectedHeader + "." + payloadText + "." + signature;
    }

    static Jws parseCompact(String compact, SdJwtError malformed) throws SdJwtException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new SdJwtException(malformed, "a JWS in compact form has three parts, not " + parts.length);
        }
        byte[] ascii = compact.getBytes(StandardCharsets.US_ASCII);
        // Read in place only when every character is one byte, so that the parts' positions are the same.
        return ascii.length == compact.length() ? of(parts[0], parts[1], parts[2], malformed, ascii, 0)
                : of(parts[0], parts[1], parts[2], malformed);
    }

    static Jws of(String protectedHeader, String payloadText, String signature, SdJwtError malformed) throws SdJwtException {
        return of(protectedHeader, payloadText, signature, malformed, null, 0);
    }

    /**
     * The JWS {@code protectedHeader.payloadText.signature}; when {@code text} is not null, those are its
     * US-ASCII bytes from {@code from} on, and the payload is decoded and the signing input verified there
     * instead of from new copies of the parts.
     */
    static Jws of(String protectedHeader, String payloadText, String signature, SdJwtError malformed, byte[] text, int from)
            throws SdJwtException {
        ObjectNode header = decodeHeader(protectedHeader, malformed);
        ObjectNode payload;
        if (text == null) {
            payload = decodeObject(payloadText, "payload", malformed);
        } else {
            int payloadFrom = from + protectedHeader.length() + 1;
            payload = decodeObject(payloadText, text, payloadFrom, payloadFrom + payloadText.length(), malformed);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64Url.decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(malformed, "the JWS signature is not base64url");
        }
        return new Jws(protectedHeader, header, payloadText, payload, signature, signatureBytes, text, from);
    }

    static Jws sign(ObjectNode header, ObjectNode payload, SigningKey key) throws SdJwtException {
        String protectedHeader = B64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8));
        String payloadText = B64.encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
        JWSAlgorithm alg = JWSAlgorithm.parse(header.path(SdJwtSpecs.HEADER_ALG).asText());
        try {
            Base64URL sig = new KeyJwsSigner(key).sign(new JWSHeader(alg),
                    (protectedHeader + "." + payloadText).getBytes(StandardCharsets.US_ASCII));
            return new Jws(protectedHeader, header.deepCopy(), payloadText, payload.deepCopy(), sig.toString(), sig.decode(), null, 0);
        } catch (JOSEException e) {
            throw new SdJwtException(SdJwtError.SIGNING_FAILED, "signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * The key type the header's {@code alg} requires. Refuses {@code none}, HMAC and anything we cannot verify
     * (RFC 9901 section 7.1, RFC 8725 section 3.1), and any {@code crit} extension, none of which we
     * implement (RFC 7515 section 4.1.11).
     */
    KeyType checkHeader() throws SdJwtException {
        JsonNode alg = header.get(SdJwtSpecs.HEADER_ALG);
        if (alg == null || !alg.isTextual()) {
            throw new SdJwtException(SdJwtError.UNSUPPORTED_ALG, "the JWS header has no alg");
        }
        Optional<KeyType> type = KeyType.fromJwsAlgorithm(JWSAlgorithm.parse(alg.asText()));
        if (type.isEmpty()) {
            throw new SdJwtException(SdJwtError.UNSUPPORTED_ALG, "JWS alg " + alg.asText() + " is not accepted");
        }
        if (header.has(SdJwtSpecs.HEADER_CRIT)) {
            throw new SdJwtException(SdJwtError.UNKNOWN_CRITICAL_HEADER, "the JWS header marks extensions critical that are not understood");
        }
        return type.get();
    }

    /**
     * The header {@code typ} as a media type short name in lower case: RFC 7515 section 4.1.9 makes media types
     * case-insensitive and lets {@code application/} be omitted, so {@code application/DC+SD-JWT} is {@code dc+sd-jwt}.
     */
    Optional<String> typ() {
        JsonNode typ = header.get(SdJwtSpecs.HEADER_TYP);
        if (typ == null || !typ.isTextual()) {
            return Optional.empty();
        }
        String value = typ.asText().toLowerCase(java.util.Locale.ROOT);
        return Optional.of(value.startsWith("application/") ? value.substring("application/".length()) : value);
    }

    Optional<String> kid() {
        JsonNode kid = header.get(SdJwtSpecs.HEADER_KID);
        return kid != null && kid.isTextual() ? Optional.of(kid.asText()) : Optional.empty();
    }

    boolean verify(VerificationKey key) {
        try {
            JWSAlgorithm alg = JWSAlgorithm.parse(header.get(SdJwtSpecs.HEADER_ALG).asText());
            if (text != null) {
                // ASCII(header '.' payload) is where it was received.
                return new KeyJwsVerifier(key).verify(alg, text, signingInputFrom,
                        protectedHeader.length() + 1 + payloadText.length(), signatureBytes);
            }
            return new KeyJwsVerifier(key).verify(alg,
                    (protectedHeader + "." + payloadText).getBytes(StandardCharsets.US_ASCII), signatureBytes);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The protected header, through {@link ProtectedHeaders} (one issuer's JWS all carry the same header text). */
    private static ObjectNode decodeHeader(String text, SdJwtError malformed) throws SdJwtException {
        if (text.isEmpty()) {
            throw new SdJwtException(malformed, "the JWS header is not base64url");
        }
        try {
            return ProtectedHeaders.parse(text);
        } catch (MalformedJsonException e) {
            throw new SdJwtException(malformed, "the JWS header is not a JSON object: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(malformed, "the JWS header is not base64url");
        }
    }

    /** {@link #decodeObject(String, String, SdJwtError)} of the payload {@code text}, whose bytes are {@code ascii[from, to)}. */
    private static ObjectNode decodeObject(String text, byte[] ascii, int from, int to, SdJwtError malformed)
            throws SdJwtException {
        if (text.isEmpty()) {
            throw new SdJwtException(malformed, "the JWS payload is not base64url");
        }
        try {
            return Json.parseObject(Base64Url.decode(ascii, from, to));
        } catch (MalformedJsonException e) {
            throw new SdJwtException(malformed, "the JWS payload is not a JSON object: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(malformed, "the JWS payload is not base64url");
        }
    }

    private static ObjectNode decodeObject(String text, String what, SdJwtError malformed) throws SdJwtException {
        if (text.isEmpty()) {
            throw new SdJwtException(malformed, "the JWS " + what + " is not base64url");
        }
        try {
            return Json.parseObject(Base64Url.decode(text));
        } catch (MalformedJsonException e) {
            throw new SdJwtException(malformed, "the JWS " + what + " is not a JSON object: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SdJwtException(malformed, "the JWS " + what + " is not base64url");
        }
    }
}
