package org.creditmesh.identity.server.oid4vp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.dcql.DcqlClaimsQuery;
import org.creditmesh.core.dcql.DcqlCredentialQuery;
import org.creditmesh.core.dcql.DcqlQuery;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwtException;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * Checks a {@code vp_token} in the DCQL form (OpenID4VP 1.0 section 8.1: a JSON object whose keys are Credential
 * Query ids and whose values are non-empty arrays of presentations) against the request's query. Each presentation
 * goes through the core's {@link CredentialVerifier} with the request's nonce and the verifier's Client Identifier
 * as the KB-JWT's {@code nonce} and {@code aud} (appendix B.3.6): signature, disclosures, validity, holder binding
 * (with a KB-JWT {@code iat} no older than the core's 5-minute window), status and issuer trust. Then the {@code dcql}
 * check: the {@code vct} is one the query accepts and every requested claim is disclosed.
 *
 * <p><b>Claims disclosed but not requested are a warning, not a failure.</b> The presentation is still authentic
 * and bound to this request, so failing it would only make the borrower present again; but the lender must not
 * receive what it did not ask for (data minimisation), so such claims are dropped before the result is stored and
 * named (by path, never by value) in the credential's {@code warnings}.
 */
final class VpTokenVerifier {

    /** The result of one response: its verdict and the document the lender retrieves. */
    record Outcome(boolean verified, List<String> failures, ObjectNode result) {
    }

    private final CredentialVerifier verifier;

    VpTokenVerifier(CredentialVerifier verifier) {
        this.verifier = verifier;
    }

    /** Parses the {@code vp_token} parameter; a shape other than section 8.1's is a malformed response. */
    static ObjectNode parse(String vpToken, DcqlQuery query) {
        JsonNode parsed;
        try {
            parsed = Json.parse(vpToken);
        } catch (MalformedJsonException e) {
            throw malformed("vp_token is not JSON");
        }
        if (!parsed.isObject() || parsed.isEmpty()) {
            throw malformed("vp_token is a JSON object keyed by credential query id (OpenID4VP 1.0 section 8.1)");
        }
        ObjectNode token = (ObjectNode) parsed;
        for (Map.Entry<String, JsonNode> e : token.properties()) {
            Optional<DcqlCredentialQuery> q = query.credential(e.getKey());
            if (q.isEmpty()) {
                throw malformed("vp_token names '" + e.getKey() + "', which is not a credential query of the request");
            }
            JsonNode list = e.getValue();
            if (!list.isArray() || list.isEmpty()) {
                throw malformed("vp_token." + e.getKey() + " is a non-empty array of presentations (section 8.1)");
            }
            if (list.size() > 1 && !q.get().multiple()) {
                throw malformed("vp_token." + e.getKey() + " holds several presentations but the query did not allow multiple");
            }
            for (JsonNode p : list) {
                if (!p.isTextual() || p.textValue().isEmpty()) {
                    throw malformed("a dc+sd-jwt presentation is a string (appendix B.3.6)");
                }
            }
        }
        return token;
    }

    Outcome verify(DcqlQuery query, ObjectNode vpToken) {
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode credentials = result.putArray("credentials");
        Set<String> failures = new LinkedHashSet<>();
        for (DcqlCredentialQuery q : query.credentials()) {
            JsonNode presentations = vpToken.get(q.id());
            if (presentations == null) {
                ObjectNode missing = credentials.addObject();
                missing.put("query_id", q.id());
                missing.put("verified", false);
                ObjectNode check = missing.putArray("checks").addObject();
                check.put("check", "dcql");
                check.put("outcome", "failed");
                check.put("code", "missing_presentation");
                check.put("detail", "no presentation answers credential query " + q.id());
                failures.add("missing_presentation");
                continue;
            }
            for (JsonNode p : presentations) {
                ObjectNode entry = verifyOne(q, p.textValue(), failures);
                credentials.add(entry);
            }
        }
        boolean verified = failures.isEmpty();
        result.put("verified", verified);
        ArrayNode f = result.putArray("failures");
        failures.forEach(f::add);
        return new Outcome(verified, List.copyOf(failures), result);
    }

    private ObjectNode verifyOne(DcqlCredentialQuery q, String presentation, Set<String> failures) {
        ObjectNode entry = Json.mapper().createObjectNode();
        entry.put("query_id", q.id());
        Optional<SecuringFormat> format = SecuringFormat.detect(presentation);
        if (format.isEmpty() || format.get() != SecuringFormat.SD_JWT) {
            entry.put("verified", false);
            ObjectNode check = entry.putArray("checks").addObject();
            check.put("check", "format");
            check.put("outcome", "failed");
            check.put("code", "unsupported_format");
            check.put("detail", "credential query " + q.id() + " asks for dc+sd-jwt");
            failures.add("unsupported_format");
            return entry;
        }
        VerificationReport report = verifier.verify(presentation);
        ObjectNode json = report.toJson();
        ArrayNode checks = (ArrayNode) json.get("checks");
        report.failures().forEach(failure -> failures.add(failure.code()));
        ObjectNode dcql = Json.mapper().createObjectNode().put("check", "dcql");
        boolean dcqlPassed = false;
        ArrayNode warnings = Json.mapper().createArrayNode();
        ObjectNode disclosed = Json.mapper().createObjectNode();
        if (!report.verified() || report.claims().isEmpty()) {
            dcql.put("outcome", "skipped").put("detail", "not evaluated: an earlier check failed");
        } else {
            ObjectNode claims = report.claims().get();
            String vct = report.types().isEmpty() ? "" : report.types().getFirst();
            List<String> missing = new ArrayList<>();
            if (!q.vctValues().isEmpty() && !q.vctValues().contains(vct)) {
                missing.add("vct " + vct + " is not one of " + q.vctValues());
            }
            for (DcqlClaimsQuery c : q.claims()) {
                if (!c.isSatisfiedBy(claims)) {
                    missing.add("claim " + pathText(c) + (c.values().isEmpty() ? " not disclosed" : " not disclosed with an accepted value"));
                }
            }
            if (missing.isEmpty()) {
                dcqlPassed = true;
                dcql.put("outcome", "passed").put("detail", "the credential type and every requested claim are present");
                for (ClaimPath path : q.requestedPaths(claims)) {
                    put(disclosed, path, DcqlClaimsQuery.at(claims, path));
                }
                for (ClaimPath path : disclosedPaths(presentation)) {
                    if (!q.isRequested(path)) {
                        warnings.add("claim " + path + " was disclosed but not requested; it was dropped");
                    }
                }
            } else {
                dcql.put("outcome", "failed").put("code", "dcql_mismatch").put("detail", String.join("; ", missing));
                failures.add("dcql_mismatch");
            }
        }
        checks.add(dcql);
        boolean verified = report.verified() && dcqlPassed;
        json.put("verified", verified);
        entry.setAll(json);
        if (verified) {
            entry.set("claims", disclosed);
        }
        entry.set("warnings", warnings);
        return entry;
    }

    /** The paths of the disclosures in a presentation (the claims the holder chose to reveal). */
    private static List<ClaimPath> disclosedPaths(String presentation) {
        try {
            return SdJwtHolder.parse(presentation).disclosablePaths();
        } catch (SdJwtException e) {
            return List.of(); // already verified by the core; cannot happen for a presentation that passed
        }
    }

    private static String pathText(DcqlClaimsQuery c) {
        List<String> parts = new ArrayList<>();
        for (Object e : c.path()) {
            parts.add(e instanceof String s ? Json.write(s) : e instanceof Integer i ? i.toString() : "null");
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** Sets {@code value} at {@code path} in {@code target}, creating the objects and arrays on the way. */
    private static void put(ObjectNode target, ClaimPath path, JsonNode value) {
        JsonNode current = target;
        List<Object> elements = path.elements();
        for (int i = 0; i < elements.size(); i++) {
            Object step = elements.get(i);
            boolean last = i == elements.size() - 1;
            Object next = last ? null : elements.get(i + 1);
            JsonNode child = last ? value.deepCopy()
                    : next instanceof Integer ? Json.mapper().createArrayNode() : Json.mapper().createObjectNode();
            if (current instanceof ObjectNode o) {
                String name = (String) step;
                if (!o.has(name) || last) {
                    o.set(name, child);
                }
                current = o.get(name);
            } else if (current instanceof ArrayNode a) {
                int index = (Integer) step;
                while (a.size() <= index) {
                    a.addNull();
                }
                if (a.get(index).isNull() || last) {
                    a.set(index, child);
                }
                current = a.get(index);
            }
        }
    }

    private static ProblemException malformed(String detail) {
        return Oid4vpProblems.withOAuthError(IdentityProblem.OID4VP_MALFORMED_RESPONSE, detail, "invalid_request");
    }
}
