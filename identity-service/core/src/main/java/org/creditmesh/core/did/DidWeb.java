package org.creditmesh.core.did;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The did:web method (W3C CCG "did:web Method Specification"): {@code did:web:<domain>[%3A<port>][:<path>]*}
 * maps to {@code https://<domain>[:<port>]/.well-known/did.json} or {@code https://<domain>[:<port>]/<path>/did.json}
 * (section 3.2 "Read (Resolve)"); the document served there must have the DID as its {@code id}.
 */
public final class DidWeb implements DidMethodResolver {

    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern SEGMENT = Pattern.compile("(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+");

    private final DidWebFetcher fetcher;
    private final boolean plainHttpOnLoopback;

    /** Resolves through {@code fetcher}. */
    public DidWeb(DidWebFetcher fetcher) {
        this(fetcher, false);
    }

    /**
     * Resolves through {@code fetcher}; with {@code plainHttpOnLoopback}, DIDs of loopback hosts
     * ({@code did:web:localhost%3A8080}) map to {@code http://} URLs, for local development only (the
     * fetcher must allow it too, see {@link HttpDidWebFetcher.Builder#allowHttpOnLoopback(boolean)}).
     */
    public DidWeb(DidWebFetcher fetcher, boolean plainHttpOnLoopback) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.plainHttpOnLoopback = plainHttpOnLoopback;
    }

    /** Resolves over HTTPS with {@link HttpDidWebFetcher}'s defaults. */
    public DidWeb() {
        this(HttpDidWebFetcher.builder().build());
    }

    @Override
    public String method() {
        return DidSpecs.METHOD_WEB;
    }

    /** The HTTPS URL of the document of a did:web (spec section 3.2, steps 1-5). */
    public static URI toUrl(Did did) throws DidException {
        if (!did.method().equals(DidSpecs.METHOD_WEB)) {
            throw new DidException(DidError.METHOD_NOT_SUPPORTED, "not a did:web");
        }
        String[] parts = did.methodSpecificId().split(":", -1);
        String authority = parts[0];
        String host = authority;
        String port = null;
        int portSep = authority.toLowerCase(java.util.Locale.ROOT).indexOf("%3a");
        if (portSep >= 0) {
            host = authority.substring(0, portSep);
            port = authority.substring(portSep + 3);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new DidException(DidError.INVALID_DID, "the did:web port is not a number from 1 to 65535");
            }
        }
        if (!HOST.matcher(host).matches()) {
            throw new DidException(DidError.INVALID_DID, "the did:web domain is not a host name");
        }
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String segment = parts[i];
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new DidException(DidError.INVALID_DID, "a did:web path segment is empty or not allowed");
            }
            path.append('/').append(segment);
        }
        if (path.isEmpty()) {
            path.append(DidSpecs.DID_WEB_WELL_KNOWN);
        }
        path.append(DidSpecs.DID_WEB_DOCUMENT);
        try {
            return new URI("https://" + host.toLowerCase(java.util.Locale.ROOT) + (port == null ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            throw new DidException(DidError.INVALID_DID, "the did:web does not map to a URL", e);
        }
    }

    /** The did:web of a document URL ({@code https://host[:port]/.well-known/did.json} or {@code .../path/did.json}). */
    public static Did fromUrl(URI url) throws DidException {
        if (url == null || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new DidException(DidError.INVALID_DID, "a did:web document URL is https with a host and no query or fragment");
        }
        String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
        if (!rawPath.endsWith(DidSpecs.DID_WEB_DOCUMENT)) {
            throw new DidException(DidError.INVALID_DID, "a did:web document URL ends in /did.json");
        }
        String dir = rawPath.substring(0, rawPath.length() - DidSpecs.DID_WEB_DOCUMENT.length());
        StringBuilder msid = new StringBuilder(url.getHost().toLowerCase(java.util.Locale.ROOT));
        if (url.getPort() != -1) {
            msid.append("%3A").append(url.getPort());
        }
        if (!dir.isEmpty() && !dir.equals(DidSpecs.DID_WEB_WELL_KNOWN)) {
            for (String segment : dir.substring(1).split("/", -1)) {
                msid.append(':').append(segment);
            }
        }
        Did did;
        try {
            did = new Did(DidSpecs.METHOD_WEB, msid.toString());
        } catch (IllegalArgumentException e) {
            throw new DidException(DidError.INVALID_DID, "the URL does not map to a did:web: " + e.getMessage(), e);
        }
        toUrl(did); // the same checks as resolution applies
        return did;
    }

    @Override
    public DidDocument resolve(String did) throws DidException {
        Did parsed = requireMethod(did);
        URI url = toUrl(parsed);
        if (plainHttpOnLoopback && HttpDidWebFetcher.isLoopback(url.getHost())) {
            url = URI.create("http" + url.toString().substring("https".length()));
        }
        byte[] body = fetcher.fetch(url);
        DidDocument document = DidDocument.parse(body);
        if (!document.id().equals(parsed)) {
            throw new DidException(DidError.ID_MISMATCH, "the document served for " + parsed + " has id " + document.id());
        }
        return document;
    }

    @Override
    public String toString() {
        return "DidWeb[" + fetcher + "]";
    }
}
