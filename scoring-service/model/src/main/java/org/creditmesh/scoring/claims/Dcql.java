package org.creditmesh.scoring.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * The Digital Credentials Query Language query (OpenID for Verifiable Presentations 1.0, section 6) that asks
 * a wallet for exactly the claims a model needs: one credential query per credential type, format
 * {@code dc+sd-jwt}, {@code meta.vct_values} with the type's {@code vct}, and one claims query per claim with
 * its path in the SD-JWT VC payload. Built as JSON because the query is a plain JSON object the verifier
 * sends; no DCQL library for Java is maintained on Maven Central.
 */
public final class Dcql {

    /** The credential format identifier of SD-JWT VC (OpenID4VP 1.0, appendix B.3). */
    public static final String FORMAT_SD_JWT_VC = "dc+sd-jwt";

    private Dcql() {
    }

    /** The query for {@code requirements}' credential claims (application claims are not the wallet's). */
    public static ObjectNode query(ClaimRequirements requirements) {
        ObjectNode query = Json.mapper().createObjectNode();
        ArrayNode credentials = query.putArray("credentials");
        for (Map.Entry<String, List<RequiredClaim>> entry : requirements.byCredentialType().entrySet()) {
            ObjectNode credential = credentials.addObject();
            credential.put("id", credentialId(entry.getKey()));
            credential.put("format", FORMAT_SD_JWT_VC);
            credential.putObject("meta").putArray("vct_values").add(entry.getValue().get(0).vct());
            ArrayNode claims = credential.putArray("claims");
            Set<List<String>> seen = new LinkedHashSet<>();
            for (RequiredClaim claim : entry.getValue()) {
                if (seen.add(claim.claim().path())) {
                    ArrayNode path = claims.addObject().putArray("path");
                    claim.claim().path().forEach(path::add);
                }
            }
        }
        return query;
    }

    /** The credential query id of a type: {@code KycCredential} → {@code kyc_credential} (ids are [A-Za-z0-9_-]). */
    public static String credentialId(String credentialType) {
        return credentialType.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The holder's side: the claim paths a DCQL query asks of the credential with {@code vct} (string path
     * elements only; an empty list when the query does not ask for that type).
     */
    public static List<ClaimPath> claimPaths(JsonNode query, String vct) {
        List<ClaimPath> paths = new ArrayList<>();
        for (JsonNode credential : query.path("credentials")) {
            boolean matches = false;
            for (JsonNode v : credential.path("meta").path("vct_values")) {
                matches |= v.asText().equals(vct);
            }
            if (!matches) {
                continue;
            }
            for (JsonNode claim : credential.path("claims")) {
                List<Object> elements = new ArrayList<>();
                claim.path("path").forEach(e -> elements.add(e.isInt() ? (Object) e.asInt() : e.asText()));
                paths.add(ClaimPath.of(elements.toArray()));
            }
        }
        return List.copyOf(paths);
    }
}
