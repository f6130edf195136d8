package org.creditmesh.identity.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.identity.server.audit.AuditLog;
import org.creditmesh.identity.server.issuance.IssuanceService;
import org.creditmesh.identity.server.keys.RetentionKeys;
import org.creditmesh.identity.server.retention.ClaimCipher;
import org.creditmesh.identity.server.retention.Retention;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Data protection on a real embedded PostgreSQL: with retention off no claim value is anywhere in the database;
 * with it on the values are stored only as AES-GCM ciphertext bound to their row; erasure removes them and the
 * stored responses, is audited without the subject's identifier, is idempotent, and leaves verification and
 * revocation working. Each test uses its own subject DID and bureau names, so tests do not depend on each other.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class RetentionTest {

    /**
     * The shared lender and bureau organisations (real OAuth2 clients) are registered before any test method runs:
     * inside a {@code @TestSecurity} method, the admin call that registers them would run as that method's identity.
     */
    @org.junit.jupiter.api.BeforeAll
    static void registerSharedOrganisations() {
        TestClients.tokenFor(Roles.LENDER);
        TestClients.tokenFor(Roles.BUREAU);
    }

    private static final String PROBLEMS = "https://creditmesh.org/problems/";
    /** Distinctive claim values of kyc-unsigned.json. */
    private static final List<String> CLAIM_VALUES = List.of("nationalIdCard", "substantial", "35-44", "healthyBalance",
            "carOrOther", "4To7Years", "1To4Years", "livenessCheck");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    IssuanceService issuance;

    @Inject
    Retention retention;

    @Inject
    RetentionKeys retentionKeys;

    @ConfigProperty(name = "creditmesh.data-dir")
    String dataDir;

    static String newSubject() {
        return DidKey.create(SigningKey.generate(KeyType.ED25519).publicKey()).toString();
    }

    static ObjectNode request(String subject, String format) {
        ObjectNode request = (ObjectNode) VcApiTest.parse(VcApiTest.issueRequest(format));
        ObjectNode credential = (ObjectNode) request.get("credential");
        credential.put("id", "urn:uuid:" + UUID.randomUUID());
        ((ObjectNode) credential.get("credentialSubject")).put("id", subject);
        return request;
    }

    static String idOf(ObjectNode request) {
        return request.get("credential").path("id").asText();
    }

    static JsonNode issueOverHttp(ObjectNode request, String idempotencyKey) {
        var spec = given().contentType("application/json").body(Json.write(request));
        if (idempotencyKey != null) {
            spec = spec.header("Idempotency-Key", idempotencyKey);
        }
        return VcApiTest.parse(spec.when().post("/credentials/issue").then().log().ifValidationFails().statusCode(201)
                .extract().asString()).get("verifiableCredential");
    }

    static String path(String subject) {
        // RestAssured percent-encodes the path itself; a DID needs no encoding of its own.
        return "/subjects/" + subject;
    }

    // ---------------------------------------------------------------- retention off / on

    @Test
    @TestSecurity(user = "bureau-keeps-nothing", roles = Roles.BUREAU)
    void withRetentionOffTheDatabaseHoldsNoClaimValue() throws SQLException {
        String subject = newSubject();
        List<String> ids = new ArrayList<>();
        for (String format : List.of("di", "vc+jwt", "dc+sd-jwt")) {
            ObjectNode request = request(subject, format);
            issueOverHttp(request, UUID.randomUUID().toString());
            ids.add(idOf(request));
        }
        given().when().get("/retention/bureau-keeps-nothing").then().statusCode(200).body("retain", equalTo(false));
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", ids)).isZero();
        assertThat(count("SELECT count(*) FROM credential_subject WHERE credential_id = ANY (?) AND subject_ref ~ '^[0-9a-f]{64}$'"
                + " AND bureau = 'bureau-keeps-nothing'", ids)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM idempotency WHERE credential_id = ANY (?)", ids)).isEqualTo(3);
        assertNowhereInTheDatabase(subject);
        CLAIM_VALUES.forEach(this::assertNowhereInTheDatabase);
    }

    @Test
    @TestSecurity(user = "bureau-retains", roles = Roles.BUREAU)
    void withRetentionOnClaimValuesAreOnlyCiphertextThatDecryptsWithTheKey() throws Exception {
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/bureau-retains")
                .then().statusCode(200).body("retain", equalTo(true));
        String subject = newSubject();
        ObjectNode request = request(subject, "di");
        issueOverHttp(request, null);
        String id = idOf(request);

        byte[] nonce;
        byte[] ciphertext;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT key_id, nonce, ciphertext FROM retained_claims WHERE credential_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(retentionKeys.currentId()).matches("[0-9a-f]{16}");
                nonce = rs.getBytes(2);
                ciphertext = rs.getBytes(3);
            }
        }
        assertThat(nonce).hasSize(12);
        assertNowhereInTheDatabase(subject);
        CLAIM_VALUES.forEach(this::assertNowhereInTheDatabase);

        // The dev/test key: generated once in the data folder, owner-only; decrypting with plain javax.crypto and the
        // documented AAD (label || credential id) gives back the credentialSubject as issued.
        Path keyFile = Path.of(dataDir).toAbsolutePath().resolve("retention-key");
        byte[] key = Files.readAllBytes(keyFile);
        assertThat(key).hasSize(32).isEqualTo(retentionKeys.current().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(("creditmesh retained claims\0" + id).getBytes(StandardCharsets.UTF_8));
        JsonNode decrypted = Json.parse(new String(aes.doFinal(ciphertext), StandardCharsets.UTF_8));
        assertThat(decrypted).isEqualTo(request.get("credential").get("credentialSubject"));

        // An access request shows what is held, decrypted, and is audited by reference only.
        given().when().get(path(subject) + "/records").then().statusCode(200)
                .body("records.size()", equalTo(1))
                .body("records[0].credentialId", equalTo(id))
                .body("records[0].claimsRetained", equalTo(true))
                .body("records[0].claims.identityVerification.documentType", equalTo("nationalIdCard"))
                .body("records[0].claims.id", equalTo(subject));
        assertNowhereInTheDatabase(subject);
    }

    @Test
    @TestSecurity(user = "bureau-swap", roles = Roles.BUREAU)
    void aCiphertextMovedToAnotherRowDoesNotDecrypt() throws Exception {
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/bureau-swap").then().statusCode(200);
        ObjectNode a = request(newSubject(), "vc+jwt");
        ObjectNode b = request(newSubject(), "vc+jwt");
        issueOverHttp(a, null);
        issueOverHttp(b, null);
        ClaimCipher.Sealed sealedA = sealed(idOf(a));
        ClaimCipher cipher = new ClaimCipher();
        assertThat(Json.parse(cipher.open(retentionKeys.current(), idOf(a), sealedA)).path("ageBand").asText()).isEqualTo("35-44");
        assertThatThrownBy(() -> cipher.open(retentionKeys.current(), idOf(b), sealedA)).isInstanceOf(AEADBadTagException.class);

        // The same swap done in the database: row b now holds a's nonce and ciphertext; reading b's claims fails
        // (a 500 problem without details), it never shows a's claims as b's.
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE retained_claims SET nonce = ?, ciphertext = ? WHERE credential_id = ?")) {
            u.setBytes(1, sealedA.nonce());
            u.setBytes(2, sealedA.ciphertext());
            u.setString(3, idOf(b));
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
        String bSubject = b.get("credential").get("credentialSubject").get("id").asText();
        String answer = given().when().get(path(bSubject) + "/records").then().statusCode(500)
                .contentType("application/problem+json").extract().asString();
        assertThat(answer).doesNotContain("35-44").doesNotContain("Exception");
    }

    @Test
    @TestSecurity(user = "bureau-plain", roles = Roles.BUREAU)
    void retainTrueNeedsTheBureausSettingAndSettingsAreTheBureausOwn() {
        ObjectNode request = request(newSubject(), "di");
        ((ObjectNode) request.get("options")).put("retain", true);
        given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "retention-not-enabled"));
        ((ObjectNode) request.get("options")).put("retain", "yes");
        given().contentType("application/json").body(Json.write(request)).when().post("/credentials/issue")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/another-bureau")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "forbidden"));
        given().when().get("/retention/another-bureau").then().statusCode(403);
        given().contentType("application/json").body("{\"retain\": \"on\"}").when().put("/retention/bureau-plain")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-request"));
    }

    @Test
    @TestSecurity(user = "bureau-opts-out", roles = Roles.BUREAU)
    void retainFalseSkipsRetentionForOneCredential() throws SQLException {
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/bureau-opts-out").then().statusCode(200);
        ObjectNode kept = request(newSubject(), "di");
        ObjectNode skipped = request(newSubject(), "di");
        ((ObjectNode) skipped.get("options")).put("retain", false);
        issueOverHttp(kept, null);
        issueOverHttp(skipped, null);
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(kept)))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(skipped)))).isZero();
    }

    // ---------------------------------------------------------------- erasure

    @Test
    @TestSecurity(user = "bureau-erases", roles = Roles.BUREAU)
    void erasureRemovesTheSubjectsDataIsAuditedIdempotentAndLeavesStatusWorking() throws Exception {
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/bureau-erases").then().statusCode(200);
        String subject = newSubject();
        String bystander = newSubject();
        ObjectNode first = request(subject, "di");
        ObjectNode second = request(subject, "dc+sd-jwt");
        ObjectNode other = request(bystander, "di");
        String idempotencyKey = UUID.randomUUID().toString();
        JsonNode firstVc = issueOverHttp(first, idempotencyKey);
        JsonNode secondVc = issueOverHttp(second, null);
        issueOverHttp(other, null);
        List<String> ids = List.of(idOf(first), idOf(second));
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", ids)).isEqualTo(2);

        long auditBefore = count("SELECT count(*) FROM audit_log", List.of());
        String erased = given().when().delete(path(subject)).then().statusCode(200).contentType("application/json")
                .body("credentials", equalTo(2)).body("retainedClaims", equalTo(2)).body("idempotentResponses", equalTo(1))
                .extract().asString();
        assertThat(erased).doesNotContain(subject);
        String subjectRef = VcApiTest.parse(erased).path("subjectRef").asText();
        assertThat(subjectRef).matches("subject:hmac-sha256:[0-9a-f]{64}");

        // Gone: the retained values and the stored response; kept: the bystander's values, hashes and status.
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", ids)).isZero();
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(other)))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency WHERE credential_id = ANY (?) AND response IS NULL", ids)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM issued_credential WHERE id = ANY (?) AND hash ~ '^[0-9a-f]{64}$'", ids)).isEqualTo(2);

        // Audited: actor, keyed reference and counts; never the identifier; the chain stays intact.
        assertThat(count("SELECT count(*) FROM audit_log", List.of())).isEqualTo(auditBefore + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT actor, action, subject_ref, outcome FROM audit_log ORDER BY seq DESC LIMIT 1");
             ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("bureau-erases");
            assertThat(rs.getString(2)).isEqualTo("erase-subject");
            assertThat(rs.getString(3)).isEqualTo(subjectRef);
            assertThat(rs.getString(4)).isEqualTo("credentials=2 retainedClaims=2 idempotentResponses=1");
            assertThat(audit.verifyChain(c)).isEqualTo(-1);
        }
        assertNowhereInTheDatabase(subject);

        // A retry of the erased request is answered "erased" and issues nothing.
        long issued = count("SELECT count(*) FROM issued_credential", List.of());
        given().contentType("application/json").header("Idempotency-Key", idempotencyKey).body(Json.write(first))
                .when().post("/credentials/issue").then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotent-response-erased"));
        assertThat(count("SELECT count(*) FROM issued_credential", List.of())).isEqualTo(issued);

        // Idempotent: the second erasure finds nothing more to erase.
        given().when().delete(path(subject)).then().statusCode(200)
                .body("credentials", equalTo(0)).body("retainedClaims", equalTo(0)).body("idempotentResponses", equalTo(0))
                .body("subjectRef", equalTo(subjectRef));
        given().when().get(path(subject) + "/records").then().statusCode(200)
                .body("records.size()", equalTo(2)).body("records.claimsRetained", org.hamcrest.Matchers.everyItem(equalTo(false)))
                .body("records.erasedAt", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue()));

        // The credentials still verify, and can still be revoked, after which they fail with "revoked".
        VcApiTest.verify(firstVc).then().statusCode(200);
        VcApiTest.verify(secondVc).then().statusCode(200);
        for (String id : ids) {
            given().contentType("application/json").body("{\"credentialId\":\"" + id + "\",\"status\":\"revoked\"}")
                    .when().post("/credentials/status").then().statusCode(200).body("revoked", equalTo(true));
        }
        VcApiTest.verify(firstVc).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
        VcApiTest.verify(secondVc).then().statusCode(422).body("checks.find { it.check == 'status' }.code", equalTo("revoked"));
    }

    @Test
    @TestSecurity(user = "governance-admin", roles = Roles.ADMIN)
    void erasingAnUnknownSubjectIsNotAnErrorAndLeaksNothing() throws SQLException {
        String unknown = "did:example:never-seen-" + UUID.randomUUID();
        String answer = given().when().delete(path(unknown)).then().statusCode(200).contentType("application/json")
                .body("credentials", equalTo(0)).body("retainedClaims", equalTo(0)).body("idempotentResponses", equalTo(0))
                .extract().asString();
        assertThat(answer).doesNotContain(unknown).doesNotContain("never-seen");
        given().when().get(path(unknown) + "/records").then().statusCode(200).body("records.size()", equalTo(0));
        assertNowhereInTheDatabase("never-seen");
    }

    @Test
    @TestSecurity(user = "bureau-x", roles = Roles.BUREAU)
    void aBureauErasesOnlyWhatItIssued() throws SQLException {
        String subject = newSubject();
        retention.changeSetting("bureau-x", true, "test-setup");
        retention.changeSetting("bureau-y", true, "test-setup");
        ObjectNode byX = request(subject, "di");
        ObjectNode byY = request(subject, "di");
        issuance.issue(Json.write(byX).getBytes(StandardCharsets.UTF_8), Optional.empty(), "bureau-x");
        issuance.issue(Json.write(byY).getBytes(StandardCharsets.UTF_8), Optional.empty(), "bureau-y");
        given().when().get(path(subject) + "/records").then().statusCode(200)
                .body("records.size()", equalTo(1)).body("records[0].credentialId", equalTo(idOf(byX)));
        given().when().delete(path(subject)).then().statusCode(200).body("credentials", equalTo(1)).body("retainedClaims", equalTo(1));
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(byX)))).isZero();
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(byY)))).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "governance-admin", roles = Roles.ADMIN)
    void anAdminErasesEveryBureausRecordsOfTheSubject() throws SQLException {
        String subject = newSubject();
        retention.changeSetting("bureau-p", true, "test-setup");
        retention.changeSetting("bureau-q", true, "test-setup");
        ObjectNode byP = request(subject, "vc+jwt");
        ObjectNode byQ = request(subject, "dc+sd-jwt");
        issuance.issue(Json.write(byP).getBytes(StandardCharsets.UTF_8), Optional.empty(), "bureau-p");
        issuance.issue(Json.write(byQ).getBytes(StandardCharsets.UTF_8), Optional.empty(), "bureau-q");
        given().when().delete(path(subject)).then().statusCode(200).body("credentials", equalTo(2)).body("retainedClaims", equalTo(2));
        assertThat(count("SELECT count(*) FROM retained_claims WHERE credential_id = ANY (?)", List.of(idOf(byP), idOf(byQ)))).isZero();
    }

    @Test
    @TestSecurity(user = "some-lender", roles = Roles.LENDER)
    void lendersCannotEraseOrReadSubjects() {
        given().when().delete(path(newSubject())).then().statusCode(403);
        given().when().get(path(newSubject()) + "/records").then().statusCode(403);
        given().when().get("/retention/some-lender").then().statusCode(403);
    }

    @Test
    void anonymousCallersCannotEraseSubjects() {
        given().when().delete(path(newSubject())).then().statusCode(401);
        given().contentType("application/json").body("{\"retain\": true}").when().put("/retention/anyone").then().statusCode(401);
    }

    // ---------------------------------------------------------------- helpers

    private ClaimCipher.Sealed sealed(String credentialId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT key_id, nonce, ciphertext FROM retained_claims WHERE credential_id = ?")) {
            q.setString(1, credentialId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new ClaimCipher.Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3));
            }
        }
    }

    /** Every text-like and binary column of every table of the service, searched for {@code value} as text and as UTF-8 bytes. */
    private void assertNowhereInTheDatabase(String value) {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT table_name, column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema()
                      AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            assertThat(columns).extracting(col -> col[0]).contains("retained_claims", "credential_subject", "idempotency",
                    "issued_credential", "audit_log", "token_status_list");
            for (String[] col : columns) {
                String sql = col[2].equals("bytea")
                        ? "SELECT count(*) FROM \"" + col[0] + "\" WHERE position(convert_to(?, 'UTF8') IN \"" + col[1] + "\") > 0"
                        : "SELECT count(*) FROM \"" + col[0] + "\" WHERE strpos(\"" + col[1] + "\"::text, ?) > 0";
                try (PreparedStatement q = c.prepareStatement(sql)) {
                    q.setString(1, value);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(hits).as("columns holding '" + value + "'").isEmpty();
    }

    private long count(String sql, List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
