package org.creditmesh.scoring.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.junit.jupiter.api.Test;

/** Federated training on the committed synthetic table (600 rows): always runs in CI. */
class FederatedScorecardTest {

    private static CreditData synthetic() throws Exception {
        return CsvLoader.load(Path.of(FederatedScorecardTest.class.getResource("/synthetic/synthetic-credit.csv").toURI()),
                CsvOptions.of("outcome", "default"));
    }

    @Test
    void federatedTrainingOverThreeLendersMatchesPooledAucWithinHalfAPoint() throws Exception {
        CreditData data = synthetic();
        var r = FederatedEvaluation.run(data, Set.of("gender", "age"), ScorecardConfig.defaults(), 3, 5, 5,
                List.of(FederatedScorecard.Options.plain()), 1L);
        assertThat(r.federated()[0]).isCloseTo(r.pooled(), within(0.005));
        FederatedScorecard.Model m = r.lastModels().getFirst();
        assertThat(m.attributes()).extracting(a -> a.name()).doesNotContain("gender", "age");
        assertThat(java.util.Arrays.stream(m.coefficients()).max().orElseThrow()).isLessThanOrEqualTo(0);
        // Gradient descent with step 1/L does not increase the loss after the momentum warm-up settles.
        assertThat(m.losses().getLast()).isLessThan(m.losses().getFirst());
        assertThat(m.privacy()).isNull();
    }

