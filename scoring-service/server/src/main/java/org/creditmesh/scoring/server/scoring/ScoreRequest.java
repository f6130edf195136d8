package org.creditmesh.scoring.server.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.service.http.JsonBodies;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * A {@code POST /scores} body:
 * <pre>{"vp_token": {"&lt;DCQL credential id&gt;": ["&lt;SD-JWT VC presentation with KB-JWT&gt;"], ...},
 *  "nonce": "...", "audience": "...", "application": {...}, "issueScoreCredential": false}</pre>
 * {@code vp_token} is the OpenID4VP 1.0 response to the DCQL query of {@code GET /scores/request}; {@code nonce} and
 * {@code audience} are what the lender asked the wallet to sign over; {@code application} the loan application's
 * members by claim name ({@code loanAmount}, ...), when the model uses any.
 *
 * @param presentationSha256 SHA-256 (hex) of {@code vp_token} as compact JSON: what the service keeps of the presentation
 */
public record ScoreRequest(List<String> presentations, String presentationSha256, Challenge challenge,
                           ObjectNode application, boolean issueScoreCredential) {

    /** More would be no credit file anyone holds; a bound on verification work per request. */
    static final int MAX_PRESENTATIONS = 8;

    public static ScoreRequest parse(byte[] body) {
        ObjectNode json = JsonBodies.object(body);
        ObjectNode vpToken = JsonBodies.requiredObject(json, "vp_token");
        List<String> presentations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : vpToken.properties()) {
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw invalid("'vp_token." + e.getKey() + "' must be a non-empty array of presentations");
            }
            for (JsonNode p : e.getValue()) {
                if (!p.isTextual() || p.asText().isBlank()) {
                    throw invalid("'vp_token." + e.getKey() + "' holds SD-JWT VC presentations as strings");
                }
                presentations.add(p.asText());
            }
        }
        if (presentations.isEmpty()) {
            throw invalid("'vp_token' holds no presentation");
        }
        if (presentations.size() > MAX_PRESENTATIONS) {
            throw invalid("at most " + MAX_PRESENTATIONS + " presentations per scoring");
        }
        Challenge challenge;
        JsonNode nonce = json.get("nonce");
        JsonNode audience = json.get("audience");
        if (nonce == null || audience == null || !nonce.isTextual() || !audience.isTextual()
                || nonce.asText().isBlank() || audience.asText().isBlank()) {
            throw invalid("'nonce' and 'audience' are required non-empty strings: the challenge the wallet signed over");
        }
        challenge = new Challenge(nonce.asText(), audience.asText());
        JsonNode application = json.get("application");
        if (application != null && !application.isNull() && !application.isObject()) {
            throw invalid("'application' must be a JSON object");
        }
        JsonNode issue = json.get("issueScoreCredential");
        if (issue != null && !issue.isBoolean()) {
            throw invalid("'issueScoreCredential' must be a boolean");
        }
        return new ScoreRequest(List.copyOf(presentations), sha256(Json.write(vpToken)), challenge,
                application == null || application.isNull() ? null : (ObjectNode) application, issue != null && issue.asBoolean());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpProblem.INVALID_REQUEST, detail);
    }
}
