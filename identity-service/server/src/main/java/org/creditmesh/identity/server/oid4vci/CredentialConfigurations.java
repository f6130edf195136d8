package org.creditmesh.identity.server.oid4vci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credential configurations this issuer offers over OpenID4VCI: KYC and repayment history, each as SD-JWT VC
 * and as a JWT. Claim lists follow the JSON Schemas in the {@code schemas} module.
 */
final class CredentialConfigurations {

    private static final List<String> KYC_CLAIMS = List.of("identityVerified", "assuranceLevel", "identityVerification",
            "countryOfResidence", "ageBand", "ageOver18", "employment", "financialProfile", "telephoneRegistered",
            "residenceDurationBand", "maritalStatus", "sex", "foreignWorker");
    private static final List<String> KYC_MANDATORY = List.of("identityVerified", "assuranceLevel",
            "identityVerification", "countryOfResidence");
    private static final List<String> REPAYMENT_CLAIMS = List.of("reportedAt", "historyMonths", "creditHistoryStatus",
            "hasAdverseRecords", "existingCreditsCount", "otherInstalmentPlans", "onTimeInstalments", "lateInstalments",
            "defaultedInstalments", "currentArrears", "creditUtilisationPercent", "loans");
    private static final List<String> REPAYMENT_MANDATORY = List.of("reportedAt", "historyMonths", "onTimeInstalments",
            "lateInstalments", "defaultedInstalments", "currentArrears");

    private static final Map<String, CredentialConfiguration> ALL = new LinkedHashMap<>();

    static {
        for (String format : List.of(Oid4vciSpecs.FORMAT_SD_JWT, Oid4vciSpecs.FORMAT_JWT_VC_JSON)) {
            String suffix = format.equals(Oid4vciSpecs.FORMAT_SD_JWT) ? "_dc_sd_jwt" : "_jwt_vc_json";
            add(new CredentialConfiguration("KycCredential" + suffix, "KycCredential", format, KYC_CLAIMS, KYC_MANDATORY,
                    "KYC credential"));
            add(new CredentialConfiguration("RepaymentHistoryCredential" + suffix, "RepaymentHistoryCredential", format,
                    REPAYMENT_CLAIMS, REPAYMENT_MANDATORY, "Repayment history credential"));
        }
    }

    private static void add(CredentialConfiguration configuration) {
        ALL.put(configuration.id(), configuration);
    }

    private CredentialConfigurations() {
    }

    static Optional<CredentialConfiguration> byId(String id) {
        return Optional.ofNullable(ALL.get(id));
    }

    static List<CredentialConfiguration> all() {
        return List.copyOf(ALL.values());
    }
}
