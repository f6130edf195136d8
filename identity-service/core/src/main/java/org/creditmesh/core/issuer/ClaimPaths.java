package org.creditmesh.core.issuer;

import java.util.ArrayList;
import java.util.List;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * Claim paths as people type them on a command line: dot-separated member names, with array indexes as
 * numbers ({@code address.locality}, {@code loans.0.status}), relative to the credential subject.
 */
public final class ClaimPaths {

    private ClaimPaths() {
    }

    public static ClaimPath parse(String dotted) throws IssuerException {
        if (dotted == null || dotted.isBlank() || dotted.startsWith(".") || dotted.endsWith(".") || dotted.contains("..")) {
            throw new IssuerException(IssuerError.INVALID_CLAIM_PATH, "not a claim path: '" + dotted + "'");
        }
        List<Object> elements = new ArrayList<>();
        for (String part : dotted.split("\\.")) {
            elements.add(part.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(part) : part);
        }
        if (!(elements.get(0) instanceof String)) {
            throw new IssuerException(IssuerError.INVALID_CLAIM_PATH, "a claim path starts with a member name: '" + dotted + "'");
        }
        return ClaimPath.of(elements.toArray());
    }

    public static List<ClaimPath> parseAll(List<String> dotted) throws IssuerException {
        List<ClaimPath> paths = new ArrayList<>();
        for (String d : dotted) {
            paths.add(parse(d));
        }
        return paths;
    }
}
