package org.creditmesh.core.did;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A decentralized identifier: {@code did:<method>:<method-specific-id>}, validated against the ABNF of
 * W3C DID Core 1.0 section 3.1 (method names are lower-case letters and digits; the method-specific id
 * is colon-separated runs of {@code ALPHA / DIGIT / "." / "-" / "_" / pct-encoded}, the last run non-empty).
 *
 * @param method           the method name, e.g. {@code key}
 * @param methodSpecificId everything after the second colon
 */
public record Did(String method, String methodSpecificId) {

    private static final String ID_CHAR = "(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})";
    private static final Pattern METHOD_NAME = Pattern.compile("[a-z0-9]+");
    private static final Pattern METHOD_SPECIFIC_ID = Pattern.compile("(?:" + ID_CHAR + "*:)*" + ID_CHAR + "+");

    /** Validates both parts; throws {@link IllegalArgumentException} for callers that build DIDs in code. */
    public Did {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(methodSpecificId, "methodSpecificId");
        if (!METHOD_NAME.matcher(method).matches()) {
            throw new IllegalArgumentException("a DID method name is lower-case letters and digits (DID Core 3.1)");
        }
        if (!METHOD_SPECIFIC_ID.matcher(methodSpecificId).matches()) {
            throw new IllegalArgumentException("not a valid DID method-specific id (DID Core 3.1)");
        }
        if (method.length() + methodSpecificId.length() + 5 > DidSpecs.MAX_DID_LENGTH) {
            throw new IllegalArgumentException("DID longer than " + DidSpecs.MAX_DID_LENGTH + " characters");
        }
    }

    /** Parses a DID (not a DID URL: no path, query or fragment). */
    public static Did parse(String did) throws DidException {
        if (did == null) {
            throw new DidException(DidError.INVALID_DID, "no DID");
        }
        if (did.length() > DidSpecs.MAX_DID_LENGTH) {
            throw new DidException(DidError.INVALID_DID, "DID longer than " + DidSpecs.MAX_DID_LENGTH + " characters");
        }
        String prefix = DidSpecs.SCHEME + ":";
        if (!did.startsWith(prefix)) {
            throw new DidException(DidError.INVALID_DID, "a DID starts with 'did:' (DID Core 3.1)");
        }
        int colon = did.indexOf(':', prefix.length());
        if (colon < 0) {
            throw new DidException(DidError.INVALID_DID, "a DID has a method name and a method-specific id (DID Core 3.1)");
        }
        try {
            return new Did(did.substring(prefix.length(), colon), did.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new DidException(DidError.INVALID_DID, e.getMessage(), e);
        }
    }

    /** A DID URL for {@code fragment} within this DID's document ({@code did#fragment}). */
    public DidUrl withFragment(String fragment) throws DidException {
        return DidUrl.parse(this + "#" + fragment);
    }

    /** The DID as a string; {@link #parse(String)} of it gives this DID back. */
    @Override
    public String toString() {
        return DidSpecs.SCHEME + ":" + method + ":" + methodSpecificId;
    }
}
