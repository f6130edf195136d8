package org.creditmesh.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonCodeTest {

    /** An attribute with two level bins, "best" and "worst", worth the given points. */
    private static ScorecardAttribute attribute(int index, double best, double worst) {
        List<Bin> bins = List.of(
                new Bin(Bin.Kind.LEVELS, null, null, null, List.of("best"), false, 90, 10, 1),
                new Bin(Bin.Kind.LEVELS, null, null, null, List.of("worst"), true, 50, 50, -1));
        AttributeBinning b = new AttributeBinning("attr" + index, false, "none", bins, 0.5);
        return new ScorecardAttribute(String.format("R%02d", index + 1), b, -1, List.of(best, worst));
    }

    private static Scorecard card(double[][] points) {
        List<ScorecardAttribute> attrs = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            attrs.add(attribute(i, points[i][0], points[i][1]));
        }
        return new Scorecard(Scorecard.FORMAT, "y", "bad", "good", List.of(), Scaling.of(ScorecardConfig.defaults()), 0, 500,
                attrs, List.of(new Band("A", 520.0), new Band("B", null)), 510, 4, null, "fp");
    }

    @Test
    void reasonsAreTheAttributesThatLostMostPointsAgainstTheirBestBinCostliestFirst() {
        Scorecard card = card(new double[][] {{10, 5}, {20, -10}, {8, 0}, {15, 14}, {30, 0}, {12, 2}});
        int[] allWorst = {1, 1, 1, 1, 1, 1};
        List<ReasonCode> reasons = card.reasons(allWorst);
        // lost: attr0 5, attr1 30, attr2 8, attr3 1, attr4 30, attr5 10
        assertThat(reasons).extracting(ReasonCode::attribute).containsExactly("attr1", "attr4", "attr5", "attr2");
        assertThat(reasons).extracting(ReasonCode::code).containsExactly("R02", "R05", "R06", "R03");
        assertThat(reasons).extracting(ReasonCode::pointsLost).containsExactly(30.0, 30.0, 10.0, 8.0);
        assertThat(reasons.getFirst().text()).contains("attr1").contains("worst").contains("best").contains("30 points");
    }

    @Test
    void attributesAtTheirBestBinGiveNoReason() {
        Scorecard card = card(new double[][] {{10, 5}, {20, -10}, {8, 0}});
        List<ReasonCode> reasons = card.reasons(new int[] {0, 1, 0});
        assertThat(reasons).extracting(ReasonCode::attribute).containsExactly("attr1");
        assertThat(card.reasons(new int[] {0, 0, 0})).isEmpty();
    }

    @Test
    void theScoreIsBasePointsPlusTheBinPointsWithBandAndDecision() throws ScorecardException {
        Scorecard card = card(new double[][] {{10, 5}, {20, -10}});
        ScoreResult best = card.score(java.util.Map.of("attr0", "best", "attr1", "best"));
        assertThat(best.score()).isEqualTo(530);
        assertThat(best.band()).isEqualTo("A");
        assertThat(best.approved()).isTrue();
        assertThat(best.reasons()).isEmpty();
        ScoreResult worst = card.score(java.util.Map.of("attr0", "worst", "attr1", "worst"));
        assertThat(worst.score()).isEqualTo(495);
        assertThat(worst.band()).isEqualTo("B");
        assertThat(worst.approved()).isFalse();
        assertThat(worst.probabilityOfBad()).isEqualTo(card.scaling().probabilityOfBad(495));
    }

    @Test
    void aRequestWithoutARequiredAttributeIsRefused() {
        Scorecard card = card(new double[][] {{10, 5}, {20, -10}});
        try {
            card.score(java.util.Map.of("attr0", "best"));
            throw new AssertionError("scored without attr1");
        } catch (ScorecardException e) {
            assertThat(e.code()).isEqualTo(ScorecardError.MISSING_ATTRIBUTE);
            assertThat(e.getMessage()).contains("'attr1'");
        }
    }
}
