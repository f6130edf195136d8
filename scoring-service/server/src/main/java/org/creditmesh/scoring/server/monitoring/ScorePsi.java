package org.creditmesh.scoring.server.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.monitoring.Psi;
import org.creditmesh.scoring.scorecard.ScoreDistribution;
import org.creditmesh.scoring.server.registry.LoadedModel;
import org.creditmesh.scoring.server.scoring.ScoreStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The population stability index of a model's recent scores against its training scores (over the training-score
 * intervals the scorecard carries). Only the score: the service keeps no attribute values, so the per-attribute PSI of
 * the library needs the lender's own application data and is not offered here.
 */
@ApplicationScoped
public class ScorePsi {

    @Inject
    ScoreStore store;

    /** How many of the most recent scores are compared. */
    @ConfigProperty(name = "creditmesh.scoring.psi.window", defaultValue = "1000")
    int window;

    public ObjectNode of(LoadedModel model) {
        double[] recent = store.recent(model.ref(), window);
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode m = out.putObject("model");
        m.put("id", model.ref().id());
        m.put("version", model.ref().version());
        m.put("fingerprint", "sha256:" + model.scorecard().fingerprint());
        out.put("rows", recent.length);
        out.put("window", window);
        out.put("watchThreshold", Psi.WATCH);
        out.put("shiftThreshold", Psi.SHIFT);
        if (recent.length == 0) {
            out.putNull("psi");
            out.put("status", "NO_DATA");
            return out;
        }
        ScoreDistribution training = model.scorecard().trainingScores();
        double psi = Psi.psi(training.shares().stream().mapToDouble(Double::doubleValue).toArray(), training.counts(recent));
        out.put("psi", psi);
        out.put("status", Psi.status(psi).name());
        return out;
    }
}
