package org.creditmesh.identity.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditmesh.identity.server.TestClients.given;
import static org.creditmesh.identity.server.TrustFixtures.accredit;
import static org.creditmesh.identity.server.TrustFixtures.change;
import static org.creditmesh.identity.server.TrustFixtures.now;
import static org.creditmesh.identity.server.TrustFixtures.signKyc;
import static org.creditmesh.identity.server.TrustFixtures.trustCheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRecord;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.chain.IssuerStatus;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.trust.SigningKeyAddress;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.verifier.SecuringFormat;
import org.junit.jupiter.api.Test;

/**
 * The trust registry mirrored to the on-chain IssuerRegistry (2-of-3: this service and two other admins, who approve
 * with the registry client) on a real anvil and a real embedded PostgreSQL, and the verifier trusting issuers by the
 * chain ({@code creditmesh.trust.source=chain}) rather than by this service's database.
 */
@QuarkusTest
@TestProfile(OnChainTrustTest.ChainTrust.class)
class OnChainTrustTest {

    public static final class ChainTrust implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class), new TestResourceEntry(RegistryAnvilResource.class));
        }
    }

    private static final Duration DAY = Duration.ofDays(1);
    private static final Hash32 KYC = IssuerRegistryClient.credentialTypeHash("KycCredential");

    @Inject
    AgroalDataSource dataSource;

    /** The accreditation's {@code chain} view, polled until it satisfies {@code until} (bounded). */
    private static JsonNode chainOf(String did, String id, Predicate<JsonNode> until) throws Exception {
        JsonNode chain = null;
        for (int i = 0; i < 300; i++) {
            JsonNode body = VcApiTest.parse(given().get("/trust/accreditations/" + did).then().statusCode(200).extract().asString());
            for (JsonNode a : body.path("accreditations")) {
                if (a.path("id").asText().equals(id)) {
                    chain = a.path("chain");
                }
            }
            if (chain != null && until.test(chain)) {
                return chain;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("accreditation " + id + " never reached the expected chain state; last: " + chain);
    }

    private static Predicate<JsonNode> state(String action, String state) {
        return c -> c.path("action").asText().equals(action) && c.path("state").asText().equals(state);
    }

    private static void approveAsSecondAdmin(long proposalId) throws Exception {
        try (ChainClient admin = RegistryAnvilResource.secondAdmin()) {
            IssuerRegistryClient.at(admin, RegistryAnvilResource.registry()).approve(proposalId);
        }
    }

    private static <T> T read(ChainRead<T> read) throws Exception {
        try (ChainClient admin = RegistryAnvilResource.secondAdmin()) {
            return read.apply(IssuerRegistryClient.at(admin, RegistryAnvilResource.registry()));
        }
    }

    @FunctionalInterface
    private interface ChainRead<T> {
        T apply(IssuerRegistryClient registry) throws Exception;
    }

    @Test
    void anAccreditationIsExecutedOnChainOnceTheSecondAdminApprovesAndItsSuspensionIsMirroredToo() throws Exception {
        CredentialIssuer bureau = TrustFixtures.newIssuer();
        Hash32 didHash = IssuerRegistryClient.didHash(bureau.issuer());
        Instant until = now().plus(DAY.multipliedBy(60));
        String id = accredit(bureau.issuer(), List.of("KycCredential"), now().minus(DAY.multipliedBy(30)), until);
        JsonNode kyc = signKyc(bureau, SecuringFormat.DATA_INTEGRITY, now().minus(DAY));

        JsonNode proposed = chainOf(bureau.issuer(), id, state("accredit", "proposed"));
        // Accredited in this service's database, but not yet on chain: the chain decides.
        JsonNode refused = trustCheck(VcApiTest.verify(kyc).then().statusCode(422).extract().response());
        assertThat(refused.path("code").asText()).isEqualTo("untrusted_issuer");
        assertThat(read(r -> r.isAccredited(didHash, KYC, now())).booleanValue()).isFalse();

        approveAsSecondAdmin(proposed.path("proposalId").asLong());
        chainOf(bureau.issuer(), id, state("accredit", "executed"));
        IssuerRecord onChain = read(r -> r.issuer(didHash));
        assertThat(onChain.status()).isEqualTo(IssuerStatus.ACCREDITED);
        assertThat(onChain.signingKey()).isEqualToIgnoringCase(SigningKeyAddress.ofDid(bureau.issuer()));
        assertThat(onChain.credentialTypes()).containsExactly(KYC);
        assertThat(onChain.validUntil()).as("inclusive on chain").isEqualTo(until.minusSeconds(1));
        JsonNode trusted = trustCheck(VcApiTest.verify(kyc).then().statusCode(200).extract().response());
        assertThat(trusted.path("outcome").asText()).isEqualTo("passed");
        assertThat(trusted.path("detail").asText()).contains("on-chain registry");

        change(id, "suspend", null).then().statusCode(200);
        JsonNode suspension = chainOf(bureau.issuer(), id, state("suspend", "proposed"));
        approveAsSecondAdmin(suspension.path("proposalId").asLong());
        chainOf(bureau.issuer(), id, state("suspend", "executed"));
        assertThat(read(r -> r.issuer(didHash)).status()).isEqualTo(IssuerStatus.SUSPENDED);
        JsonNode suspended = trustCheck(VcApiTest.verify(kyc).then().statusCode(422).extract().response());
        assertThat(suspended.path("code").asText()).isEqualTo("untrusted_issuer");
    }

    @Test
    void theVerifierTrustsABureauAccreditedOnChainThatThisServiceNeverAccredited() throws Exception {
        CredentialIssuer bureau = TrustFixtures.newIssuer();
        Hash32 didHash = IssuerRegistryClient.didHash(bureau.issuer());
        GovernanceAction accredit = GovernanceAction.accredit(didHash, SigningKeyAddress.ofDid(bureau.issuer()), List.of(KYC),
                now().minus(DAY.multipliedBy(10)), now().plus(DAY.multipliedBy(10)));
        // Proposed and approved by the two other admins: the service neither knows nor approves it.
        long proposal = read(r -> r.propose(accredit).proposalId());
        JsonNode kyc = signKyc(bureau, SecuringFormat.JOSE, now().minus(DAY));
        assertThat(trustCheck(VcApiTest.verify(kyc).then().statusCode(422).extract().response()).path("code").asText())
                .isEqualTo("untrusted_issuer");
        try (ChainClient third = RegistryAnvilResource.thirdAdmin()) {
            assertThat(IssuerRegistryClient.at(third, RegistryAnvilResource.registry()).approve(proposal).executed()).isTrue();
        }
        given().get("/trust/accreditations/" + bureau.issuer()).then().statusCode(404);
        assertThat(trustCheck(VcApiTest.verify(kyc).then().statusCode(200).extract().response()).path("outcome").asText())
                .isEqualTo("passed");
    }

    @Test
    void anAccreditationAcceptedWhileTheChainIsDownLandsOnChainWhenItIsBack() throws Exception {
        CredentialIssuer bureau = TrustFixtures.newIssuer();
        String id;
        RegistryAnvilResource.stopChain();
        try {
            id = accredit(bureau.issuer(), List.of("KycCredential"), now().minus(DAY), now().plus(DAY.multipliedBy(30)));
            JsonNode waiting = chainOf(bureau.issuer(), id, c -> c.path("error").asText().equals("rpc_unavailable"));
            assertThat(waiting.path("state").asText()).isEqualTo("pending");
        } finally {
            RegistryAnvilResource.startChain();
        }
        JsonNode proposed = chainOf(bureau.issuer(), id, state("accredit", "proposed"));
        approveAsSecondAdmin(proposed.path("proposalId").asLong());
        chainOf(bureau.issuer(), id, state("accredit", "executed"));
        assertThat(read(r -> r.isAccredited(IssuerRegistryClient.didHash(bureau.issuer()), KYC, now())).booleanValue()).isTrue();
    }

    @Test
    void theBootstrapAccreditationIsMirroredAndTheQueueHoldsOnlyHashesAndAddresses() throws Exception {
        String did;
        String id;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT subject_did, id FROM accreditation WHERE created_by = 'system:bootstrap'");
             ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).as("the trust bootstrap accredited the service's issuer").isTrue();
            did = rs.getString(1);
            id = rs.getString(2);
        }
        chainOf(did, id, state("accredit", "proposed"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT ref, encode(did_hash, 'hex'), calldata FROM registry_change");
             ResultSet rs = q.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).startsWith("accreditation:");
                assertThat(rs.getString(2) + rs.getString(3)).doesNotContain("did:").matches("[0-9a-fx]+");
            }
            assertThat(rows).isPositive();
        }
    }

    @Test
    void aDidWhoseKeyTheServiceCannotDeriveNeedsItsSigningKeyWhileMirroring() {
        TrustFixtures.postAccreditation("did:web:bureau-elsewhere.example", List.of("KycCredential"), now(), now().plus(DAY))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo(TrustFixtures.PROBLEMS + "invalid-accreditation"));
        String body = "{\"did\": \"did:web:bureau-elsewhere.example\", \"types\": [\"KycCredential\"], \"validFrom\": \""
                + now() + "\", \"validUntil\": \"" + Instant.now().plus(DAY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\", \"signingKey\": \"0x00000000000000000000000000000000000000ab\"}";
        given().contentType("application/json").body(body).post("/trust/accreditations").then().statusCode(201);
    }
}
