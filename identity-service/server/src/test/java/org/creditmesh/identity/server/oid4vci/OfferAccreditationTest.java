package org.creditmesh.identity.server.oid4vci;

import static org.creditmesh.identity.server.TestClients.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * A bureau is refused when it offers a credential type the service's issuer is not accredited for (403
 * issuer-not-accredited at offer creation, before any wallet redeems anything); a type it is accredited for is offered.
 */
@QuarkusTest
@TestProfile(OfferAccreditationTest.RepaymentHistoryOnly.class)
class OfferAccreditationTest {

    public static final class RepaymentHistoryOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.trust.bootstrap.types", "RepaymentHistoryCredential");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    private static String offer(String configurationId) {
        var body = Json.mapper().createObjectNode().put("credential_configuration_id", configurationId);
        body.set("credentialSubject", configurationId.startsWith("Kyc") ? Oid4vciFlowTest.kycSubject()
                : Oid4vciFlowTest.repaymentSubject());
        return Json.write(body);
    }

    @Test
    void anOfferForATypeTheIssuerIsNotAccreditedForIsRefusedAtCreation() {
        given().contentType("application/json").body(offer("KycCredential_dc_sd_jwt")).post("/oid4vci/offers")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://creditmesh.org/problems/issuer-not-accredited"));
        given().contentType("application/json").body(offer("RepaymentHistoryCredential_dc_sd_jwt")).post("/oid4vci/offers")
                .then().statusCode(201);
    }
}
