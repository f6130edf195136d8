package org.creditmesh.service.auth;

/** The {@code WWW-Authenticate} value of a 401 or 403 (RFC 6750 section 3). */
public final class BearerChallenge {

    private BearerChallenge() {
    }

    /** The challenge; with {@code error="invalid_token"} and a description when a token was sent and refused. */
    public static String of(String invalidTokenDescription) {
        if (invalidTokenDescription == null) {
            return TokenSpecs.BEARER + " realm=\"" + TokenSpecs.REALM + "\"";
        }
        return TokenSpecs.BEARER + " realm=\"" + TokenSpecs.REALM + "\", error=\"invalid_token\", error_description=\""
                + quotable(invalidTokenDescription) + "\"";
    }

    /** The challenge of a 403: the token is fine but does not carry the role (RFC 6750 section 3.1 insufficient_scope). */
    public static String insufficientScope() {
        return TokenSpecs.BEARER + " realm=\"" + TokenSpecs.REALM + "\", error=\"insufficient_scope\"";
    }

    /** RFC 6750 section 3: error_description is %x20-21 / %x23-5B / %x5D-7E; drop anything else. */
    static String quotable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
