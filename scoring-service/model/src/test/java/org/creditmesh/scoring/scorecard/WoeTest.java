package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Weight of evidence and information value against values computed by hand on a three-bin table. */
class WoeTest {

    // Bins: goods 40, 30, 30 (G = 100); bads 10, 20, 30 (B = 60).
    private static final long[] GOODS = {40, 30, 30};
    private static final long[] BADS = {10, 20, 30};

    @Test
    void weightOfEvidenceIsTheLogOfGoodShareOverBadShare() {
        double[] w = Woe.woe(GOODS, BADS, 0);
        // ln(0.40 / (10/60)) = ln 2.4; ln(0.30 / (20/60)) = ln 0.9; ln(0.30 / 0.50) = ln 0.6
        assertThat(w[0]).isCloseTo(0.8754687373538999, within(1e-12));
        assertThat(w[1]).isCloseTo(-0.10536051565782628, within(1e-12));
        assertThat(w[2]).isCloseTo(-0.5108256237659907, within(1e-12));
    }

    @Test
    void informationValueSumsShareDifferencesTimesWeightOfEvidence() {
        // (0.4 - 1/6)·ln 2.4 + (0.3 - 1/3)·ln 0.9 + (0.3 - 0.5)·ln 0.6
        double expected = (0.4 - 1.0 / 6) * Math.log(2.4) + (0.3 - 1.0 / 3) * Math.log(0.9) + (0.3 - 0.5) * Math.log(0.6);
        assertThat(expected).isCloseTo(0.30995, within(1e-5));
        assertThat(Woe.iv(GOODS, BADS, 0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void smoothingAddsThePseudoCountToEveryBin() {
        // a = 0.5, k = 3: ln(((40.5)/(101.5)) / ((10.5)/(61.5)))
        double[] w = Woe.woe(GOODS, BADS, 0.5);
        assertThat(w[0]).isCloseTo(Math.log((40.5 / 101.5) / (10.5 / 61.5)), within(1e-12));
        assertThat(w[0]).isCloseTo(0.84891, within(1e-5));
    }

    @Test
    void smoothingKeepsABinWithoutBadsFinite() {
        double[] w = Woe.woe(new long[] {10, 10}, new long[] {0, 5}, 0.5);
        assertThat(w[0]).isFinite().isPositive();
        assertThat(Woe.iv(new long[] {10, 10}, new long[] {0, 5}, 0.5)).isFinite();
    }
}
