package org.creditmesh.identity.server.oid4vci;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.creditmesh.core.jose.KeyJwsSigner;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.wallet.CredentialOffer;
import org.creditmesh.core.wallet.IssuerMetadata;
import org.creditmesh.core.wallet.Oid4vciWallet;
import org.creditmesh.core.wallet.ReceivedCredential;
import org.creditmesh.core.wallet.WalletError;
import org.creditmesh.core.wallet.WalletException;
import org.creditmesh.identity.server.EmbeddedPostgresResource;
import org.creditmesh.identity.server.security.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenID4VCI 1.0 pre-authorized code flow on a real embedded PostgreSQL, driven by the project's own wallet client
 * ({@link Oid4vciWallet}): both formats end to end, tx_code handling (section 6.1, 13.6.3), single use of the
 * pre-authorized code, c_nonce replay, each key proof check of appendix F.4, the credential endpoint's errors
 * (section 8.3.1), the offer after redemption, the QR code, and what the database keeps of the claims.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class Oid4vciFlowTest {

    /** The test profile's creditmesh.public-url: the credential issuer identifier. */
    static final String ISSUER = "https://identity.creditmesh.test";
    /** A claim value that appears nowhere else, to look for in the database. */
    static final String MARKER = "2026-01-14T16:42:10Z";

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    static ObjectNode kycSubject() {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("identityVerified", true);
        s.put("assuranceLevel", "substantial");
        ObjectNode v = s.putObject("identityVerification");
        v.putArray("checksPerformed").add("documentCheck").add("livenessCheck");
        v.put("verifiedAt", MARKER);
        v.put("documentType", "nationalIdCard");
        v.put("documentIssuingCountry", "DE");
        s.put("countryOfResidence", "DE");
        s.put("ageBand", "35-44");
        s.put("ageOver18", true);
        return s;
    }

    static ObjectNode repaymentSubject() {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("reportedAt", "2026-01-15T00:00:00Z");
        s.put("historyMonths", 40);
        s.put("onTimeInstalments", 22);
        s.put("lateInstalments", 1);
        s.put("defaultedInstalments", 0);
        s.putObject("currentArrears").put("amount", 0).put("currency", "EUR");
        return s;
    }

    /** Creates an offer as the bureau of the calling test's @TestSecurity. */
    static JsonNode createOffer(String configurationId, boolean txCode) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("credential_configuration_id", configurationId);
        body.set("credentialSubject", configurationId.startsWith("Kyc") ? kycSubject() : repaymentSubject());
        if (txCode) {
            body.putObject("tx_code").put("length", 6).put("description", "sent to you by text message");
        }
        return parse(given().contentType("application/json").body(Json.write(body))
                .when().post("/oid4vci/offers")
                .then().statusCode(201).extract().asString());
    }

    Oid4vciWallet wallet(SigningKey holder) {
        String base = root.toString().endsWith("/") ? root.toString().substring(0, root.toString().length() - 1) : root.toString();
        UnaryOperator<URI> route = u -> u.toString().startsWith(ISSUER) ? URI.create(base + u.toString().substring(ISSUER.length())) : u;
        return Oid4vciWallet.builder(holder).route(route).build();
    }

    @Test
    void publishesIssuerAndAuthorizationServerMetadata() {
        JsonNode issuer = parse(given().when().get("/.well-known/openid-credential-issuer")
                .then().statusCode(200).contentType("application/json").extract().asString());
        assertThat(issuer.path("credential_issuer").asText()).isEqualTo(ISSUER);
        assertThat(issuer.path("credential_endpoint").asText()).isEqualTo(ISSUER + "/oid4vci/credential");
        assertThat(issuer.path("nonce_endpoint").asText()).isEqualTo(ISSUER + "/oid4vci/nonce");
        JsonNode configs = issuer.path("credential_configurations_supported");
        assertThat(configs.path("KycCredential_dc_sd_jwt").path("format").asText()).isEqualTo("dc+sd-jwt");
        assertThat(configs.path("KycCredential_dc_sd_jwt").path("vct").asText()).isEqualTo("https://creditmesh.org/vct/KycCredential");
        assertThat(configs.path("RepaymentHistoryCredential_jwt_vc_json").path("credential_definition").path("type").toString())
                .isEqualTo("[\"VerifiableCredential\",\"RepaymentHistoryCredential\"]");
        assertThat(configs.path("KycCredential_jwt_vc_json").path("proof_types_supported").path("jwt")
                .path("proof_signing_alg_values_supported").toString()).contains("EdDSA", "ES256");
        assertThat(configs.path("KycCredential_dc_sd_jwt").path("credential_metadata").path("claims").get(0).path("path").toString())
                .isEqualTo("[\"identityVerified\"]");
        String as = issuer.path("authorization_servers").get(0).asText();
        assertThat(as).isEqualTo(ISSUER + "/oid4vci");
        JsonNode asMetadata = parse(given().when().get("/.well-known/oauth-authorization-server/oid4vci")
                .then().statusCode(200).contentType("application/json").extract().asString());
        assertThat(asMetadata.path("issuer").asText()).isEqualTo(as);
        assertThat(asMetadata.path("token_endpoint").asText()).isEqualTo(ISSUER + "/oid4vci/token");
        assertThat(asMetadata.path("pre-authorized_grant_anonymous_access_supported").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KycCredential_dc_sd_jwt", "KycCredential_jwt_vc_json", "RepaymentHistoryCredential_dc_sd_jwt",
            "RepaymentHistoryCredential_jwt_vc_json"})
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void walletReceivesVerifiesAndStoresTheCredential(String configurationId) throws Exception {
        JsonNode offer = createOffer(configurationId, true);
        String txCode = offer.path("tx_code").asText();
        assertThat(txCode).matches("[0-9]{6}");
        Oid4vciWallet wallet = wallet(SigningKey.generate(KeyType.ED25519));

        ReceivedCredential received = wallet.receive(offer.path("credential_offer_uri").asText(), Optional.of(txCode));

        assertThat(received.configurationId()).isEqualTo(configurationId);
        assertThat(received.format()).isEqualTo(configurationId.endsWith("sd_jwt") ? "dc+sd-jwt" : "jwt_vc_json");
        assertThat(received.holder()).isEqualTo(wallet.holderDid());
        assertThat(wallet.store().list()).containsExactly(received);
        if (configurationId.endsWith("sd_jwt")) {
            assertThat(received.credential()).contains("~");
        } else {
            assertThat(received.credential().split("\\.")).hasSize(3);
        }
        String offerId = offerId(offer);
        assertThat(single("SELECT state FROM oid4vci_offer WHERE id = ?", offerId)).isEqualTo("issued");
        assertThat(single("SELECT credential IS NULL FROM oid4vci_offer WHERE id = ?", offerId)).isEqualTo("t");
        String credentialId = single("SELECT credential_id FROM oid4vci_offer WHERE id = ?", offerId);
        assertThat(single("SELECT type FROM issued_credential WHERE id = ?", credentialId))
                .isEqualTo(configurationId.substring(0, configurationId.indexOf('_')));
        assertThat(single("SELECT count(*) FROM audit_log WHERE subject_ref = ? AND actor = 'bureau-one' AND action = 'issue'",
                credentialId)).isEqualTo("1");
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void theDatabaseKeepsNoClaimValueBeforeOrAfterRedemption() throws Exception {
        JsonNode offer = createOffer("KycCredential_dc_sd_jwt", false);
        String offerId = offerId(offer);
        assertThat(single("SELECT credential IS NOT NULL FROM oid4vci_offer WHERE id = ?", offerId)).isEqualTo("t");
        assertThat(databaseText()).doesNotContain(MARKER).doesNotContain("substantial");

        wallet(SigningKey.generate(KeyType.P256)).receive(offer.path("credential_offer_uri").asText(), Optional.empty());

        assertThat(single("SELECT credential IS NULL FROM oid4vci_offer WHERE id = ?", offerId)).isEqualTo("t");
        assertThat(databaseText()).doesNotContain(MARKER).doesNotContain("substantial");
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void txCodeMissingIsInvalidRequestAndWrongIsInvalidGrantUntilTheCodeIsInvalidated() throws Exception {
        JsonNode offer = createOffer("KycCredential_jwt_vc_json", true);
        String right = offer.path("tx_code").asText();
        String wrong = right.equals("000000") ? "111111" : "000000";
        String code = preAuthorizedCode(offer);

        JsonNode missing = token(code, null).then().statusCode(400).contentType("application/json").extract().as(JsonNode.class);
        assertThat(missing.path("error").asText()).isEqualTo("invalid_request");
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonNode error = token(code, wrong).then().statusCode(400).extract().as(JsonNode.class);
            assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
        }
        // Three failures invalidated the pre-authorized code: the right tx_code no longer helps, the claims are gone.
        assertThat(token(code, right).then().statusCode(400).extract().as(JsonNode.class).path("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(single("SELECT state FROM oid4vci_offer WHERE id = ?", offerId(offer))).isEqualTo("invalidated");
        assertThat(single("SELECT credential IS NULL FROM oid4vci_offer WHERE id = ?", offerId(offer))).isEqualTo("t");

        Oid4vciWallet wallet = wallet(SigningKey.generate(KeyType.ED25519));
        JsonNode other = createOffer("KycCredential_jwt_vc_json", true);
        assertThatThrownBy(() -> wallet.receive(other.path("credential_offer_uri").asText(), Optional.empty()))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.code()).isEqualTo(WalletError.TX_CODE_REQUIRED));
        JsonNode noTx = createOffer("KycCredential_jwt_vc_json", false);
        JsonNode unexpected = token(preAuthorizedCode(noTx), "123456").then().statusCode(400).extract().as(JsonNode.class);
        assertThat(unexpected.path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void aPreAuthorizedCodeIsRedeemedOnceAndTheOfferIsGoneAfterwards() {
        JsonNode offer = createOffer("RepaymentHistoryCredential_dc_sd_jwt", false);
        String code = preAuthorizedCode(offer);
        JsonNode first = token(code, null).then().statusCode(200).header("Cache-Control", "no-store")
                .extract().as(JsonNode.class);
        assertThat(first.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(first.path("expires_in").asLong()).isPositive();

        JsonNode replay = token(code, null).then().statusCode(400).extract().as(JsonNode.class);
        assertThat(replay.path("error").asText()).isEqualTo("invalid_grant");
        given().when().get(URI.create(offer.path("credential_offer_url").asText()).getPath())
                .then().statusCode(404).contentType("application/problem+json");
        JsonNode unknown = token("not-a-code", null).then().statusCode(400).extract().as(JsonNode.class);
        assertThat(unknown.path("error").asText()).isEqualTo("invalid_grant");
        JsonNode grant = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "authorization_code")
                .formParam("code", "x").when().post("/oid4vci/token").then().statusCode(400).extract().as(JsonNode.class);
        assertThat(grant.path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void everyKeyProofCheckOfAppendixF4RejectsAndLeavesTheTokenUsable() throws Exception {
        SigningKey holder = SigningKey.generate(KeyType.ED25519);
        Oid4vciWallet wallet = wallet(holder);
        JsonNode offer = createOffer("KycCredential_dc_sd_jwt", false);
        CredentialOffer resolved = wallet.resolveOffer(offer.path("credential_offer_uri").asText());
        IssuerMetadata metadata = wallet.issuerMetadata(resolved.credentialIssuer());
        String token = wallet.redeem(wallet.tokenEndpoint(metadata, resolved), resolved, Optional.empty());
        String configuration = "KycCredential_dc_sd_jwt";
        String nonce = wallet.nonce(metadata.nonceEndpoint().orElseThrow());
        Instant now = Instant.now();

        assertRejected(wallet, metadata, token, configuration,
                proof(holder, holder, "openid4vci-proof+jwt", "https://other-issuer.example", nonce, now), "invalid_proof");
        assertRejected(wallet, metadata, token, configuration,
                proof(holder, holder, "openid4vci-proof+jwt", ISSUER, "never-issued", now), "invalid_nonce");
        assertRejected(wallet, metadata, token, configuration,
                proof(holder, holder, "JWT", ISSUER, nonce, now), "invalid_proof");
        assertRejected(wallet, metadata, token, configuration,
                proof(holder, SigningKey.generate(KeyType.ED25519), "openid4vci-proof+jwt", ISSUER, nonce, now), "invalid_proof");
        assertRejected(wallet, metadata, token, configuration,
                proof(holder, holder, "openid4vci-proof+jwt", ISSUER, nonce, now.minus(Duration.ofMinutes(10))), "invalid_proof");
        assertRejected(wallet, metadata, token, configuration,
                proof(holder, holder, "openid4vci-proof+jwt", ISSUER, null, now), "invalid_proof");
        assertRejected(wallet, metadata, token, "NoSuchCredential",
                proof(holder, holder, "openid4vci-proof+jwt", ISSUER, nonce, now), "unknown_credential_configuration");
        assertRejected(wallet, metadata, token, "RepaymentHistoryCredential_dc_sd_jwt",
                proof(holder, holder, "openid4vci-proof+jwt", ISSUER, nonce, now), "insufficient_scope");
        given().contentType("application/json").header("Authorization", "Bearer " + token)
                .body("{\"credential_configuration_id\": \"KycCredential_dc_sd_jwt\"}")
                .when().post("/oid4vci/credential").then().statusCode(400).body("error", org.hamcrest.Matchers.equalTo("invalid_proof"));
        given().contentType("application/json").header("Authorization", "Bearer " + token).body("{not json")
                .when().post("/oid4vci/credential").then().statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_credential_request"));

        // None of the failures used up the token or the nonce: the correct request still succeeds.
        List<String> issued = wallet.requestCredential(metadata, token, configuration, wallet.proof(ISSUER, Optional.of(nonce)));
        assertThat(wallet.accept(metadata, configuration, issued.get(0)).format()).isEqualTo("dc+sd-jwt");

        // The nonce is single-use: a proof for another offer with the same c_nonce is refused.
        JsonNode second = createOffer("KycCredential_dc_sd_jwt", false);
        CredentialOffer resolvedSecond = wallet.resolveOffer(second.path("credential_offer_uri").asText());
        String token2 = wallet.redeem(wallet.tokenEndpoint(metadata, resolvedSecond), resolvedSecond, Optional.empty());
        assertRejected(wallet, metadata, token2, configuration, wallet.proof(ISSUER, Optional.of(nonce)), "invalid_nonce");
        // And the access token of the first offer is spent.
        assertRejected(wallet, metadata, token, configuration,
                wallet.proof(ISSUER, Optional.of(wallet.nonce(metadata.nonceEndpoint().orElseThrow()))), "invalid_token");
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void aDidKeyKidBindsTheJwtCredentialToThatDidAndMalformedKeyHeadersAreRefused() throws Exception {
        SigningKey holder = SigningKey.generate(KeyType.ED25519);
        Oid4vciWallet wallet = wallet(holder);
        JsonNode offer = createOffer("KycCredential_jwt_vc_json", false);
        CredentialOffer resolved = wallet.resolveOffer(offer.path("credential_offer_uri").asText());
        IssuerMetadata metadata = wallet.issuerMetadata(resolved.credentialIssuer());
        String token = wallet.redeem(wallet.tokenEndpoint(metadata, resolved), resolved, Optional.empty());
        String nonce = wallet.nonce(metadata.nonceEndpoint().orElseThrow());
        String did = org.creditmesh.core.did.DidKey.create(holder.publicKey()).toString();
        String payload = "{\"aud\":\"" + ISSUER + "\",\"iat\":" + Instant.now().getEpochSecond() + ",\"nonce\":\"" + nonce + "\"}";
        String publicJwk = holder.publicKey().toJwk().toJSONString();
        String privateJwk = holder.exportPrivateJwk().toJSONString();

        assertRejected(wallet, metadata, token, "KycCredential_jwt_vc_json", rawJws(holder,
                "{\"typ\":\"openid4vci-proof+jwt\",\"alg\":\"EdDSA\",\"jwk\":" + privateJwk + "}", payload), "invalid_proof");
        assertRejected(wallet, metadata, token, "KycCredential_jwt_vc_json", rawJws(holder,
                "{\"typ\":\"openid4vci-proof+jwt\",\"alg\":\"EdDSA\",\"jwk\":" + publicJwk + ",\"kid\":\"" + did + "#k\"}",
                payload), "invalid_proof");
        assertRejected(wallet, metadata, token, "KycCredential_jwt_vc_json", rawJws(holder,
                "{\"typ\":\"openid4vci-proof+jwt\",\"alg\":\"HS256\",\"jwk\":" + publicJwk + "}", payload), "invalid_proof");
        assertRejected(wallet, metadata, token, "KycCredential_jwt_vc_json", rawJws(holder,
                "{\"typ\":\"openid4vci-proof+jwt\",\"alg\":\"EdDSA\",\"kid\":\"https://keys.example/1\"}", payload), "invalid_proof");

        String kid = did + "#" + holder.publicKey().toMultikey();
        List<String> issued = wallet.requestCredential(metadata, token, "KycCredential_jwt_vc_json", rawJws(holder,
                "{\"typ\":\"openid4vci-proof+jwt\",\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}", payload));
        JsonNode claims = parse(new String(Base64.getUrlDecoder().decode(issued.get(0).split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
        // jwt_vc_json: the VCDM 1.1 JWT encoding, the credential in vc and its subject mirrored in sub.
        JsonNode vc = claims.path("vc");
        assertThat(claims.path("sub").asText()).isEqualTo(did);
        assertThat(vc.path("credentialSubject").path("id").asText()).isEqualTo(did);
        assertThat(vc.path("credentialStatus").isArray()).as("a JWT credential gets Bitstring Status List entries").isTrue();
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void anExpiredOfferIsRefusedAndDeletedWithItsClaims() throws Exception {
        JsonNode offer = createOffer("RepaymentHistoryCredential_jwt_vc_json", false);
        String code = preAuthorizedCode(offer);
        // Expiry is moved into the past rather than waited for.
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("UPDATE oid4vci_offer SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
            u.setString(1, offerId(offer));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        given().when().get(URI.create(offer.path("credential_offer_url").asText()).getPath()).then().statusCode(404);
        assertThat(token(code, null).then().statusCode(400).extract().as(JsonNode.class).path("error").asText())
                .isEqualTo("invalid_grant");
        assertThat(single("SELECT count(*) FROM oid4vci_offer WHERE id = ?", offerId(offer))).isEqualTo("0");
    }

    @Test
    void theCredentialEndpointWantsABearerTokenAndOffersWantABureau() {
        given().contentType("application/json").body("{}").when().post("/oid4vci/credential")
                .then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("error", org.hamcrest.Matchers.equalTo("invalid_token"));
        given().contentType("application/json").header("Authorization", "Bearer forged").body("{}")
                .when().post("/oid4vci/credential").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/oid4vci/offers").then().statusCode(401);
        given().when().get("/oid4vci/offers/no-such-offer").then().statusCode(404).contentType("application/problem+json");
        Response nonce = given().when().post("/oid4vci/nonce");
        nonce.then().statusCode(200).header("Cache-Control", "no-store");
        assertThat(nonce.jsonPath().getString("c_nonce")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    @TestSecurity(user = "lender-one", roles = Roles.LENDER)
    void aLenderCannotCreateOffers() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("credential_configuration_id", "KycCredential_dc_sd_jwt");
        body.set("credentialSubject", kycSubject());
        given().contentType("application/json").body(Json.write(body)).when().post("/oid4vci/offers").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void offersRefuseUnknownConfigurationsAndSubjectIds() {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("credential_configuration_id", "NoSuchCredential");
        body.set("credentialSubject", kycSubject());
        given().contentType("application/json").body(Json.write(body)).when().post("/oid4vci/offers")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("oid4vci-unknown-credential-configuration"));
        body.put("credential_configuration_id", "KycCredential_dc_sd_jwt");
        ((ObjectNode) body.get("credentialSubject")).put("id", "did:example:123");
        given().contentType("application/json").body(Json.write(body)).when().post("/oid4vci/offers")
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("invalid-credential"));
        body.remove("credentialSubject");
        body.putObject("credentialSubject").put("identityVerified", true);
        body.putObject("tx_code").put("length", 2);
        given().contentType("application/json").body(Json.write(body)).when().post("/oid4vci/offers")
                .then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "bureau-one", roles = Roles.BUREAU)
    void theQrCodeDecodesToTheOfferUriAndTheOfferObjectFollowsSection4() throws Exception {
        JsonNode offer = createOffer("KycCredential_jwt_vc_json", true);
        assertThat(offer.path("qr_code").path("media_type").asText()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(offer.path("qr_code").path("data").asText())));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(decoded).isEqualTo(offer.path("credential_offer_uri").asText())
                .startsWith("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fidentity.creditmesh.test%2Foid4vci%2Foffers%2F");

        JsonNode object = parse(given().when().get(URI.create(offer.path("credential_offer_url").asText()).getPath())
                .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store").extract().asString());
        assertThat(object.path("credential_issuer").asText()).isEqualTo(ISSUER);
        assertThat(object.path("credential_configuration_ids").toString()).isEqualTo("[\"KycCredential_jwt_vc_json\"]");
        JsonNode grant = object.path("grants").path("urn:ietf:params:oauth:grant-type:pre-authorized_code");
        assertThat(grant.path("pre-authorized_code").asText()).isNotEmpty();
        assertThat(grant.path("tx_code").path("length").asInt()).isEqualTo(6);
        assertThat(grant.path("tx_code").path("input_mode").asText()).isEqualTo("numeric");
        assertThat(object.toString()).doesNotContain(offer.path("tx_code").asText());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static void assertRejected(Oid4vciWallet wallet, IssuerMetadata metadata, String token, String configuration,
                               String proof, String expectedError) {
        assertThatThrownBy(() -> wallet.requestCredential(metadata, token, configuration, proof))
                .isInstanceOfSatisfying(WalletException.class, e -> assertThat(e.oauthError()).contains(expectedError));
    }

    /** A key proof with {@code headerKey} in its jwk header, signed by {@code signer}. */
    static String proof(SigningKey headerKey, SigningKey signer, String typ, String aud, String nonce, Instant iat) throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType(typ))
                .jwk(headerKey.publicKey().toJwk()).build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(aud).issueTime(Date.from(iat));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        jwt.sign(new KeyJwsSigner(signer));
        return jwt.serialize();
    }

    /** A compact JWS with exactly this header JSON (Nimbus would refuse some of the malformed ones). */
    static String rawJws(SigningKey signer, String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return input + "." + b64.encodeToString(signer.sign(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    static Response token(String code, String txCode) {
        var request = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "urn:ietf:params:oauth:grant-type:pre-authorized_code")
                .formParam("pre-authorized_code", code);
        if (txCode != null) {
            request = request.formParam("tx_code", txCode);
        }
        return request.when().post("/oid4vci/token");
    }

    static String preAuthorizedCode(JsonNode offer) {
        JsonNode object = parse(given().when().get(URI.create(offer.path("credential_offer_url").asText()).getPath())
                .then().statusCode(200).extract().asString());
        return object.path("grants").path("urn:ietf:params:oauth:grant-type:pre-authorized_code").path("pre-authorized_code").asText();
    }

    static String offerId(JsonNode offer) {
        String url = offer.path("credential_offer_url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    String single(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Every row of every table of the service's schema, as text. */
    String databaseText() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("oid4vci_offer", "issued_credential", "audit_log");
            for (String table : tables) {
                try (PreparedStatement q = c.prepareStatement("SELECT t::text FROM \"" + table + "\" t");
                     ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (org.creditmesh.core.json.MalformedJsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
