package org.creditmesh.scoring.scorecard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression through Tribuo: {@link LinearSGDTrainer} with the log-loss objective and
 * AdaGrad, a fresh trainer per fit so that the seed alone decides the shuffles. Used for both the
 * scorecard (on WoE features) and the one-hot baseline, so the two differ only in their features.
 */
public final class TribuoLogistic {

    public static final String BAD = "bad";
    public static final String GOOD = "good";
    public static final LabelFactory LABELS = new LabelFactory();
    public static final Label BAD_LABEL = new Label(BAD);
    public static final Label GOOD_LABEL = new Label(GOOD);

    /** Tribuo reports every epoch at INFO; a training run has its own progress callback. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    /** Fixed so that a dataset's provenance, hence the model's, does not depend on the clock. */
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TribuoLogistic() {
    }

    public static LinearSGDTrainer trainer(ScorecardConfig config) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate(), 0.1), config.epochs(), -1,
                config.minibatch(), config.seed());
    }

    public static LinearSGDModel fit(List<Example<Label>> examples, String description, ScorecardConfig config) {
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, EPOCH, LABELS), LABELS);
        dataset.addAll(examples);
        return trainer(config).train(dataset);
    }

    /** Log-odds of the bad class as a linear function: weights by feature name and the intercept. */
    public record Linear(java.util.Map<String, Double> weights, double intercept) {
    }

    /** The binary logit of a two-class softmax model: bad row minus good row of Tribuo's weight matrix. */
    public static Linear linear(LinearSGDModel model) {
        DenseMatrix w = model.getWeightsCopy();
        int bad = model.getOutputIDInfo().getID(BAD_LABEL);
        int good = model.getOutputIDInfo().getID(GOOD_LABEL);
        var map = model.getFeatureIDMap();
        java.util.Map<String, Double> weights = new java.util.TreeMap<>();
        for (var f : map) {
            int id = map.getID(f.getName());
            weights.put(f.getName(), w.get(bad, id) - w.get(good, id));
        }
        int biasColumn = w.getDimension2Size() - 1;
        return new Linear(weights, w.get(bad, biasColumn) - w.get(good, biasColumn));
    }

    /** Tribuo's probability of the bad class for an example. */
    public static double probabilityOfBad(LinearSGDModel model, Example<Label> example) {
        return model.predict(example).getOutputScores().get(BAD).getScore();
    }
}
