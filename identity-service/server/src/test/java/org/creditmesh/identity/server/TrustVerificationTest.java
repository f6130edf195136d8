package org.creditmesh.identity.server;

import static org.creditmesh.identity.server.TestClients.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TrustFixtures.PROBLEMS;
import static org.creditmesh.identity.server.TrustFixtures.accredit;
import static org.creditmesh.identity.server.TrustFixtures.change;
import static org.creditmesh.identity.server.TrustFixtures.now;
import static org.creditmesh.identity.server.TrustFixtures.signKyc;
import static org.creditmesh.identity.server.TrustFixtures.trustCheck;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verification asks the registry whether the issuer was accredited for the credential's type at its validFrom, and
 * issuance refuses what the registry would not vouch for. Credentials here are signed outside the service by did:key
 * issuers the test accredits (or not), with chosen validFrom instants relative to now.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class TrustVerificationTest {

    static final Duration DAY = Duration.ofDays(1);

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"DATA_INTEGRITY", "JOSE"})
    void aCredentialOfANeverAccreditedIssuerFailsAsUntrustedIssuer(SecuringFormat format) {
        JsonNode vc = signKyc(TrustFixtures.newIssuer(), format, now().minus(DAY));
        JsonNode check = trustCheck(VcApiTest.verify(vc).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "verification-failed")).extract().response());
        assertThat(check.path("outcome").asText()).isEqualTo("failed");
        assertThat(check.path("code").asText()).isEqualTo("untrusted_issuer");
        assertThat(check.path("detail").asText()).startsWith("not_accredited:");
    }

    @Test
    void anIssuerAccreditedForOtherTypesOnlyIsUntrustedForThisOne() {
        CredentialIssuer issuer = TrustFixtures.newIssuer();
        accredit(issuer.issuer(), List.of("RepaymentHistoryCredential"), now().minus(DAY.multipliedBy(30)), now().plus(DAY));
        JsonNode check = trustCheck(VcApiTest.verify(signKyc(issuer, SecuringFormat.DATA_INTEGRITY, now().minus(DAY)))
                .then().statusCode(422).extract().response());
        assertThat(check.path("code").asText()).isEqualTo("untrusted_issuer");
        assertThat(check.path("detail").asText()).startsWith("type_not_accredited:");
    }

    @ParameterizedTest
    @EnumSource(value = SecuringFormat.class, names = {"DATA_INTEGRITY", "JOSE"})
    void aSuspensionCountsFromItsEffectiveInstantAndSparesWhatWasIssuedBefore(SecuringFormat format) {
        CredentialIssuer issuer = TrustFixtures.newIssuer();
        String id = accredit(issuer.issuer(), List.of("KycCredential"), now().minus(DAY.multipliedBy(60)), now().plus(DAY.multipliedBy(60)));
        JsonNode beforeSuspension = signKyc(issuer, format, now().minus(DAY.multipliedBy(40)));
        JsonNode whileSuspended = signKyc(issuer, format, now().minus(DAY.multipliedBy(10)));
        JsonNode beforeAccreditation = signKyc(issuer, format, now().minus(DAY.multipliedBy(90)));
        VcApiTest.verify(beforeSuspension).then().statusCode(200);
        VcApiTest.verify(whileSuspended).then().statusCode(200);

        change(id, "suspend", now().minus(DAY.multipliedBy(30))).then().statusCode(200);
        JsonNode check = trustCheck(VcApiTest.verify(whileSuspended).then().statusCode(422).extract().response());
        assertThat(check.path("code").asText()).isEqualTo("untrusted_issuer");
        assertThat(check.path("detail").asText()).startsWith("accreditation_suspended:");
        // Issued while accredited: still valid after the later suspension.
        assertThat(trustCheck(VcApiTest.verify(beforeSuspension).then().statusCode(200).extract().response())
                .path("detail").asText()).startsWith("accredited:");
        assertThat(trustCheck(VcApiTest.verify(beforeAccreditation).then().statusCode(422).extract().response())
                .path("detail").asText()).startsWith("outside_accreditation_period:");

        // Reinstated from five days ago: what was signed in the suspension stays untrusted, what follows is trusted.
        change(id, "reinstate", now().minus(DAY.multipliedBy(5))).then().statusCode(200);
        VcApiTest.verify(whileSuspended).then().statusCode(422);
        VcApiTest.verify(signKyc(issuer, format, now().minus(DAY))).then().statusCode(200);
    }

    @Test
    void aPresentationFailsWhenTheIssuerOfACredentialInItWasSuspendedBeforeItsValidFrom() throws Exception {
        CredentialIssuer issuer = TrustFixtures.newIssuer();
        String id = accredit(issuer.issuer(), List.of("KycCredential"), now().minus(DAY.multipliedBy(60)), now().plus(DAY.multipliedBy(60)));
        change(id, "suspend", now().minus(DAY.multipliedBy(20))).then().statusCode(200);
        var presenter = new CredentialPresenter(SigningKey.generate(KeyType.ED25519), java.time.Clock.systemUTC());
        Challenge challenge = new Challenge("n-trust-1", "https://lender.example");
        for (Instant validFrom : List.of(now().minus(DAY.multipliedBy(30)), now().minus(DAY.multipliedBy(10)))) {
            ObjectNode unsigned = VcApiTest.kyc();
            ((ObjectNode) unsigned.get("credentialSubject")).put("id", presenter.holder());
            unsigned.put("validFrom", validFrom.toString());
            String credential = issuer.issue(unsigned, SecuringFormat.DATA_INTEGRITY, CredentialIssuer.Options.defaults());
            ObjectNode body = Json.mapper().createObjectNode();
            body.set("verifiablePresentation", VcApiTest.parse(presenter.present(credential, List.of(), challenge)));
            body.putObject("options").put("challenge", challenge.nonce()).put("domain", challenge.audience());
            var response = given().contentType("application/json").body(Json.write(body)).when().post("/presentations/verify");
            if (validFrom.isBefore(now().minus(DAY.multipliedBy(20)))) {
                response.then().log().ifValidationFails().statusCode(200).body("credentials[0].verified", equalTo(true));
            } else {
                response.then().statusCode(422).body("credentials[0].verified", equalTo(false))
                        .body("credentials[0].checks.find { it.check == 'issuer_trust' }.code", equalTo("untrusted_issuer"));
            }
        }
    }

    @Test
    void issuanceRefusesTypesAndInstantsTheServiceIsNotAccreditedFor() {
        // The bootstrap accreditation (TrustBootstrap defaults) covers KYC, repayment history and credit scores
        // from 2000 to 2100, not accreditation credentials, and nothing before 2000.
        ObjectNode request = (ObjectNode) VcApiTest.parse(VcApiTest.issueRequest("di"));
        ObjectNode accreditation = request.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) accreditation.get("credential").get("type")).set(1,
                Json.mapper().getNodeFactory().textNode("BureauAccreditationCredential"));
        given().contentType("application/json").body(Json.write(accreditation)).when().post("/credentials/issue")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "issuer-not-accredited")).body("reason", equalTo("type_not_accredited"));
        ObjectNode early = VcApiTest.kyc();
        early.put("validFrom", "1999-06-01T00:00:00Z");
        ObjectNode earlyRequest = Json.mapper().createObjectNode();
        earlyRequest.set("credential", early);
        given().contentType("application/json").body(Json.write(earlyRequest)).when().post("/credentials/issue")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "issuer-not-accredited"))
                .body("reason", equalTo("outside_accreditation_period"));
        VcApiTest.issue("di");
    }

    @Test
    void issuanceRefusesAValidFromInASuspensionOfTheServicesAccreditation() {
        String own = VcApiTest.issue("di").path("issuer").asText();
        String id = given().when().get("/trust/accreditations/" + own).then().statusCode(200)
                .extract().path("accreditations[0].id");
        // Far in the future, so that no other test's credential falls into it.
        change(id, "suspend", Instant.parse("2098-01-01T00:00:00Z")).then().statusCode(200);
        change(id, "reinstate", Instant.parse("2098-02-01T00:00:00Z")).then().statusCode(200);
        ObjectNode request = Json.mapper().createObjectNode();
        request.set("credential", VcApiTest.kyc().put("validFrom", "2098-01-15T00:00:00Z"));
        given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "issuer-not-accredited"))
                .body("reason", equalTo("accreditation_suspended"));
        request.set("credential", VcApiTest.kyc().put("validFrom", "2098-03-01T00:00:00Z"));
        given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(201);
    }
}
