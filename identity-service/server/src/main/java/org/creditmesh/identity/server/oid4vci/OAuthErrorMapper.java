package org.creditmesh.identity.server.oid4vci;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.creditmesh.core.json.Json;
import org.creditmesh.service.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders {@link OAuthError} in the OAuth JSON error format (plus the RFC 9457 members), never cached. */
public final class OAuthErrorMapper {

    @ServerExceptionMapper
    public Response oauth(OAuthError e) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", e.code().code());
        String description = e.getMessage();
        if (description != null && !description.isBlank()) {
            body.put("error_description", asciiOnly(description));
        }
        body.put("type", ProblemType.BASE + "oid4vci-" + e.code().code().replace('_', '-'));
        body.put("title", e.code().code());
        body.put("status", e.code().status());
        Response.ResponseBuilder r = Response.status(e.code().status()).type("application/json")
                .header("Cache-Control", "no-store").entity(Json.write(body));
        if (e.code() == OAuthError.Code.INVALID_TOKEN || e.code() == OAuthError.Code.INSUFFICIENT_SCOPE) {
            // RFC 6750 section 3: the challenge names the error.
            r.header("WWW-Authenticate", "Bearer error=\"" + e.code().code() + "\"");
        }
        return r.build();
    }

    /** error_description allows %x20-21 / %x23-5B / %x5D-7E only (RFC 6749 section 5.2). */
    static String asciiOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            out.append(ch >= 0x20 && ch <= 0x7e && ch != '"' && ch != '\\' ? ch : '?');
        }
        return out.toString();
    }
}
