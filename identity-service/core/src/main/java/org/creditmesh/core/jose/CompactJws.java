package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A compact JWS split into its parts (RFC 7515 section 7.1), with the header read through the strict
 * {@link Json} parser. Hand-split rather than {@code JWSObject.parse} because Nimbus reads headers
 * leniently (duplicate members, {@code alg: none} as a different class) and the verifier must tell each
 * refusal apart with its own code before any key is looked up.
 */
record CompactJws(ObjectNode header, byte[] payload, byte[] signature, byte[] text, int signingInputLength) {

    static CompactJws parse(String jws) throws VcJwtException {
        if (jws == null || jws.isEmpty()) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "no JWS");
        }
        if (jws.length() > VcJwtSpecs.MAX_COMPACT_LENGTH) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JWS is longer than " + VcJwtSpecs.MAX_COMPACT_LENGTH + " characters");
        }
        // The parts are decoded from one US-ASCII copy of the text, and the signing input is a prefix of it:
        // splitting into substrings, taking each one's bytes and concatenating header and payload again
        // copied the 2 KB payload four times (about 2 % of a vc+jwt verification). A non-ASCII character
        // becomes '?', which the base64url decoder refuses like the character itself.
        byte[] ascii = jws.getBytes(StandardCharsets.US_ASCII);
        int[] dots = new int[2];
        int count = 0;
        for (int i = 0; i < ascii.length; i++) {
            if (ascii[i] == '.') {
                if (count < dots.length) {
                    dots[count] = i;
                }
                count++;
            }
        }
        int parts = count + 1;
        if (parts == 5) {
            throw new VcJwtException(VcJwtError.JWE_NOT_SUPPORTED,
                    "a five-part compact serialization is a JWE (RFC 7516 section 7.1); decrypt it and verify the nested JWS");
        }
        if (parts != 3) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS,
                    "a compact JWS has three base64url parts separated by dots (RFC 7515 section 7.1), not " + parts);
        }
        ObjectNode header;
        try {
            // By its text, through ProtectedHeaders: an issuer's JWS all carry the same header.
            header = ProtectedHeaders.parse(jws.substring(0, jws.indexOf('.')));
        } catch (IllegalArgumentException e) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JWS header is not base64url without padding", e);
        } catch (MalformedJsonException e) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JOSE header is not a JSON object (" + e.code().code() + ")", e);
        }
        if (header.has("enc")) {
            throw new VcJwtException(VcJwtError.JWE_NOT_SUPPORTED, "a JOSE header with enc is a JWE header");
        }
        if (!header.path("alg").isTextual()) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JOSE header has no alg string (RFC 7515 section 4.1.1)");
        }
        byte[] payload = decode(ascii, dots[0] + 1, dots[1], "payload");
        byte[] signature = decode(ascii, dots[1] + 1, ascii.length, "signature");
        // ASCII(BASE64URL(header) || '.' || BASE64URL(payload)), RFC 7515 section 5.1: the text as received, up to
        // the second dot; verified in place rather than copied out.
        return new CompactJws(header, payload, signature, ascii, dots[1]);
    }

    String alg() {
        return header.get("alg").textValue();
    }

    /** Strict base64url: the URL-safe alphabet only, no padding, no whitespace (RFC 7515 section 2). */
    private static byte[] decode(byte[] ascii, int from, int to, String what) throws VcJwtException {
        try {
            return Base64Url.decode(ascii, from, to);
        } catch (IllegalArgumentException e) {
            throw new VcJwtException(VcJwtError.MALFORMED_JWS, "the JWS " + what + " is not base64url without padding", e);
        }
    }
}
