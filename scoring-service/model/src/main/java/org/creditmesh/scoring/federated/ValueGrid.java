package org.creditmesh.scoring.federated;

import java.util.Arrays;

/**
 * The public, data-independent grid on which lenders histogram numeric columns so that the
 * coordinator can place quantile cuts without seeing any value: cells are (e<sub>i−1</sub>, e<sub>i</sub>]
 * with edges 0 and ±10<sup>k/g</sup> for 10<sup>−4</sup> ≤ 10<sup>k/g</sup> ≤ 10<sup>10</sup>
 * ({@code g} edges per decade), plus the two unbounded end cells. Logarithmic spacing keeps the
 * relative resolution constant (10<sup>1/g</sup>) whatever a column's unit.
 */
public final class ValueGrid {

    private static final int MIN_DECADE = -4;
    private static final int MAX_DECADE = 10;

    private final double[] edges;

    public ValueGrid(int perDecade) {
        if (perDecade < 1 || perDecade > 1000) {
            throw new IllegalArgumentException("edges per decade out of range");
        }
        int span = (MAX_DECADE - MIN_DECADE) * perDecade;
        double[] pos = new double[span + 1];
        for (int k = 0; k <= span; k++) {
            pos[k] = Math.pow(10, MIN_DECADE + (double) k / perDecade);
        }
        edges = new double[2 * pos.length + 1];
        for (int k = 0; k < pos.length; k++) {
            edges[pos.length - 1 - k] = -pos[k];
            edges[pos.length + 1 + k] = pos[k];
        }
        edges[pos.length] = 0;
    }

    /** Number of cells: one more than the edges. */
    public int cells() {
        return edges.length + 1;
    }

    /** The cell of a value: the first edge at or above it (the end cell when above all). */
    public int cell(double v) {
        int i = Arrays.binarySearch(edges, v);
        return i >= 0 ? i : -i - 1;
    }

    /** The inclusive upper bound of a cell ({@code +∞} for the last). */
    public double upper(int cell) {
        return cell < edges.length ? edges[cell] : Double.POSITIVE_INFINITY;
    }
}
