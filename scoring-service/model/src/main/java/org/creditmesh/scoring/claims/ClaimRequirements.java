package org.creditmesh.scoring.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.creditmesh.scoring.scorecard.Scorecard;

/**
 * The claims a trained scorecard needs — one per required attribute, nothing more — split into those the
 * borrower presents from credentials (asked for with {@link Dcql}) and those of the loan application the
 * lender sends with the scoring request (claims of type {@code CreditScoreCredential} in the mapping table,
 * echoed later in {@code assessedApplication}). Protected claims are never among them.
 *
 * @param dataset     the data set whose column names the model's attributes use
 * @param credential  claims to request from the borrower's credentials, in model order
 * @param application claims of the loan application, in model order
 */
public record ClaimRequirements(ClaimFeatureMapping.DatasetMapping dataset, List<RequiredClaim> credential,
                                List<RequiredClaim> application) {

    /** The credential type whose claims describe the application rather than the borrower. */
    public static final String APPLICATION_CREDENTIAL_TYPE = "CreditScoreCredential";

    public ClaimRequirements {
        Objects.requireNonNull(dataset, "dataset");
        credential = List.copyOf(credential);
        application = List.copyOf(application);
    }

    /**
     * Derives the claims {@code scorecard} needs from the mapping of {@code datasetName}.
     *
     * @throws ScoringInputException {@code unknown_dataset}; {@code unmapped_attribute} when an attribute has no
     *         claim; {@code protected_attribute} when an attribute is fed by a protected claim (the model must
     *         have been trained with it marked protected)
     */
    public static ClaimRequirements derive(Scorecard scorecard, ClaimFeatureMapping mapping, String datasetName)
            throws ScoringInputException {
        return forAttributes(scorecard.requiredAttributes(), mapping, datasetName);
    }

    /** As {@link #derive}, for a list of model attributes (data-set column names). */
    public static ClaimRequirements forAttributes(List<String> attributes, ClaimFeatureMapping mapping, String datasetName)
            throws ScoringInputException {
        ClaimFeatureMapping.DatasetMapping dataset = mapping.dataset(datasetName);
        List<RequiredClaim> credential = new ArrayList<>();
        List<RequiredClaim> application = new ArrayList<>();
        for (String attribute : attributes) {
            ClaimFeatureMapping.ColumnMapping column = dataset.column(attribute).orElseThrow(() -> new ScoringInputException(
                    ScoringInputError.UNMAPPED_ATTRIBUTE, attribute,
                    "model attribute '" + attribute + "' is not a column of data set '" + datasetName + "' in the mapping table"));
            if (column.role() == ClaimFeatureMapping.Role.PROTECTED) {
                throw new ScoringInputException(ScoringInputError.PROTECTED_ATTRIBUTE, attribute,
                        "model attribute '" + attribute + "' is protected: fairness report only, never a scoring input");
            }
            if (column.role() != ClaimFeatureMapping.Role.SCORING || column.claims().size() != 1) {
                throw new ScoringInputException(ScoringInputError.UNMAPPED_ATTRIBUTE, attribute,
                        "model attribute '" + attribute + "' is not fed by exactly one scoring claim");
            }
            ClaimFeatureMapping.ClaimDefinition claim = mapping.claim(column.claims().get(0)).orElseThrow();
            if (claim.role() != ClaimFeatureMapping.Role.SCORING) {
                throw new ScoringInputException(ScoringInputError.PROTECTED_ATTRIBUTE, claim.claim(),
                        "claim '" + claim.claim() + "' is not a scoring input");
            }
            RequiredClaim required = new RequiredClaim(attribute, column, claim);
            (claim.credentialType().equals(APPLICATION_CREDENTIAL_TYPE) ? application : credential).add(required);
        }
        return new ClaimRequirements(dataset, credential, application);
    }

    /** The credential claims grouped by credential type, types in first-use order. */
    public Map<String, List<RequiredClaim>> byCredentialType() {
        Map<String, List<RequiredClaim>> grouped = new LinkedHashMap<>();
        credential.forEach(c -> grouped.computeIfAbsent(c.credentialType(), t -> new ArrayList<>()).add(c));
        return grouped;
    }

    /** Every claim the model needs, credential ones first. */
    public List<RequiredClaim> all() {
        List<RequiredClaim> all = new ArrayList<>(credential);
        all.addAll(application);
        return List.copyOf(all);
    }

    /** The names of the claims requested from credentials. */
    public Set<String> credentialClaimNames() {
        Set<String> names = new LinkedHashSet<>();
        credential.forEach(c -> names.add(c.claim().claim()));
        return names;
    }
}
