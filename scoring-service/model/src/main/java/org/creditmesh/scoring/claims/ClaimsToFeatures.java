package org.creditmesh.scoring.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.verifier.VerificationReport;

/**
 * Turns the verified, disclosed claims of one or more presentations (plus the loan application the lender
 * sends) into the attribute → value map {@link org.creditmesh.scoring.scorecard.Scorecard#score(Map)} takes,
 * applying the value mappings (codes, bands) of the mapping table. Every needed claim must be there and
 * valid: a missing or unknown value is an error naming the claim, never a default. The one exception is
 * written in the table itself: a column whose coded values include "claim absent" (credit-g's
 * {@code no known savings}, credit_data's {@code NA}) takes that value when its credential was presented
 * without the claim.
 *
 * <p>Only the claims in {@link ClaimRequirements} are read; protected claims are never requested, so never
 * read, even when a presentation discloses them.
 */
public final class ClaimsToFeatures {

    private static final Set<String> TRANSFORMS = Set.of("identity", "enum", "boolean", "codedAmountBand", "percentBand", "amountBand");

    private final ClaimRequirements requirements;

    public ClaimsToFeatures(ClaimRequirements requirements) throws ScoringInputException {
        this.requirements = Objects.requireNonNull(requirements, "requirements");
        for (RequiredClaim c : requirements.all()) {
            if (!TRANSFORMS.contains(c.column().transform())) {
                throw new ScoringInputException(ScoringInputError.UNMAPPED_ATTRIBUTE, c.attribute(),
                        "column '" + c.attribute() + "' uses transform '" + c.column().transform() + "', which is not a scoring input");
            }
        }
    }

    public ClaimRequirements requirements() {
        return requirements;
    }

    /**
     * The claims of a verification report, refused unless every check passed ({@link VerificationReport#verified()});
     * for an SD-JWT presentation these are the disclosed claims only.
     */
    public static ObjectNode verifiedClaims(VerificationReport report) throws ScoringInputException {
        if (!report.verified() || report.claims().isEmpty()) {
            throw new ScoringInputException(ScoringInputError.UNVERIFIED_PRESENTATION, null, "the presentation did not verify: "
                    + report.failures().stream().map(f -> f.code()).distinct().toList());
        }
        return report.claims().get();
    }

    /** The features from presentations alone (a model with no application attributes). */
    public Map<String, String> features(List<ObjectNode> presentedClaims) throws ScoringInputException {
        return features(presentedClaims, null);
    }

    /**
     * The features of one applicant.
     *
     * @param presentedClaims the claims of each verified presentation ({@code VerificationReport.claims()}),
     *                        each with its {@code vct}
     * @param application     the loan application members by claim name ({@code loanAmount}, ...), or {@code null}
     *                        when the model needs none
     * @throws ScoringInputException {@code missing_claim}, {@code claim_out_of_range}, {@code unknown_claim_value},
     *                               {@code invalid_claim_type}, {@code duplicate_credential}; each names the claim
     */
    public Map<String, String> features(List<ObjectNode> presentedClaims, ObjectNode application) throws ScoringInputException {
        Map<String, ObjectNode> byVct = new HashMap<>();
        for (ObjectNode claims : presentedClaims) {
            String vct = claims.path("vct").asText("");
            if (byVct.putIfAbsent(vct, claims) != null) {
                throw new ScoringInputException(ScoringInputError.DUPLICATE_CREDENTIAL, null,
                        "two presented credentials of type " + vct + "; present one of each type");
            }
        }
        Map<String, String> features = new LinkedHashMap<>();
        for (RequiredClaim c : requirements.credential()) {
            ObjectNode source = byVct.get(c.vct());
            Optional<JsonNode> value = source == null ? Optional.empty() : at(source, c.claim().path());
            features.put(c.attribute(), feature(c, value, source != null));
        }
        for (RequiredClaim c : requirements.application()) {
            Optional<JsonNode> value = application == null ? Optional.empty()
                    : Optional.ofNullable(application.get(c.claim().claim())).filter(v -> !v.isNull());
            features.put(c.attribute(), feature(c, value, false));
        }
        return features;
    }

