package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * JWS protected headers read from their base64url text (RFC 7515 section 7.1), strictly: {@link Base64Url}, then
 * {@link Json}. The header of a JWS names the algorithm, the type and the key, so every JWS one key signs with
 * one profile carries the very same header text; reading it was about 1.5 % of verifying a vc+jwt and twice
 * that of an SD-JWT+KB (two headers). The tree is a pure function of the text, so a header that was read
 * successfully is remembered by its text: at most {@value #CACHE_SIZE} headers of at most
 * {@value #MAX_LENGTH} characters, the table emptied when full so that a stream of one-off headers cannot pin
 * it. A text that fails is never remembered: it is read, and refused, every time. Callers get their own copy.
 */
public final class ProtectedHeaders {

    private static final int CACHE_SIZE = 256;
    private static final int MAX_LENGTH = 1024;
    private static final ConcurrentHashMap<String, ObjectNode> CACHE = new ConcurrentHashMap<>();

    private ProtectedHeaders() {
    }

    /**
     * The header object encoded as {@code encoded} (a tree the caller may keep and change).
     *
     * @throws IllegalArgumentException if the text is not strict base64url
     * @throws MalformedJsonException   if the bytes are not a strict JSON object
     */
    public static ObjectNode parse(String encoded) throws MalformedJsonException {
        ObjectNode known = CACHE.get(encoded);
        if (known != null) {
            return known.deepCopy();
        }
        ObjectNode header = Json.parseObject(Base64Url.decode(encoded));
        if (encoded.length() <= MAX_LENGTH) {
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear();
            }
            CACHE.put(encoded, header.deepCopy());
        }
        return header;
    }
}
