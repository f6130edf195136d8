package org.creditmesh.scoring.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claims to credit-g and credit_data feature values through the value mappings of {@code claim-feature-mapping.json}. */
class ClaimsToFeaturesTest {

    private static final String KYC = "https://creditmesh.org/vct/KycCredential";
    private static final String REPAYMENT = "https://creditmesh.org/vct/RepaymentHistoryCredential";

    private static ClaimFeatureMapping mapping;
    private static ClaimsToFeatures creditG;

    @BeforeAll
    static void load() throws Exception {
        mapping = ClaimFeatureMapping.load();
        List<String> scoring = mapping.dataset("credit-g").columns().values().stream()
                .filter(c -> c.role() == ClaimFeatureMapping.Role.SCORING).map(ClaimFeatureMapping.ColumnMapping::column).toList();
        creditG = new ClaimsToFeatures(ClaimRequirements.forAttributes(scoring, mapping, "credit-g"));
    }

    /** Disclosed SD-JWT VC claims of a KycCredential, credit-g shaped (amounts in DEM). */
    static ObjectNode kyc() throws Exception {
        return Json.parseObject("""
                {"vct":"https://creditmesh.org/vct/KycCredential","sub":"did:key:z6Mk","ageBand":"35-44","sex":"female",
                 "employment":{"employmentDurationBand":"4To7Years","jobSkillLevel":"skilled"},
                 "financialProfile":{"checkingAccountStatus":"lowBalance","housingStatus":"rent","propertyType":"carOrOther",
                   "dependentsCount":1,"savingsBalanceBand":{"minAmount":100,"maxAmount":500,"currency":"DEM"}},
                 "telephoneRegistered":true,"residenceDurationBand":"1To4Years"}""");
    }

    static ObjectNode repayment() throws Exception {
        return Json.parseObject("""
                {"vct":"https://creditmesh.org/vct/RepaymentHistoryCredential","creditHistoryStatus":"existingPaidDuly",
                 "existingCreditsCount":2,"otherInstalmentPlans":"none"}""");
    }

    static ObjectNode application() throws Exception {
        return Json.parseObject("""
                {"loanPurpose":"usedCar","loanAmount":4200,"loanDurationMonths":24,"instalmentRatePercent":22,
                 "otherDebtors":"none","currency":"DEM"}""");
    }