    private static Optional<JsonNode> at(ObjectNode claims, List<String> path) {
        JsonNode node = claims;
        for (String element : path) {
            node = node.get(element);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private String feature(RequiredClaim c, Optional<JsonNode> value, boolean credentialPresented) throws ScoringInputException {
        String name = c.claim().claim();
        ClaimFeatureMapping.ColumnMapping column = c.column();
        if (value.isEmpty()) {
            if (credentialPresented && column.absentValue().isPresent()) {
                return column.absentValue().get();
            }
            throw new ScoringInputException(ScoringInputError.MISSING_CLAIM, name, "the model needs claim '" + name + "' ("
                    + c.credentialType() + (credentialPresented ? "), which was not disclosed" : "), which was not presented"));
        }
        JsonNode v = value.get();
        return switch (column.transform()) {
            case "identity" -> number(c, v);
            case "enum" -> coded(c, v, v.isTextual());
            case "boolean" -> coded(c, v, v.isBoolean());
            case "codedAmountBand" -> codedBand(c, v);
            case "percentBand" -> percentBand(c, v);
            case "amountBand" -> bandValue(c, v);
            default -> throw new IllegalStateException("transform checked in the constructor");
        };
    }

    private static ScoringInputException wrongType(String claim, String expected) {
        return new ScoringInputException(ScoringInputError.INVALID_CLAIM_TYPE, claim, "claim '" + claim + "' must be " + expected);
    }

    private static ScoringInputException outOfRange(String claim) {
        return new ScoringInputException(ScoringInputError.CLAIM_OUT_OF_RANGE, claim, "claim '" + claim + "' is out of range");
    }

    private static long integer(RequiredClaim c, JsonNode v) throws ScoringInputException {
        String name = c.claim().claim();
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(name, "a whole number");
        }
        if (!SchemaBounds.of(c.credentialType(), c.claim().path()).contains(v.asLong())) {
            throw outOfRange(name);
        }
        return v.asLong();
    }

    private static String number(RequiredClaim c, JsonNode v) throws ScoringInputException {
        if (c.claim().kind().equals("monetaryAmount")) {
            if (!v.isObject() || !v.has("amount")) {
                throw wrongType(c.claim().claim(), "an amount object");
            }
            v = v.get("amount");
        }
        return Long.toString(integer(c, v));
    }

    private static String coded(RequiredClaim c, JsonNode v, boolean rightType) throws ScoringInputException {
        String name = c.claim().claim();
        if (!rightType) {
            throw wrongType(name, c.column().transform().equals("boolean") ? "true or false" : "a text code");
        }
        for (Map.Entry<String, JsonNode> e : c.column().values().entrySet()) {
            if (e.getValue() != null && e.getValue().equals(v)) {
                return e.getKey();
            }
        }
        throw new ScoringInputException(ScoringInputError.UNKNOWN_CLAIM_VALUE, name,
                "claim '" + name + "' has a value that column '" + c.column().column() + "' of the model's data set does not know");
    }

    /** A band {minAmount, maxAmount?} checked for shape and order. */
    private static long[] band(RequiredClaim c, JsonNode v, String minMember, String maxMember) throws ScoringInputException {
        String name = c.claim().claim();
        if (!v.isObject() || !v.path(minMember).isIntegralNumber()
                || (v.has(maxMember) && !v.get(maxMember).isIntegralNumber())) {
            throw wrongType(name, "a band object with whole-number " + minMember + (v.has(maxMember) ? " and " + maxMember : ""));
        }
        long min = v.get(minMember).asLong();
        long max = v.has(maxMember) ? v.get(maxMember).asLong() : Long.MAX_VALUE;
        if (min < 0 || max <= min) {
            throw outOfRange(name);
        }
        return new long[] {min, max};
    }

    /** The coded value whose band contains the claimed band (a bureau may state a narrower band than the code). */
    private String codedBand(RequiredClaim c, JsonNode v) throws ScoringInputException {
        String name = c.claim().claim();
        long[] claimed = band(c, v, "minAmount", "maxAmount");
        Optional<String> currency = requirements.dataset().currency();
        if (currency.isPresent() && !currency.get().equals(v.path("currency").asText())) {
            throw new ScoringInputException(ScoringInputError.UNKNOWN_CLAIM_VALUE, name,
                    "claim '" + name + "' must be stated in " + currency.get() + ", the currency of the model's data set");
        }
        for (Map.Entry<String, JsonNode> e : c.column().values().entrySet()) {
            JsonNode coded = e.getValue();
            if (coded == null || !coded.isObject()) {
                continue;
            }
            long lo = coded.path("minAmount").asLong();
            long hi = coded.has("maxAmount") ? coded.get("maxAmount").asLong() : Long.MAX_VALUE;
            if (lo <= claimed[0] && claimed[1] <= hi) {
                return e.getKey();
            }
        }
        throw outOfRange(name);
    }

    /** The ordinal code whose [minPercent, maxPercent) contains the claimed percentage (MAPPING.md). */
    private static String percentBand(RequiredClaim c, JsonNode v) throws ScoringInputException {
        long p = integer(c, v);
        for (Map.Entry<String, JsonNode> e : c.column().values().entrySet()) {
            JsonNode coded = e.getValue();
            if (coded == null || !coded.isObject()) {
                continue;
            }
            long lo = coded.path("minPercent").asLong();
            long hi = coded.has("maxPercent") ? coded.get("maxPercent").asLong() : Long.MAX_VALUE;
            if (lo <= p && p < hi) {
                return e.getKey();
            }
        }
        throw outOfRange(c.claim().claim());
    }

    /**
     * A numeric column fed by a band: the band's midpoint, or its lower bound when open-ended. The issuer
     * states a band instead of the amount for privacy; the midpoint is the estimate that is unbiased for a
     * value uniform in the band.
     */
    private static String bandValue(RequiredClaim c, JsonNode v) throws ScoringInputException {
        long[] b = band(c, v, "minAmount", "maxAmount");
        BigDecimal value = b[1] == Long.MAX_VALUE ? BigDecimal.valueOf(b[0])
                : BigDecimal.valueOf(b[0]).add(BigDecimal.valueOf(b[1])).divide(BigDecimal.TWO);
        return value.stripTrailingZeros().toPlainString();
    }
}
