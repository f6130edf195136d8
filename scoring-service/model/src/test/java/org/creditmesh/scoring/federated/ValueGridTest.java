package org.creditmesh.scoring.federated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueGridTest {

    @Test
    void everyValueFallsInTheCellWhoseBoundsHoldItAsBinsReadThem() {
        ValueGrid grid = new ValueGrid(50);
        Random r = new Random(3);
        double[] special = {0, -0.0, 1, 10, 100, 1e10, -1e10, 1e12, -1e12, 1e-9, -1e-9, 19, 75, 250, 18424};
        for (int i = 0; i < 20000 + special.length; i++) {
            double v = i < special.length ? special[i] : (r.nextBoolean() ? -1 : 1) * Math.pow(10, r.nextDouble() * 16 - 5);
            int c = grid.cell(v);
            assertThat(v).isLessThanOrEqualTo(grid.upper(c));
            if (c > 0) {
                assertThat(v).isGreaterThan(grid.upper(c - 1));
            }
        }
        assertThat(grid.cell(100)).isEqualTo(grid.cell(Math.nextDown(100.0)));
        assertThat(grid.cell(Math.nextUp(100.0))).isEqualTo(grid.cell(100) + 1);
    }
}
