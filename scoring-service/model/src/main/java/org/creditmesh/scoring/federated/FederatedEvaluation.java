package org.creditmesh.scoring.federated;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.evaluation.Metrics;
import org.creditmesh.scoring.evaluation.StratifiedFolds;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * Pooled against federated training on the same stratified folds: per fold, the pooled scorecard
 * ({@link ScorecardFitter}) and the federated one over {@code lenders} random, equal-sized shares of the
 * training rows, both measured by AUC on the held-out fold.
 */
public final class FederatedEvaluation {

    private FederatedEvaluation() {
    }

    /** Mean test AUCs over the folds; {@code federated[i]} for {@code options.get(i)}. */
    public record Result(int folds, double pooled, double[] federated, List<FederatedScorecard.Model> lastModels) {
    }

    /**
     * @param folds folds (each held out once)
     * @param foldsRun how many of them to run (for a cheaper check), at most {@code folds}
     * @param noiseSeed seed of the SHA1PRNG feeding keys and DP noise; {@code null}: a fresh {@link SecureRandom}
     */
    public static Result run(CreditData data, Set<String> protectedAttributes, ScorecardConfig config, int lenders,
                             int folds, int foldsRun, List<FederatedScorecard.Options> options, Long noiseSeed)
            throws ScorecardException {
        int[] bad = data.badFlags();
        int[] fold = StratifiedFolds.assign(bad, folds, config.seed());
        double pooled = 0;
        double[] fed = new double[options.size()];
        List<FederatedScorecard.Model> last = new ArrayList<>();
        SecureRandom noise = random(noiseSeed);
        for (int f = 0; f < foldsRun; f++) {
            int[] train = StratifiedFolds.rows(fold, f, false);
            int[] test = StratifiedFolds.rows(fold, f, true);
            int[] y = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                y[i] = bad[test[i]];
            }
            Scorecard card = new ScorecardFitter(config).fit(data, train, protectedAttributes).scorecard();
            double[] scores = card.scoreRows(data, test);
            double[] p = new double[test.length];
            for (int i = 0; i < test.length; i++) {
                p[i] = card.scaling().probabilityOfBad(scores[i]);
            }
            pooled += Metrics.auc(p, y) / foldsRun;
            List<FederatedScorecard.Lender> split = split(data, train, lenders, new Random(config.seed() + f));
            last.clear();
            for (int o = 0; o < options.size(); o++) {
                FederatedScorecard.Model m = new FederatedScorecard(config).train(split, protectedAttributes, options.get(o), noise);
                last.add(m);
                // Scored as any stored model is: through the federated Scorecard's points.
                double[] fs = m.scorecard().scoreRows(data, test);
                double[] q = new double[test.length];
                for (int i = 0; i < test.length; i++) {
                    q[i] = m.scorecard().scaling().probabilityOfBad(fs[i]);
                }
                fed[o] += Metrics.auc(q, y) / foldsRun;
            }
        }
        return new Result(foldsRun, pooled, fed, List.copyOf(last));
    }

    /** Random, equal-sized shares of the rows, one per lender. */
    public static List<FederatedScorecard.Lender> split(CreditData data, int[] rows, int lenders, Random random) {
        List<Integer> shuffled = new ArrayList<>();
        for (int r : rows) {
            shuffled.add(r);
        }
        Collections.shuffle(shuffled, random);
        List<FederatedScorecard.Lender> out = new ArrayList<>();
        for (int l = 0; l < lenders; l++) {
            int from = l * shuffled.size() / lenders;
            int to = (l + 1) * shuffled.size() / lenders;
            out.add(new FederatedScorecard.Lender(data, shuffled.subList(from, to).stream().mapToInt(Integer::intValue).sorted().toArray()));
        }
        return out;
    }

    /** A seeded SHA1PRNG (repeatable) or a fresh system {@link SecureRandom}. */
    public static SecureRandom random(Long seed) {
        if (seed == null) {
            return new SecureRandom();
        }
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is not available", e);
        }
    }
}
