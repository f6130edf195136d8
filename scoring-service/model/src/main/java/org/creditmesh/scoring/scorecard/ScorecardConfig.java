package org.creditmesh.scoring.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that shapes a scorecard and its evaluation. The defaults are the textbook ones (5% minimum
 * bin, IV ≥ 0.02, 600 points at 50:1 and 20 PDO, 5 × 10-fold CV); nothing here is fitted to a data set.
 *
 * @param folds cross-validation folds
 * @param repeats cross-validation repetitions (each with its own stratified shuffle)
 * @param seed seed of the fold shuffles and of Tribuo's SGD
 * @param fineBins quantile classes before coarse classing
 * @param minBinShare smallest share of training rows in a coarse bin (missing and special bins excepted)
 * @param maxBins most coarse bins per attribute, missing and special bins not counted
 * @param monotonic {@code auto}: numeric attributes get a monotonic bad rate, increasing or decreasing,
 *        whichever keeps more information; {@code none}: only size merges
 * @param woeSmoothing pseudo-count added to every bin's good and bad counts for the weight of evidence
 * @param minIv information value below which an attribute is left out
 * @param maxAttributes most attributes in the model (highest IV first)
 * @param dropWrongSign refit without attributes whose coefficient runs against their weight of evidence
 * @param epochs SGD epochs of Tribuo's logistic regression
 * @param learningRate AdaGrad initial learning rate
 * @param minibatch SGD minibatch size
 * @param baseScore points at {@code baseOdds}
 * @param baseOdds good:bad odds that score {@code baseScore}
 * @param pdo points that double the odds
 * @param bandCount score bands when {@code bandCuts} is empty (training-score quantiles)
 * @param bandCuts explicit band lower bounds, highest first (band A is at or above the first)
 * @param cutoff approval cut-off score; {@code null}: the training-score quantile at the bad rate
 * @param specialValues numeric codes (e.g. -999) that get a bin of their own
 * @param numericColumns columns forced numeric
 * @param categoricalColumns columns forced categorical
 * @param ignoreColumns columns neither modelled nor reported on (identifiers, dates)
 * @param protectedBands band lower bounds for numeric protected attributes; quartiles when absent
 * @param maxReasons most reason codes per score
 * @param fourFifths approval-rate ratio under which a group is flagged
 */
public record ScorecardConfig(int folds, int repeats, long seed,
                              int fineBins, double minBinShare, int maxBins, String monotonic, double woeSmoothing,
                              double minIv, int maxAttributes, boolean dropWrongSign,
                              int epochs, double learningRate, int minibatch,
                              double baseScore, double baseOdds, double pdo,
                              int bandCount, List<Double> bandCuts, Double cutoff,
                              List<Double> specialValues, List<String> numericColumns, List<String> categoricalColumns,
                              List<String> ignoreColumns, Map<String, List<Double>> protectedBands, int maxReasons, double fourFifths) {

    public ScorecardConfig {
        bandCuts = List.copyOf(bandCuts == null ? List.of() : bandCuts);
        specialValues = List.copyOf(specialValues == null ? List.of() : specialValues);
        numericColumns = List.copyOf(numericColumns == null ? List.of() : numericColumns);
        categoricalColumns = List.copyOf(categoricalColumns == null ? List.of() : categoricalColumns);
        ignoreColumns = List.copyOf(ignoreColumns == null ? List.of() : ignoreColumns);
        protectedBands = protectedBands == null ? Map.of() : Map.copyOf(new TreeMap<>(protectedBands));
    }

    public static ScorecardConfig defaults() {
        return new ScorecardConfig(10, 5, 42L,
                20, 0.05, 8, "auto", 0.5,
                0.02, 20, true,
                30, 1.0, 8,
                600, 50, 20,
                5, List.of(), null,
                List.of(), List.of(), List.of(), List.of(),
                Map.of(), 4, 0.8);
    }

    /** Checks ranges; throws {@code invalid_config} naming the key. */
    public ScorecardConfig validate() throws ScorecardException {
        require(folds >= 2, "folds", "at least 2");
        require(repeats >= 1, "repeats", "at least 1");
        require(fineBins >= 2, "fineBins", "at least 2");
        require(minBinShare > 0 && minBinShare < 0.5, "minBinShare", "in (0, 0.5)");
        require(maxBins >= 2, "maxBins", "at least 2");
        require(monotonic.equals("auto") || monotonic.equals("none"), "monotonic", "auto or none");
        require(woeSmoothing > 0, "woeSmoothing", "positive");
        require(minIv >= 0, "minIv", "not negative");
        require(maxAttributes >= 1, "maxAttributes", "at least 1");
        require(epochs >= 1, "epochs", "at least 1");
        require(learningRate > 0, "learningRate", "positive");
        require(minibatch >= 1, "minibatch", "at least 1");
        require(baseOdds > 0 && Double.isFinite(baseOdds), "baseOdds", "positive");
        require(pdo > 0 && Double.isFinite(pdo), "pdo", "positive");
        require(Double.isFinite(baseScore), "baseScore", "finite");
        require(bandCount >= 1, "bandCount", "at least 1");
        require(maxReasons >= 0, "maxReasons", "not negative");
        require(fourFifths > 0 && fourFifths <= 1, "fourFifths", "in (0, 1]");
        for (int i = 1; i < bandCuts.size(); i++) {
            require(bandCuts.get(i) < bandCuts.get(i - 1), "bandCuts", "strictly decreasing");
        }
        return this;
    }

    private static void require(boolean ok, String key, String what) throws ScorecardException {
        if (!ok) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "configuration '" + key + "' must be " + what);
        }
    }

    /** The defaults overlaid with the keys of a JSON object; an unknown key is refused. */
    public static ScorecardConfig fromJson(JsonNode overrides) throws ScorecardException {
        ObjectMapper mapper = Canonical.mapper();
        ObjectNode merged = mapper.valueToTree(defaults());
        if (overrides != null && !overrides.isNull()) {
            if (!overrides.isObject()) {
                throw new ScorecardException(ScorecardError.INVALID_CONFIG, "the configuration must be a JSON object");
            }
            var names = overrides.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!merged.has(name)) {
                    throw new ScorecardException(ScorecardError.INVALID_CONFIG, "unknown configuration key '" + name + "'");
                }
                merged.set(name, overrides.get(name));
            }
        }
        try {
            return mapper.treeToValue(merged, ScorecardConfig.class).validate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "configuration value of the wrong type: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "configuration value of the wrong type");
        }
    }

    /** The defaults overlaid with a JSON configuration file. */
    public static ScorecardConfig load(java.nio.file.Path file) throws ScorecardException {
        try {
            return fromJson(org.creditmesh.core.json.Json.parse(java.nio.file.Files.readAllBytes(file)));
        } catch (java.io.IOException e) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "cannot read the configuration " + file.getFileName(), e);
        } catch (org.creditmesh.core.json.MalformedJsonException e) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "the configuration is not valid JSON: " + e.getMessage(), e);
        }
    }

    public JsonNode toJson() {
        return Canonical.mapper().valueToTree(this);
    }

    public ScorecardConfig withCv(int newFolds, int newRepeats) {
        return new ScorecardConfig(newFolds, newRepeats, seed, fineBins, minBinShare, maxBins, monotonic, woeSmoothing,
                minIv, maxAttributes, dropWrongSign, epochs, learningRate, minibatch, baseScore, baseOdds, pdo,
                bandCount, bandCuts, cutoff, specialValues, numericColumns, categoricalColumns, ignoreColumns, protectedBands,
                maxReasons, fourFifths);
    }
}
