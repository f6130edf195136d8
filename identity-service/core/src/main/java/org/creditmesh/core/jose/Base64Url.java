package org.creditmesh.core.jose;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 7515 section 2: the URL-safe alphabet, no padding, no whitespace or line breaks),
 * validated and decoded in one pass. The JDK's URL decoder already refuses every character outside the
 * URL-safe alphabet (line breaks and whitespace included; chars above U+00FF become {@code ?}, which it
 * refuses too) and a dangling single character; the one thing it lets through that JOSE forbids is
 * {@code =} padding, refused here first with a vectorized {@code indexOf}. This replaced a char-by-char
 * validation pass in front of the decoder, which cost as much as the decoding itself on the verify path.
 */
public final class Base64Url {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    /**
     * The bytes of strict base64url text; {@link IllegalArgumentException} for any other character,
     * padding, or a length of 1 mod 4. The empty string decodes to no bytes.
     */
    public static byte[] decode(String text) {
        if (text.indexOf('=') >= 0) {
            throw new IllegalArgumentException("base64url padding is not allowed (RFC 7515 section 2)");
        }
        return DECODER.decode(text);
    }

    /**
     * {@link #decode} of the text in {@code ascii[from, to)}, US-ASCII bytes (a character outside US-ASCII
     * encoded as {@code ?}, which is refused like the character itself): for parsers that split a compact
     * serialization they already hold as bytes, without a substring and its bytes per part.
     */
    public static byte[] decode(byte[] ascii, int from, int to) {
        // Only the last byte needs looking at: the JDK decoder takes '=' as the start of the padding and refuses
        // anything after the padding, so a text it accepts that holds '=' anywhere ends with '='. Scanning every
        // byte for '=' (the 2 KB payload of a vc+jwt) was about 0.5 % of verifying one.
        if (to > from && ascii[to - 1] == '=') {
            throw new IllegalArgumentException("base64url padding is not allowed (RFC 7515 section 2)");
        }
        ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, to - from));
        byte[] array = decoded.array();
        // Without padding the decoder sizes its array exactly; copy only if that ever changes.
        return decoded.arrayOffset() == 0 && decoded.limit() == array.length ? array : Arrays.copyOf(array, decoded.limit());
    }

    /** Whether {@link #decode} accepts the text. */
    public static boolean isValid(String text) {
        try {
            decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
