package org.creditmesh.core.sdjwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A digest as it appears in {@code _sd} or {@code {"...": digest}}: base64url (no padding) of the hash over
 * the US-ASCII bytes of the disclosure's base64url text (RFC 9901 section 4.2.3).
 */
public record DisclosureDigest(String value) implements Comparable<DisclosureDigest> {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public DisclosureDigest {
        Objects.requireNonNull(value, "value");
    }

    /** The digest of a disclosure exactly as encoded (never re-encoded). */
    public static DisclosureDigest of(Disclosure disclosure, HashAlgorithm alg) {
        return ofText(disclosure.encoded(), alg);
    }

    /** The digest of any text over its ASCII bytes; also {@code sd_hash} (RFC 9901 section 4.3.1). */
    public static DisclosureDigest ofText(String text, HashAlgorithm alg) {
        return ofHash(alg.digest(text.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The digest whose hash value is {@code hash}. */
    static DisclosureDigest ofHash(byte[] hash) {
        return new DisclosureDigest(B64.encodeToString(hash));
    }

    // Written out: the generated ones go through ObjectMethods' method handles, a visible share of the hash
    // lookups of disclosure processing. Same contract (equal values, the value's hash).
    @Override
    public boolean equals(Object o) {
        return o instanceof DisclosureDigest other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public int compareTo(DisclosureDigest other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
