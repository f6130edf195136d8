package org.creditmesh.core.did;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DID URL (W3C DID Core 1.0 section 3.2): a DID, an optional path, query and fragment. Verification
 * methods are named by DID URLs with a fragment ({@code did:key:z6Mk...#z6Mk...}).
 *
 * @param did      the DID
 * @param path     the path-abempty, {@code ""} when there is none, else starting with {@code /}
 * @param query    the query without {@code ?}, or null
 * @param fragment the fragment without {@code #}, or null
 */
public record DidUrl(Did did, String path, String query, String fragment) {

    // RFC 3986 section 3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
    private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
    private static final Pattern PATH = Pattern.compile("(?:/" + PCHAR + "*)*");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("(?:" + PCHAR + "|[/?])*");

    public DidUrl {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("invalid DID URL path (RFC 3986 section 3.3)");
        }
        if (query != null && !QUERY_OR_FRAGMENT.matcher(query).matches()) {
            throw new IllegalArgumentException("invalid DID URL query (RFC 3986 section 3.4)");
        }
        if (fragment != null && !QUERY_OR_FRAGMENT.matcher(fragment).matches()) {
            throw new IllegalArgumentException("invalid DID URL fragment (RFC 3986 section 3.5)");
        }
    }

    /** Parses an absolute DID URL. */
    public static DidUrl parse(String url) throws DidException {
        if (url == null) {
            throw new DidException(DidError.INVALID_DID_URL, "no DID URL");
        }
        if (url.length() > DidSpecs.MAX_DID_LENGTH) {
            throw new DidException(DidError.INVALID_DID_URL, "DID URL longer than " + DidSpecs.MAX_DID_LENGTH + " characters");
        }
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        Did did;
        try {
            did = Did.parse(url.substring(0, end));
        } catch (DidException e) {
            throw new DidException(DidError.INVALID_DID_URL, "the DID URL does not start with a valid DID: " + e.getMessage(), e);
        }
        String rest = url.substring(end);
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        try {
            return new DidUrl(did, rest, query, fragment);
        } catch (IllegalArgumentException e) {
            throw new DidException(DidError.INVALID_DID_URL, e.getMessage(), e);
        }
    }

    /**
     * Resolves {@code reference} against the document of {@code base}: a relative reference that is
     * only a fragment ({@code #key-1}, as DID documents may use) becomes {@code base#key-1}; anything
     * else must be an absolute DID URL.
     */
    public static DidUrl resolve(Did base, String reference) throws DidException {
        if (reference != null && reference.startsWith("#")) {
            return parse(base + reference);
        }
        return parse(reference);
    }

    public Optional<String> fragmentOpt() {
        return Optional.ofNullable(fragment);
    }

    /** True when this URL is the bare DID (no path, query or fragment). */
    public boolean isBareDid() {
        return path.isEmpty() && query == null && fragment == null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(did.toString()).append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
