package org.creditmesh.scoring.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;
import org.creditmesh.scoring.tools.SyntheticCredit;
import org.junit.jupiter.api.Test;

class PsiTest {

    private static CreditData table(String csv) throws Exception {
        return CsvLoader.parse(csv.getBytes(StandardCharsets.UTF_8), CsvOptions.of("outcome", "default"));
    }

    @Test
    void psiSumsShareDifferencesTimesTheirLogRatio() {
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5)
        double expected = -0.25 * Math.log(0.5) + 0.25 * Math.log(1.5);
        assertThat(Psi.psi(new double[] {50, 50}, new double[] {25, 75})).isCloseTo(expected, within(1e-12)).isCloseTo(0.2747, within(1e-4));
        assertThat(Psi.psi(new double[] {10, 20, 30}, new double[] {1, 2, 3})).isCloseTo(0, within(1e-12));
    }

    @Test
    void thresholdsAreTenAndTwentyFiveHundredths() {
        assertThat(Psi.status(0.099)).isEqualTo(Psi.Status.STABLE);
        assertThat(Psi.status(0.10)).isEqualTo(Psi.Status.WATCH);
        assertThat(Psi.status(0.25)).isEqualTo(Psi.Status.SHIFT);
    }

    @Test
    void aFreshSampleOfTheSamePopulationIsStableAndAShiftedOneIsFlagged() throws Exception {
        CreditData train = table(SyntheticCredit.generate(2000, 1));
        Scorecard card = new ScorecardFitter(ScorecardConfig.defaults())
                .fit(train, IntStream.range(0, train.rows()).toArray(), Set.of("gender", "age")).scorecard();
        Psi.Report same = Psi.of(card, table(SyntheticCredit.generate(2000, 2)));
        assertThat(same.score().status()).isEqualTo(Psi.Status.STABLE);
        assertThat(same.attributes()).allSatisfy(e -> assertThat(e.status()).isEqualTo(Psi.Status.STABLE));

        // Everyone late on payments: the late_payments attribute and the score both shift.
        String shifted = SyntheticCredit.generate(2000, 3).lines()
                .map(l -> l.startsWith("months_employed") ? l : l.replaceFirst("^([^,]*,[^,]*,)[^,]*,", "$15,"))
                .reduce("", (a, b) -> a + b + "\n");
        Psi.Report moved = Psi.of(card, table(shifted));
        assertThat(moved.attributes()).filteredOn(e -> e.name().equals("late_payments"))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(Psi.Status.SHIFT));
        assertThat(moved.score().status()).isEqualTo(Psi.Status.SHIFT);
    }
}
