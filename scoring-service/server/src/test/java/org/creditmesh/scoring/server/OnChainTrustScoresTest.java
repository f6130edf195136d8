package org.creditmesh.scoring.server;

import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.VerificationFailure;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bureau trust from the on-chain IssuerRegistry (a real anvil): a bureau accredited there for both credential types
 * scores; one accredited for KYC only is refused for its repayment-history credential; an unknown one is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = IssuerRegistryTestResource.class, restrictToAnnotatedClass = true)
class OnChainTrustScoresTest {

    @Inject
    ModelRegistry registry;

    @BeforeEach
    void defaultModel() throws Exception {
        ScoresApiTest.registerDefaultModel(registry);
    }

    private static io.restassured.response.Response score(Map<String, SigningKey> issuers) throws Exception {
        Challenge challenge = ScoresApiTest.challenge();
        return ScoresApiTest.post(ScoresApiTest.body(ScoresApiTest.vpToken(new Wallet(), ScoresApiTest.dcql(), challenge, null,
                Map.of(), issuers), challenge.nonce(), false));
    }

    @Test
    @TestSecurity(user = "lender-1", roles = "lender")
    void onlyBureausAccreditedOnChainForEachCredentialTypeAreTrusted() throws Exception {
        JsonNode dcql = ScoresApiTest.dcql();
        ScoresApiTest.Assumptions.assumeBoth(dcql);
        score(Map.of()).then().statusCode(200);
        score(Map.of(Wallet.KYC, IssuerRegistryTestResource.KYC_ONLY, Wallet.REPAYMENT, IssuerRegistryTestResource.KYC_ONLY))
                .then().statusCode(422).body("failures", hasItem(VerificationFailure.UNTRUSTED_ISSUER.code()));
        SigningKey stranger = SigningKey.generate(KeyType.ED25519);
        score(Map.of(Wallet.KYC, stranger, Wallet.REPAYMENT, stranger))
                .then().statusCode(422).body("failures", hasItem(VerificationFailure.UNTRUSTED_ISSUER.code()));
    }
}
