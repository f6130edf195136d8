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
        assertThat(p.rhoCounts() / (p.rhoEdges() + p.rhoCounts() + p.rhoGradients())).isCloseTo(0.3, within(1e-6));
        assertThat(m.losses()).isEmpty();
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
