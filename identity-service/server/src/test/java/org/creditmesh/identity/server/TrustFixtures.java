package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.creditmesh.core.credential.DateTimeStamps;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.verifier.SecuringFormat;

/**
 * What the trust tests share: accrediting over the API (the calling test runs as an admin), and credentials signed
 * outside the service by issuers the tests accredit, or not, with a chosen validFrom.
 */
final class TrustFixtures {

    static final String PROBLEMS = "https://creditmesh.org/problems/";

    private TrustFixtures() {
    }

    /** Now, to the second: accreditation times are kept to the second. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static Response postAccreditation(String did, List<String> types, Instant from, Instant until) {
        ObjectNode body = Json.mapper().createObjectNode().put("did", did);
        var array = body.putArray("types");
        types.forEach(array::add);
        body.put("validFrom", from.toString()).put("validUntil", until.toString());
        return given().contentType("application/json").body(Json.write(body)).when().post("/trust/accreditations");
    }

    /** Accredits and returns the accreditation's id. */
    static String accredit(String did, List<String> types, Instant from, Instant until) {
        return postAccreditation(did, types, from, until).then().statusCode(201).extract().path("id");
    }

    static Response change(String id, String action, Instant effectiveFrom) {
        String body = effectiveFrom == null ? "{}" : "{\"effectiveFrom\": \"" + effectiveFrom + "\"}";
        return given().contentType("application/json").body(body).when().post("/trust/accreditations/" + id + "/" + action);
    }

    /** A fresh issuer (its did:key) outside the service. */
    static CredentialIssuer newIssuer() {
        return new CredentialIssuer(SigningKey.generate(KeyType.ED25519));
    }

    /** The test KYC credential signed by {@code issuer} as of {@code validFrom}. */
    static JsonNode signKyc(CredentialIssuer issuer, SecuringFormat format, Instant validFrom) {
        ObjectNode unsigned = VcApiTest.kyc();
        unsigned.put("id", "urn:uuid:" + java.util.UUID.randomUUID());
        unsigned.put("validFrom", DateTimeStamps.format(validFrom));
        try {
            String signed = issuer.issue(unsigned, format, CredentialIssuer.Options.defaults());
            return format == SecuringFormat.DATA_INTEGRITY ? Json.parse(signed) : Json.mapper().getNodeFactory().textNode(signed);
        } catch (CreditMeshException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer_trust check of a verification answer (200 report or 422 problem). */
    static JsonNode trustCheck(Response verification) {
        JsonNode report = VcApiTest.parse(verification.then().extract().asString());
        for (JsonNode check : report.path("checks")) {
            if (check.path("check").asText().equals("issuer_trust")) {
                return check;
            }
        }
        throw new AssertionError("no issuer_trust check in " + report);
    }
}