    @Test
    void mapsEveryCreditGScoringClaimToItsColumnValue() throws Exception {
        Map<String, String> f = creditG.features(List.of(kyc(), repayment()), application());

        assertThat(f).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("checking_status", "0<=X<200"), Map.entry("duration", "24"),
                Map.entry("credit_history", "existing paid"), Map.entry("purpose", "used car"),
                Map.entry("credit_amount", "4200"), Map.entry("savings_status", "100<=X<500"),
                Map.entry("employment", "4<=X<7"), Map.entry("installment_commitment", "3"),
                Map.entry("other_parties", "none"), Map.entry("residence_since", "2"),
                Map.entry("property_magnitude", "car"), Map.entry("other_payment_plans", "none"),
                Map.entry("housing", "rent"), Map.entry("existing_credits", "2"), Map.entry("job", "skilled"),
                Map.entry("num_dependents", "1"), Map.entry("own_telephone", "yes")));
        // Disclosed protected claims (ageBand, sex) never become features.
        assertThat(f).doesNotContainKeys("age", "personal_status", "foreign_worker");
    }

    @Test
    void aNarrowerBandFallsInTheCodedBandThatContainsItAndPercentagesUseHalfOpenRanges() throws Exception {
        ObjectNode k = kyc();
        k.withObjectProperty("financialProfile").set("savingsBalanceBand", Json.parseObject("{\"minAmount\":2000,\"maxAmount\":5000,\"currency\":\"DEM\"}"));
        ObjectNode a = application();
        a.put("instalmentRatePercent", 35);
        Map<String, String> f = creditG.features(List.of(k, repayment()), a);
        assertThat(f).containsEntry("savings_status", ">=1000").containsEntry("installment_commitment", "1");
        a.put("instalmentRatePercent", 0);
        assertThat(creditG.features(List.of(k, repayment()), a)).containsEntry("installment_commitment", "4");
    }

    @Test
    void anAbsentSavingsBandInAPresentedKycCredentialIsNoKnownSavingsAsTheTableSays() throws Exception {
        ObjectNode k = kyc();
        k.withObjectProperty("financialProfile").remove("savingsBalanceBand");
        assertThat(creditG.features(List.of(k, repayment()), application())).containsEntry("savings_status", "no known savings");
    }

    @Test
    void aMissingNeededClaimIsMissingClaimNamingIt() throws Exception {
        ObjectNode r = repayment();
        r.remove("creditHistoryStatus");
        expect(() -> creditG.features(List.of(kyc(), r), application()), "missing_claim", "creditHistoryStatus");
        // Without the KYC credential even the savings band (absent = its own code) is missing, not defaulted.
        expect(() -> creditG.features(List.of(repayment()), application()), "missing_claim", "checkingAccountStatus");
        ObjectNode a = application();
        a.remove("loanAmount");
        expect(() -> creditG.features(List.of(kyc(), repayment()), a), "missing_claim", "loanAmount");
        expect(() -> creditG.features(List.of(kyc(), repayment()), null), "missing_claim", "loanDurationMonths");
    }

    @Test
    void valuesOutsideTheSchemaRangeOrEveryBandAreClaimOutOfRange() throws Exception {
        ObjectNode r = repayment();
        r.put("existingCreditsCount", -1);
        expect(() -> creditG.features(List.of(kyc(), r), application()), "claim_out_of_range", "existingCreditsCount");
        ObjectNode k = kyc();
        k.withObjectProperty("financialProfile").put("dependentsCount", 31);
        expect(() -> creditG.features(List.of(k, repayment()), application()), "claim_out_of_range", "dependentsCount");
        ObjectNode a = application();
        a.put("instalmentRatePercent", 150);
        expect(() -> creditG.features(List.of(kyc(), repayment()), a), "claim_out_of_range", "instalmentRatePercent");
        ObjectNode d = application();
        d.put("loanDurationMonths", 0);
        expect(() -> creditG.features(List.of(kyc(), repayment()), d), "claim_out_of_range", "loanDurationMonths");
        // A band that straddles two coded bands fits none of them.
        ObjectNode s = kyc();
        s.withObjectProperty("financialProfile").set("savingsBalanceBand", Json.parseObject("{\"minAmount\":50,\"maxAmount\":700,\"currency\":\"DEM\"}"));
        expect(() -> creditG.features(List.of(s, repayment()), application()), "claim_out_of_range", "savingsBalanceBand");
    }

    @Test
    void unknownCodesWrongTypesForeignCurrenciesAndDuplicatesAreRefused() throws Exception {
        ObjectNode k = kyc();
        k.withObjectProperty("financialProfile").put("checkingAccountStatus", "platinum");
        expect(() -> creditG.features(List.of(k, repayment()), application()), "unknown_claim_value", "checkingAccountStatus");
        ObjectNode e = kyc();
        e.withObjectProperty("financialProfile").set("savingsBalanceBand", Json.parseObject("{\"minAmount\":100,\"maxAmount\":500,\"currency\":\"EUR\"}"));
        expect(() -> creditG.features(List.of(e, repayment()), application()), "unknown_claim_value", "savingsBalanceBand");
        ObjectNode t = kyc();
        t.put("telephoneRegistered", "yes");
        expect(() -> creditG.features(List.of(t, repayment()), application()), "invalid_claim_type", "telephoneRegistered");
        ObjectNode a = application();
        a.put("loanAmount", "4200");
        expect(() -> creditG.features(List.of(kyc(), repayment()), a), "invalid_claim_type", "loanAmount");
        expect(() -> creditG.features(List.of(kyc(), repayment(), repayment()), application()), "duplicate_credential", null);
    }

    @Test
    void creditDataBandsBecomeTheirMidpointsAndNaIsTheAbsentClaim() throws Exception {
        ClaimsToFeatures cd = new ClaimsToFeatures(ClaimRequirements.forAttributes(
                List.of("Income", "Assets", "Home", "Records", "Seniority"), mapping, "credit_data"));
        ObjectNode k = Json.parseObject("""
                {"vct":"https://creditmesh.org/vct/KycCredential","employment":{"employmentSeniorityYears":5},
                 "financialProfile":{"incomeBand":{"minAmount":100,"maxAmount":150,"currency":"EUR"},"housingStatus":"withParents"}}""");
        ObjectNode r = Json.parseObject("{\"vct\":\"" + REPAYMENT + "\",\"hasAdverseRecords\":false}");
        assertThat(cd.features(List.of(k, r))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Income", "125", "Assets", "NA", "Home", "parents", "Records", "no", "Seniority", "5"));
        assertThat(KYC).isNotEqualTo(REPAYMENT);
    }

    private static void expect(ThrowingCall call, String code, String claim) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScoringInputException.class, e -> {
            assertThat(e.code().code()).isEqualTo(code);
            if (claim != null) {
                assertThat(e.claim()).contains(claim);
                assertThat(e.getMessage()).contains(claim);
            }
        });
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