    @Test
    void federatedTrainingDoesNotDependOnTheKeysOrTheSplitSeedBeyondTheRowsEachLenderHolds() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var a = new FederatedScorecard(ScorecardConfig.defaults()).train(lenders, Set.of(), FederatedScorecard.Options.plain(),
                FederatedEvaluation.random(1L));
        var b = new FederatedScorecard(ScorecardConfig.defaults()).train(lenders, Set.of(), FederatedScorecard.Options.plain(),
                FederatedEvaluation.random(2L));
        // Different X25519 keys, hence different masks: the masks cancel exactly, so the models are identical.
        assertThat(a.coefficients()).containsExactly(b.coefficients());
        assertThat(a.intercept()).isEqualTo(b.intercept());
    }

    @Test
    void differentialPrivacySpendsExactlyTheRequestedBudgetAndKeepsSignal() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var m = new FederatedScorecard(ScorecardConfig.defaults()).train(lenders, Set.of(), FederatedScorecard.Options.dp(4),
                FederatedEvaluation.random(3L));
        var p = m.privacy();
        assertThat(p.epsilon()).isLessThanOrEqualTo(4 + 1e-9).isGreaterThan(3.99);
        double total = p.rhoEdges() + p.rhoCounts() + p.rhoGradients() + p.rhoScores();
        assertThat(total).isCloseTo(org.creditmesh.scoring.privacy.Zcdp.rhoFor(4, 1e-5), within(1e-6 * total));
        var split = FederatedScorecard.Budget.DEFAULT;
        assertThat(p.rhoCounts() / total).isCloseTo(split.counts(), within(1e-6));
        assertThat(p.rhoGradients() / total).isCloseTo(split.gradients(), within(1e-6));
        assertThat(p.rhoScores() / total).isCloseTo(split.scores(), within(1e-6));
        // Distributed noise: three shares of σ²/3 each, the summed σ that of the central mechanism.
        assertThat(p.sigmaCounts()).isCloseTo(Math.sqrt(3) * p.shareSigmaCounts(), within(1e-9));
        assertThat(p.sigmaCounts()).isCloseTo(org.creditmesh.scoring.privacy.Zcdp.sigmaFor(Math.sqrt(data.columns().size()),
                p.rhoCounts()), within(1e-6 * p.sigmaCounts()));
        assertThat(m.losses()).isEmpty();
        // 600 rows at ε = 4: the predicted coefficient noise of the gradient phase is under the limit, so it runs.
        assertThat(p.predictedCoefficientSd()).isPositive().isLessThanOrEqualTo(FederatedScorecard.Options.MAX_COEFFICIENT_NOISE);
        assertThat(p.gradientRounds()).isEqualTo(FederatedScorecard.Options.DP_ROUNDS);
        // The synthetic table has a strong signal (pooled AUC ≈ 0.8): at ε = 4 the model keeps it.
        int[] bad = data.badFlags();
        double[] scores = m.scorecard().scoreRows(data, rows);
        double[] pBad = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            pBad[i] = m.scorecard().scaling().probabilityOfBad(scores[i]);
        }
        assertThat(org.creditmesh.scoring.evaluation.Metrics.auc(pBad, bad)).isGreaterThan(0.7);
    }

    @Test
    void underASmallBudgetTheGradientPhaseIsSkippedAndItsShareGoesToTheCounts() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var m = new FederatedScorecard(ScorecardConfig.defaults()).train(lenders, Set.of(), FederatedScorecard.Options.dp(1),
                FederatedEvaluation.random(7L));
        var p = m.privacy();
        // 600 rows at ε = 1: σ ≈ 1/(√ρ_g·N̂·π(1−π)·0.1) is well above ½, decided from phase 1's noisy totals.
        assertThat(p.predictedCoefficientSd()).isGreaterThan(FederatedScorecard.Options.MAX_COEFFICIENT_NOISE);
        assertThat(p.gradientRounds()).isZero();
        assertThat(p.rhoGradients()).isZero();
        double total = p.rhoEdges() + p.rhoCounts() + p.rhoGradients() + p.rhoScores();
        assertThat(total).isCloseTo(org.creditmesh.scoring.privacy.Zcdp.rhoFor(1, 1e-5), within(1e-6 * total));
        assertThat(p.epsilon()).isLessThanOrEqualTo(1 + 1e-9);
        var split = FederatedScorecard.Budget.DEFAULT;
        assertThat(p.rhoCounts() / total).isCloseTo(split.counts() + split.gradients(), within(1e-6));
        // The naive scorecard: every WoE coefficient −1.
        assertThat(m.coefficients()).containsOnly(-1.0);
    }

    @Test
    void aLenderDroppingOutOfTheCountingPhaseLeavesTheSurvivorsExactCounts() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var fit = new FederatedScorecard(ScorecardConfig.defaults());
        var m = fit.withDropout(1, FederatedScorecard.Phase.COUNTS).train(lenders, Set.of(), FederatedScorecard.Options.plain(),
                FederatedEvaluation.random(8L));
        // Lender 1 answered the cut points and is silent from the counts on; the coordinator unmasked the
        // counts with lenders 0 and 2's seed reveals for that label. Every bin holds exactly the goods
        // and bads of the survivors' rows that fall in it, and nothing of lender 1's.
        int[] bad = data.badFlags();
        assertThat(m.attributes()).isNotEmpty();
        for (var b : m.attributes()) {
            var column = data.column(b.name()).orElseThrow();
            long[][] expected = new long[b.bins().size()][2];
            long survivors = 0;
            for (int l : new int[] {0, 2}) {
                for (int r : lenders.get(l).rows()) {
                    expected[b.binOf(column, r)][bad[r]]++;
                    survivors++;
                }
            }
            long total = 0;
            for (int i = 0; i < expected.length; i++) {
                assertThat(b.bins().get(i).goods()).as(b.name() + " bin " + i + " goods").isEqualTo(expected[i][0]);
                assertThat(b.bins().get(i).bads()).as(b.name() + " bin " + i + " bads").isEqualTo(expected[i][1]);
                total += b.bins().get(i).count();
            }
            assertThat(total).isEqualTo(survivors).isLessThan(rows.length);
        }
        // The score histogram is the survivors' too: the training-score distribution is over their rows.
        var full = fit.train(lenders, Set.of(), FederatedScorecard.Options.plain(), FederatedEvaluation.random(9L));
        assertThat(m.scorecard().fingerprint()).isNotEqualTo(full.scorecard().fingerprint());
    }

    @Test
    void underDpACountingPhaseDropoutBeyondTheToleranceIsRefusedBeforeUnmasking() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var fit = new FederatedScorecard(ScorecardConfig.defaults()).withDropout(0, FederatedScorecard.Phase.COUNTS);
        assertThatThrownBy(() -> fit.train(lenders, Set.of(), FederatedScorecard.Options.dp(4), FederatedEvaluation.random(10L)))
                .isInstanceOfSatisfying(org.creditmesh.scoring.scorecard.ScorecardException.class,
                        e -> assertThat(e.getMessage()).contains("2 of 3 lenders answered counts"));
        var tolerant = fit.train(lenders, Set.of(), FederatedScorecard.Options.dp(4).withTolerated(1), FederatedEvaluation.random(10L));
        assertThat(tolerant.privacy().epsilon()).isLessThanOrEqualTo(4 + 1e-9);
        assertThat(tolerant.scorecard().attributes()).isNotEmpty();
    }

    @Test
    void underDpADropoutWithinTheToleranceTrainsAndOneBeyondItIsRefusedBeforeUnmasking() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var fit = new FederatedScorecard(ScorecardConfig.defaults()).withDropout(2, 1);
        var tolerant = fit.train(lenders, Set.of(), FederatedScorecard.Options.dp(4).withTolerated(1), FederatedEvaluation.random(4L));
        var p = tolerant.privacy();
        // Each lender adds σ²/(N − t) = σ²/2: two survivors carry the central σ the budget was set for.
        assertThat(p.tolerated()).isEqualTo(1);
        assertThat(Math.sqrt(2) * p.shareSigmaCounts()).isCloseTo(org.creditmesh.scoring.privacy.Zcdp.sigmaFor(
                Math.sqrt(data.columns().size()), p.rhoCounts()), within(1e-6 * p.shareSigmaCounts()));
        assertThat(p.epsilon()).isLessThanOrEqualTo(4 + 1e-9);
        assertThat(tolerant.scorecard().attributes()).isNotEmpty();
        assertThatThrownBy(() -> fit.train(lenders, Set.of(), FederatedScorecard.Options.dp(4), FederatedEvaluation.random(4L)))
                .isInstanceOfSatisfying(org.creditmesh.scoring.scorecard.ScorecardException.class,
                        e -> assertThat(e.getMessage()).contains("2 of 3 lenders answered gradient round 1"));
        assertThatThrownBy(() -> fit.train(lenders, Set.of(), FederatedScorecard.Options.dp(4).withTolerated(3),
                FederatedEvaluation.random(4L))).isInstanceOf(org.creditmesh.scoring.scorecard.ScorecardException.class)
                .hasMessageContaining("tolerated");
    }

    @Test
    void theFederatedModelIsAScorecardThatIsStoredFingerprintedAndScored(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        ScorecardConfig config = ScorecardConfig.defaults();
        for (var options : List.of(FederatedScorecard.Options.plain(), FederatedScorecard.Options.dp(2))) {
            var m = new FederatedScorecard(config).train(lenders, Set.of("gender", "age"), options, FederatedEvaluation.random(6L));
            var card = m.scorecard();
            // Points are −factor·coefficient·WoE: the scorecard's probability is the model's.
            for (int r = 0; r < 50; r++) {
                assertThat(card.scaling().probabilityOfBad(card.scoreRow(data, r))).isCloseTo(m.probabilityOfBad(data, r), within(1e-9));
            }
            assertThat(card.protectedAttributes()).containsExactly("age", "gender");
            assertThat(card.bands()).hasSizeGreaterThan(1);
            assertThat(card.trainingScores().shares().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
            assertThat(card.fingerprint()).isEqualTo(org.creditmesh.scoring.scorecard.Fingerprint.of("", config, m.trainerProvenance(), card));
            Path out = dir.resolve(options.epsilon() == null ? "plain" : "dp");
            org.creditmesh.scoring.scorecard.ModelStore.save(out, card, config, "", m.trainerProvenance());
            var loaded = org.creditmesh.scoring.scorecard.ModelStore.load(out);
            assertThat(loaded.scorecard()).isEqualTo(card);
            assertThat(loaded.model()).isNull();
            // Scored from attribute text like any stored model.
            java.util.Map<String, String> applicant = new java.util.HashMap<>();
            for (String name : card.requiredAttributes()) {
                applicant.put(name, data.column(name).orElseThrow().text(0));
            }
            var result = loaded.scorecard().score(applicant);
            assertThat(result.score()).isCloseTo(card.scoreRow(data, 0), within(1e-9));
            assertThat(result.modelFingerprint()).isEqualTo(card.fingerprint());
            // An edited points table no longer matches the fingerprint.
            Path json = out.resolve(org.creditmesh.scoring.scorecard.ModelStore.SCORECARD);
            java.nio.file.Files.writeString(json, java.nio.file.Files.readString(json).replaceFirst("\"cutoff\" : [-0-9.E]+", "\"cutoff\" : 1.0"));
            assertThatThrownBy(() -> org.creditmesh.scoring.scorecard.ModelStore.load(out))
                    .isInstanceOfSatisfying(org.creditmesh.scoring.scorecard.ScorecardException.class,
                            e -> assertThat(e.code()).isEqualTo(org.creditmesh.scoring.scorecard.ScorecardError.FINGERPRINT_MISMATCH));
        }
    }

    @Test
    void aLenderDroppingOutMidTrainingLeavesTheExactSumOfTheOthers() throws Exception {
        CreditData data = synthetic();
        int[] rows = java.util.stream.IntStream.range(0, data.rows()).toArray();
        var lenders = FederatedEvaluation.split(data, rows, 3, new Random(5));
        var fit = new FederatedScorecard(ScorecardConfig.defaults());
        var dropped = fit.withDropout(1, 0).train(lenders, Set.of(), FederatedScorecard.Options.plain(), FederatedEvaluation.random(1L));
        // Lender 1 answers the counting phases, then is gone from the first gradient round: the same as
        // descending on the rows of lenders 0 and 2 alone with the bins of all three.
        var late = fit.withDropout(1, 150).train(lenders, Set.of(), FederatedScorecard.Options.plain(), FederatedEvaluation.random(2L));
        var full = fit.train(lenders, Set.of(), FederatedScorecard.Options.plain(), FederatedEvaluation.random(3L));
        assertThat(dropped.attributes()).isEqualTo(full.attributes());
        assertThat(dropped.coefficients()).isNotEqualTo(full.coefficients());
        assertThat(late.losses().subList(0, 150)).isEqualTo(full.losses().subList(0, 150));
        assertThat(late.losses().get(150)).isNotEqualTo(full.losses().get(150));
        // The survivors' loss is a mean over their rows only: finite and close to the full one.
        assertThat(dropped.losses().getLast()).isCloseTo(full.losses().getLast(), within(0.1));
        assertThatThrownBy(() -> fit.withDropout(3, 0).train(lenders, Set.of(), FederatedScorecard.Options.plain(),
                FederatedEvaluation.random(1L))).isInstanceOf(org.creditmesh.scoring.scorecard.ScorecardException.class);
        assertThatThrownBy(() -> fit.train(lenders, Set.of(), new FederatedScorecard.Options(10, 50, -1.0, 1e-5, 1, 0, null),
                FederatedEvaluation.random(1L))).isInstanceOf(org.creditmesh.scoring.scorecard.ScorecardException.class)
                .hasMessageContaining("epsilon");
    }
}
