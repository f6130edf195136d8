package org.creditmesh.scoring.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * A model directory: {@code scorecard.json} (the points table, what scores), {@code logistic.tribuo}
 * (Tribuo's protobuf model, which carries Tribuo's full provenance) and {@code provenance.json}
 * (fingerprint, data SHA-256, configuration, trainer provenance). Loading recomputes the fingerprint
 * and checks the scorecard's coefficients against the Tribuo model, so an edited file is refused.
 *
 * <p>A model trained without Tribuo (federated training: the coefficients come from securely
 * aggregated gradient rounds, there is no Tribuo model) is saved by {@link #save(Path, Scorecard,
 * ScorecardConfig, String, String)} without {@code logistic.tribuo}; its trainer provenance names its
 * trainer and is covered by the fingerprint, and only such a trainer may lack the Tribuo file.
 */
public final class ModelStore {

    public static final String SCORECARD = "scorecard.json";
    public static final String TRIBUO_MODEL = "logistic.tribuo";
    public static final String PROVENANCE = "provenance.json";

    private ModelStore() {
    }

    /** Trainer provenance prefix of models trained without Tribuo (federated training). */
    public static final String NON_TRIBUO_TRAINER = "org.creditmesh.scoring.federated.";

    /** A loaded model directory; {@code model} is {@code null} for a model trained without Tribuo. */
    public record Loaded(Scorecard scorecard, LinearSGDModel model, ScorecardConfig config, String dataSha256) {
    }

    public static void save(Path dir, ScorecardFitter.Fit fit, ScorecardConfig config, String dataSha256) throws ScorecardException {
        try {
            Files.createDirectories(dir);
            var writer = Canonical.mapper().writer(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(dir.resolve(SCORECARD), writer.writeValueAsString(fit.scorecard()) + "\n", StandardCharsets.UTF_8);
            fit.model().serializeToFile(dir.resolve(TRIBUO_MODEL));
            ObjectNode prov = Canonical.mapper().createObjectNode();
            prov.put("fingerprint", fit.scorecard().fingerprint());
            prov.put("data_sha256", dataSha256);
            prov.set("config", config.toJson());
            prov.put("trainer_provenance", fit.trainerProvenance());
            prov.put("tribuo_version", Tribuo.VERSION);
            prov.put("tribuo_model_provenance", fit.model().getProvenance().toString());
            prov.put("saved_at", Instant.now().toString());
            Files.writeString(dir.resolve(PROVENANCE), writer.writeValueAsString(prov) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNWRITABLE_OUTPUT, "cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves a scorecard trained without Tribuo: {@code scorecard.json} and {@code provenance.json} only.
     *
     * @param trainerProvenance the trainer and its settings; must start with {@link #NON_TRIBUO_TRAINER}
     * @param dataSha256 the data hash the fingerprint was made with ({@code ""} when no party holds the data)
     */
    public static void save(Path dir, Scorecard scorecard, ScorecardConfig config, String dataSha256, String trainerProvenance)
            throws ScorecardException {
        if (!trainerProvenance.startsWith(NON_TRIBUO_TRAINER)) {
            throw new ScorecardException(ScorecardError.INVALID_CONFIG, "only a federated trainer saves a model without Tribuo");
        }
        try {
            Files.createDirectories(dir);
            var writer = Canonical.mapper().writer(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(dir.resolve(SCORECARD), writer.writeValueAsString(scorecard) + "\n", StandardCharsets.UTF_8);
            ObjectNode prov = Canonical.mapper().createObjectNode();
            prov.put("fingerprint", scorecard.fingerprint());
            prov.put("data_sha256", dataSha256);
            prov.set("config", config.toJson());
            prov.put("trainer_provenance", trainerProvenance);
            prov.put("saved_at", Instant.now().toString());
            Files.writeString(dir.resolve(PROVENANCE), writer.writeValueAsString(prov) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNWRITABLE_OUTPUT, "cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Loaded load(Path dir) throws ScorecardException {
        JsonNode card = json(dir.resolve(SCORECARD));
        if (!card.isObject()) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, SCORECARD + " is not a JSON object");
        }
        JsonNode prov = json(dir.resolve(PROVENANCE));
        Scorecard scorecard;
        try {
            scorecard = Canonical.mapper().treeToValue(card, Scorecard.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, SCORECARD + " is not a scorecard of format " + Scorecard.FORMAT, e);
        }
        if (scorecard.format() != Scorecard.FORMAT) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, SCORECARD + " has format " + scorecard.format() + ", this build reads " + Scorecard.FORMAT);
        }
        ScorecardConfig config = ScorecardConfig.fromJson(prov.get("config"));
        String dataSha = prov.path("data_sha256").asText("");
        String trainer = prov.path("trainer_provenance").asText("");
        com.fasterxml.jackson.databind.node.ObjectNode stored = card.deepCopy();
        stored.remove("fingerprint");
        String fp = Fingerprint.of(dataSha, prov.get("config"), trainer, stored);
        if (!fp.equals(scorecard.fingerprint()) || !fp.equals(prov.path("fingerprint").asText())) {
            throw new ScorecardException(ScorecardError.FINGERPRINT_MISMATCH, "the model in " + dir.getFileName() + " does not match its fingerprint");
        }
        if (trainer.startsWith(NON_TRIBUO_TRAINER)) {
            if (Files.exists(dir.resolve(TRIBUO_MODEL))) {
                throw new ScorecardException(ScorecardError.FINGERPRINT_MISMATCH, TRIBUO_MODEL + " is there but " + PROVENANCE + " names a trainer without Tribuo");
            }
            return new Loaded(scorecard, null, config, dataSha);
        }
        LinearSGDModel model;
        try {
            Model<?> m = Model.deserializeFromFile(dir.resolve(TRIBUO_MODEL));
            if (!(m instanceof LinearSGDModel lin)) {
                throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, TRIBUO_MODEL + " is not a Tribuo linear SGD model");
            }
            model = lin;
        } catch (IOException | RuntimeException e) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, "cannot read " + TRIBUO_MODEL + ": " + e.getMessage(), e);
        }
        if (!Fingerprint.trainerProvenance(model).equals(trainer)) {
            throw new ScorecardException(ScorecardError.FINGERPRINT_MISMATCH, TRIBUO_MODEL + " was not trained as " + PROVENANCE + " says");
        }
        TribuoLogistic.Linear linear = TribuoLogistic.linear(model);
        boolean same = linear.intercept() == scorecard.intercept();
        for (ScorecardAttribute a : scorecard.attributes()) {
            same &= linear.weights().getOrDefault(ScorecardFitter.WOE_PREFIX + a.name(), 0.0) == a.coefficient();
        }
        if (!same) {
            throw new ScorecardException(ScorecardError.FINGERPRINT_MISMATCH, SCORECARD + " coefficients differ from " + TRIBUO_MODEL);
        }
        return new Loaded(scorecard, model, config, dataSha);
    }

    private static JsonNode json(Path file) throws ScorecardException {
        try {
            return Json.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, "cannot read " + file.getFileName(), e);
        } catch (MalformedJsonException e) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, file.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
