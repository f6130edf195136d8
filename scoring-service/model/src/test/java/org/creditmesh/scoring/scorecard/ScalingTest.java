package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PDO scaling: score = offset + factor · ln(odds), factor = PDO / ln 2, offset = base − factor · ln(base odds). */
class ScalingTest {

    private final Scaling defaults = Scaling.of(ScorecardConfig.defaults());

    @Test
    void defaultsAre600PointsAt50To1With20PointsToDoubleTheOdds() {
        assertThat(defaults.baseScore()).isEqualTo(600);
        assertThat(defaults.baseOdds()).isEqualTo(50);
        assertThat(defaults.pdo()).isEqualTo(20);
    }

    @Test
    void oddsOf50To1Score600() {
        assertThat(defaults.scoreOfOdds(50)).isCloseTo(600, within(1e-9));
        assertThat(defaults.oddsOfScore(600)).isCloseTo(50, within(1e-9));
        assertThat(defaults.probabilityOfBad(600)).isCloseTo(1.0 / 51, within(1e-12));
    }

    @Test
    void twentyMorePointsDoubleTheOdds() {
        assertThat(defaults.scoreOfOdds(100)).isCloseTo(620, within(1e-9));
        assertThat(defaults.scoreOfOdds(25)).isCloseTo(580, within(1e-9));
        for (double s = 300; s <= 900; s += 37) {
            assertThat(defaults.oddsOfScore(s + 20) / defaults.oddsOfScore(s)).isCloseTo(2, within(1e-9));
        }
    }

    @Test
    void factorAndOffsetFollowTheTextbookFormulas() {
        double factor = 20 / Math.log(2);
        assertThat(defaults.factor()).isCloseTo(28.85390081777927, within(1e-12)).isCloseTo(factor, within(1e-12));
        assertThat(defaults.offset()).isCloseTo(600 - factor * Math.log(50), within(1e-9)).isCloseTo(487.1228, within(1e-4));
    }

    @Test
    void otherBasesScaleTheSameWay() {
        Scaling s = new Scaling(500, 20, 40);
        assertThat(s.scoreOfOdds(20)).isCloseTo(500, within(1e-9));
        assertThat(s.scoreOfOdds(40)).isCloseTo(540, within(1e-9));
    }
}
