package org.creditmesh.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aucCountsPairsOrderedRightAndTiesAsHalf() {
        // bads at 0.9, 0.4; goods at 0.8, 0.4, 0.1: pairs (bad > good) = 3 + 0.5 (tie) + 1 = of 6 → 4.5 / 6
        double[] p = {0.9, 0.4, 0.8, 0.4, 0.1};
        int[] y = {1, 1, 0, 0, 0};
        assertThat(Metrics.auc(p, y)).isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.gini(0.75)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void perfectAndReversedRankingsGiveOneAndZero() {
        int[] y = {0, 0, 1, 1};
        assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
        assertThat(Metrics.ks(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
    }

    @Test
    void ksIsTheLargestGapBetweenTheCumulativeDistributions() {
        // sorted: g0.1 b0.2 g0.3 b0.4 → after each: |0-.5|=.5, |.5-.5|=0, |.5-1|=.5, 0
        assertThat(Metrics.ks(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1})).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void brierIsTheMeanSquaredError() {
        assertThat(Metrics.brier(new double[] {0.2, 0.7}, new int[] {0, 1})).isCloseTo((0.04 + 0.09) / 2, within(1e-12));
    }

    @Test
    void calibrationGroupsRowsByPredictedProbability() {
        double[] p = {0.1, 0.1, 0.9, 0.9};
        var rows = Metrics.calibration(p, new int[] {0, 0, 1, 0}, 2);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).predicted()).isCloseTo(0.1, within(1e-12));
        assertThat(rows.get(0).observed()).isEqualTo(0.0);
        assertThat(rows.get(1).observed()).isEqualTo(0.5);
    }

    @Test
    void stratifiedFoldsKeepTheBadRateInEveryFold() {
        int[] bad = new int[1000];
        for (int i = 0; i < 300; i++) {
            bad[i * 3] = 1;
        }
        int[] fold = StratifiedFolds.assign(bad, 10, 1);
        for (int f = 0; f < 10; f++) {
            int[] rows = StratifiedFolds.rows(fold, f, true);
            assertThat(rows).hasSize(100);
            assertThat(Arrays.stream(rows).map(r -> bad[r]).sum()).isEqualTo(30);
        }
        assertThat(StratifiedFolds.assign(bad, 10, 1)).isEqualTo(fold);
    }
}
