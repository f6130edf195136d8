package org.creditmesh.scoring.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Stratified k-fold assignment: goods and bads are shuffled apart and dealt round the folds. */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** Fold number (0..k-1) of every row; the same seed gives the same folds. */
    public static int[] assign(int[] bad, int k, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[bad.length];
        int dealt = 0;
        for (int cls = 1; cls >= 0; cls--) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < bad.length; i++) {
                if (bad[i] == cls) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            for (int r : rows) {
                fold[r] = dealt++ % k;
            }
        }
        return fold;
    }

    public static int[] rows(int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }
}
