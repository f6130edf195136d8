package org.creditmesh.identity.server.oid4vp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.service.problem.ProblemType;

/**
 * Errors at the wallet-facing endpoints are problem details that also carry the OAuth 2.0 {@code error} member
 * (RFC 6749 section 5.2, as OpenID4VP's wallets expect), so a wallet that reads only {@code error} understands them.
 */
final class Oid4vpProblems {

    private Oid4vpProblems() {
    }

    static ProblemException withOAuthError(ProblemType type, String detail, String error) {
        ObjectNode ext = Json.mapper().createObjectNode();
        ext.put("error", error);
        ext.put("error_description", detail);
        return new ProblemException(type, detail, ext, null);
    }
}
