package org.creditmesh.scoring.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the shared credit data sets (read in place from {@code ../shared/data}, skipped with a message when
 * absent): a scorecard trained on all rows needs only claims the mapping table has, and every row, turned into
 * the claims a bureau would state for it through the table, maps back to the row's own values — so the table's
 * codes are the data's labels exactly. Amount bands (credit_data) are stated as [v, v + 2), whose midpoint is v + 1.
 */
class SharedDataMappingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "credit-g;credit-g.csv;class;bad;personal_status,foreign_worker,age",
        "credit_data;credit_data.csv;Status;bad;Age,Marital"})
    void everyRowRoundTripsThroughClaims(String dataset, String file, String target, String bad, String protectedColumns) throws Exception {
        Path csv = Path.of(System.getProperty("creditmesh.shared.dir", "../shared")).resolve("data").resolve(file);
        Assumptions.assumeTrue(Files.isReadable(csv), "skipped: shared data set " + csv + " is not here");
        CreditData data = CsvLoader.load(csv, CsvOptions.of(target, bad));
        Scorecard card = new ScorecardFitter(ScorecardConfig.defaults())
                .fit(data, IntStream.range(0, data.rows()).toArray(), Set.of(protectedColumns.split(","))).scorecard();
        ClaimFeatureMapping mapping = ClaimFeatureMapping.load();
        ClaimRequirements req = ClaimRequirements.derive(card, mapping, dataset);
        assertThat(req.all()).hasSameSizeAs(card.requiredAttributes());

        // Every scoring column, not only the ones this model picked.
        List<String> scoring = mapping.dataset(dataset).columns().values().stream()
                .filter(c -> c.role() == ClaimFeatureMapping.Role.SCORING).map(ClaimFeatureMapping.ColumnMapping::column).toList();
        ClaimRequirements all = ClaimRequirements.forAttributes(scoring, mapping, dataset);
        ClaimsToFeatures toFeatures = new ClaimsToFeatures(all);
        int rows = 0;
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, ObjectNode> byVct = new LinkedHashMap<>();
                ObjectNode application = Json.mapper().createObjectNode();
                Map<String, String> expected = new HashMap<>();
                for (RequiredClaim c : all.all()) {
                    String value = row.get(c.attribute());
                    JsonNode claim = claimFor(c, value);
                    expected.put(c.attribute(), c.column().transform().equals("amountBand") && claim != null
                            ? Long.toString(Long.parseLong(value) + 1) : value);
                    ObjectNode target0 = all.application().contains(c) ? application
                            : byVct.computeIfAbsent(c.vct(), v -> Json.mapper().createObjectNode().put("vct", v));
                    if (claim != null) {
                        ObjectNode parent = target0;
                        List<String> path = all.application().contains(c) ? List.of(c.claim().claim()) : c.claim().path();
                        for (String element : path.subList(0, path.size() - 1)) {
                            parent = parent.withObjectProperty(element);
                        }
                        parent.set(path.getLast(), claim);
                    }
                }
                Map<String, String> features = toFeatures.features(List.copyOf(byVct.values()), application);
                assertThat(features).as("row %d", row.getRecordNumber()).isEqualTo(expected);
                card.score(features);
                rows++;
            }
        }
        assertThat(rows).isEqualTo(data.rows());
    }

    /** The claim a bureau states for a column value, or null for "claim absent". */
    private static JsonNode claimFor(RequiredClaim c, String value) throws Exception {
        ClaimFeatureMapping.ColumnMapping column = c.column();
        if (column.values().containsKey(value)) {
            JsonNode coded = column.values().get(value);
            if (coded == null || coded.isNull()) {
                return null;
            }
            return column.transform().equals("percentBand") ? IntNode.valueOf(coded.path("minPercent").asInt()) : coded;
        }
        long v = Long.parseLong(value);
        return switch (column.transform()) {
            case "identity" -> IntNode.valueOf((int) v);
            case "amountBand" -> Json.parseObject("{\"minAmount\":" + v + ",\"maxAmount\":" + (v + 2) + ",\"currency\":\"EUR\"}");
            default -> throw new AssertionError("column " + column.column() + " has no code for a value");
        };
    }
}
