package org.creditmesh.identity.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.wallet.Oid4vciWallet;
import org.creditmesh.core.wallet.Oid4vpHeldCredential;
import org.creditmesh.core.wallet.Oid4vpPresenter;
import org.creditmesh.core.wallet.Oid4vpRequestObject;
import org.creditmesh.core.wallet.Oid4vpSubmission;
import org.creditmesh.core.wallet.Oid4vpTransport;
import org.creditmesh.core.wallet.ReceivedCredential;
import org.creditmesh.identity.server.TestClients.Client;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * The whole journey on a real embedded PostgreSQL, with real OAuth2 tokens for the organisations and the project's
 * own wallet for the borrower, over HTTP: a bureau offers a KYC SD-JWT VC over OpenID4VCI (with a tx_code); the
 * wallet redeems the offer, verifies and stores the credential; a lender asks over OpenID4VP for two of its claims;
 * the wallet verifies the signed request and discloses only those; the lender reads the result once. The bureau then
 * revokes the credential, and the same wallet presenting the same credential again fails the lender's status check.
 * The audit log records every step and holds none of the claim values.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EndToEndTest {

    /** The test profile's creditmesh.public-url: the credential issuer identifier and the verifier's response_uri. */
    private static final String PUBLIC_URL = "https://identity.creditmesh.test";
    private static final String PROBLEMS = "https://creditmesh.org/problems/";

    /** Claim values that appear nowhere else, to look for in the audit log. */
    private static final String VERIFIED_AT = "2026-03-17T09:21:43Z";
    private static final String COUNTRY = "NL";
    private static final String AGE_BAND = "25-34";
    private static final String DOCUMENT_TYPE = "passport";

    /** The lender asks for these two; the credential has more. */
    private static final List<String> REQUESTED = List.of("ageOver18", "countryOfResidence");
    private static final List<String> NOT_REQUESTED = List.of("identityVerified", "assuranceLevel", "identityVerification", "ageBand");

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bureauIssuesWalletReceivesLenderVerifiesOnceThenRevocationFailsTheSamePresentation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // 1. Organisations registered by the bootstrap admin; tokens from the OAuth2 token endpoint.
        Client bureau = TestClients.register(Roles.BUREAU, "e2e-bureau-" + suffix, null);
        Client lender = TestClients.register(Roles.LENDER, "e2e-lender-" + suffix, null);
        String bureauToken = TestClients.token(bureau);
        String lenderToken = TestClients.token(lender);

        // 2. The bureau offers a KYC SD-JWT VC with a tx_code (the service's issuer is accredited by the test bootstrap).
        ObjectNode offerBody = Json.mapper().createObjectNode();
        offerBody.put("credential_configuration_id", "KycCredential_dc_sd_jwt");
        offerBody.set("credentialSubject", kycSubject());
        offerBody.putObject("tx_code").put("length", 6).put("description", "sent to you by text message");
        JsonNode offer = parse(as(bureauToken).contentType("application/json").body(Json.write(offerBody))
                .when().post("/oid4vci/offers").then().statusCode(201).extract().asString());
        String txCode = offer.path("tx_code").asText();
        assertThat(txCode).matches("[0-9]{6}");
        String offerUrl = offer.path("credential_offer_url").asText();
        String offerId = offerUrl.substring(offerUrl.lastIndexOf('/') + 1);
        as(bureauToken).when().get("/oid4vci/offers/" + offerId + "/issuance").then().statusCode(200)
                .body("state", equalTo("offered")).body("credentialId", org.hamcrest.Matchers.nullValue());

        // 3. The wallet: offer URI -> metadata -> token (with the tx_code) -> c_nonce -> key proof -> credential,
        //    verified (signature, validity, Token Status List) and stored.
        SigningKey holderKey = SigningKey.generate(KeyType.ED25519);
        Oid4vciWallet wallet = Oid4vciWallet.builder(holderKey).route(this::toTestPort).build();
        ReceivedCredential received = wallet.receive(offer.path("credential_offer_uri").asText(), Optional.of(txCode));
        assertThat(received.format()).isEqualTo("dc+sd-jwt");
        assertThat(received.configurationId()).isEqualTo("KycCredential_dc_sd_jwt");
        assertThat(received.credentialIssuer()).isEqualTo(PUBLIC_URL);
        assertThat(received.holder()).isEqualTo(wallet.holderDid());
        assertThat(wallet.store().list()).containsExactly(received);
        assertThat(SdJwtHolder.parse(received.credential()).disclosablePaths())
                .contains(ClaimPath.of("ageOver18"), ClaimPath.of("countryOfResidence"), ClaimPath.of("assuranceLevel"));

        // The offering bureau owns what the wallet received, and learns its id to manage its status.
        JsonNode issuance = parse(as(bureauToken).when().get("/oid4vci/offers/" + offerId + "/issuance")
                .then().statusCode(200).extract().asString());
        assertThat(issuance.path("state").asText()).isEqualTo("issued");
        String credentialId = issuance.path("credentialId").asText();
        assertThat(credentialId).isNotEmpty();
        assertThat(single("SELECT owner FROM issued_credential WHERE id = ?", credentialId)).isEqualTo(bureau.clientId());
        assertThat(single("SELECT type FROM issued_credential WHERE id = ?", credentialId)).isEqualTo("KycCredential");
        // Another organisation learns nothing about the offer.
        as(lenderToken).when().get("/oid4vci/offers/" + offerId + "/issuance").then().statusCode(403);

        // 4.-6. The lender asks for two claims; the wallet discloses exactly those; the lender reads the result once.
        Oid4vpHeldCredential held = new Oid4vpHeldCredential(wallet.store().list().get(0).credential(), holderKey);
        JsonNode first = createRequest(lenderToken);
        Oid4vpRequestObject request = presenter().fetchRequest(first.path("authorization_request").asText());
        assertThat(request.clientId()).isEqualTo(first.path("client_id").asText());
        ObjectNode vpToken = presenter().vpToken(request, List.of(held));
        assertThat(SdJwtHolder.parse(vpToken.path("kyc").get(0).asText()).disclosablePaths())
                .containsExactlyInAnyOrder(ClaimPath.of("ageOver18"), ClaimPath.of("countryOfResidence"));
        Oid4vpSubmission submission = presenter().submit(request, vpToken);
        assertThat(submission.status()).as(submission.body()).isEqualTo(200);

        JsonNode result = parse(as(lenderToken).when().get("/oid4vp/requests/" + first.path("id").asText() + "/result")
                .then().statusCode(200).extract().asString());
        assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("status").asText()).isEqualTo("verified");
        JsonNode credential = result.path("credentials").get(0);
        assertThat(ResultJson.checks(credential)).contains("signature=passed", "disclosures=passed", "validity_period=passed",
                "holder_binding=passed", "status=passed", "dcql=passed").noneMatch(c -> c.endsWith("=failed"));
        assertThat(ResultJson.fieldNames(credential.path("claims"))).containsExactlyInAnyOrderElementsOf(REQUESTED);
        assertThat(ResultJson.fieldNames(credential.path("claims"))).doesNotContainAnyElementsOf(NOT_REQUESTED);
        assertThat(credential.path("claims").path("ageOver18").asBoolean()).isTrue();
        assertThat(credential.path("claims").path("countryOfResidence").asText()).isEqualTo(COUNTRY);
        assertThat(credential.path("warnings")).isEmpty();
        assertThat(result.toString()).doesNotContain(VERIFIED_AT, AGE_BAND, DOCUMENT_TYPE, "substantial");
        as(lenderToken).when().get("/oid4vp/requests/" + first.path("id").asText() + "/result")
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "oid4vp-result-gone"));

        // 7. The bureau that made the offer revokes the credential.
        as(bureauToken).contentType("application/json")
                .body("{\"credentialId\":\"" + credentialId + "\",\"status\":\"revoked\"}")
                .when().post("/credentials/status").then().statusCode(200).body("revoked", equalTo(true));

        // 8. A new request; the same wallet presents the same credential; the lender's status check fails: revoked.
        JsonNode second = createRequest(lenderToken);
        assertThat(presenter().present(second.path("authorization_request").asText(), List.of(held)).accepted()).isTrue();
        JsonNode revoked = parse(as(lenderToken).when().get("/oid4vp/requests/" + second.path("id").asText() + "/result")
                .then().statusCode(200).extract().asString());
        assertThat(revoked.path("verified").asBoolean()).as(revoked.toString()).isFalse();
        assertThat(revoked.path("status").asText()).isEqualTo("failed");
        assertThat(revoked.path("failures").toString()).contains("\"revoked\"");
        JsonNode afterRevocation = revoked.path("credentials").get(0);
        assertThat(ResultJson.checks(afterRevocation)).contains("status=failed", "signature=passed", "holder_binding=passed");
        assertThat(afterRevocation.has("claims")).isFalse();

        // The audit log has every step, by whom, and no claim value anywhere in it.
        assertThat(auditOf(credentialId)).containsExactly(bureau.clientId() + " issue", bureau.clientId() + " revoke");
        assertThat(auditOf(first.path("id").asText()))
                .containsExactly(lender.clientId() + " oid4vp-request", "wallet oid4vp-response", lender.clientId() + " oid4vp-result");
        assertThat(auditOf(second.path("id").asText()))
                .containsExactly(lender.clientId() + " oid4vp-request", "wallet oid4vp-response", lender.clientId() + " oid4vp-result");
        String audit = wholeAuditLog();
        assertThat(audit).contains(bureau.clientId(), lender.clientId())
                .doesNotContain(VERIFIED_AT, AGE_BAND, DOCUMENT_TYPE, "substantial", "\"" + COUNTRY + "\"", "ageOver18",
                        "countryOfResidence", txCode, wallet.holderDid());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static ObjectNode kycSubject() {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("identityVerified", true);
        s.put("assuranceLevel", "substantial");
        ObjectNode v = s.putObject("identityVerification");
        v.putArray("checksPerformed").add("documentCheck").add("livenessCheck");
        v.put("verifiedAt", VERIFIED_AT);
        v.put("documentType", DOCUMENT_TYPE);
        v.put("documentIssuingCountry", COUNTRY);
        s.put("countryOfResidence", COUNTRY);
        s.put("ageBand", AGE_BAND);
        s.put("ageOver18", true);
        return s;
    }

    private JsonNode createRequest(String lenderToken) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode query = body.putArray("credentials").addObject();
        query.put("id", "kyc");
        query.put("type", "KycCredential");
        REQUESTED.forEach(query.putArray("claims")::add);
        return parse(as(lenderToken).contentType("application/json").body(Json.write(body))
                .when().post("/oid4vp/requests").then().statusCode(201).extract().asString());
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** The service's public https URL mapped to this test's port; any other address is left alone. */
    private URI toTestPort(URI uri) {
        String local = root.toString().replaceAll("/+$", "");
        return uri.toString().startsWith(PUBLIC_URL) ? URI.create(local + uri.toString().substring(PUBLIC_URL.length())) : uri;
    }

    /** The project's OpenID4VP wallet over real HTTP to this service. */
    private Oid4vpPresenter presenter() {
        Oid4vpTransport http = Oid4vpTransport.http(HttpClient.newHttpClient(), Oid4vpPresenter.MAX_BODY_BYTES);
        Oid4vpTransport mapped = new Oid4vpTransport() {
            @Override
            public Response get(URI uri, String accept) throws IOException, InterruptedException {
                return http.get(toTestPort(uri), accept);
            }

            @Override
            public Response postForm(URI uri, Map<String, String> form) throws IOException, InterruptedException {
                return http.postForm(toTestPort(uri), form);
            }
        };
        return new Oid4vpPresenter(mapped, CredentialVerifier.offlineDidResolver(), Clock.systemUTC());
    }

    /** "actor action" of the audit entries about one subject reference, in order. */
    private List<String> auditOf(String subjectRef) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT actor, action FROM audit_log WHERE subject_ref = ? ORDER BY seq")) {
            q.setString(1, subjectRef);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private String wholeAuditLog() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT a::text FROM audit_log a ORDER BY seq");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    private String single(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static JsonNode parse(String json) {
        return TestClients.parse(json);
    }
}
