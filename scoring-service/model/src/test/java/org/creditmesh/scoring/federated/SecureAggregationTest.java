package org.creditmesh.scoring.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SecureAggregationTest {

    private static final byte[] SESSION = "test session".getBytes(StandardCharsets.UTF_8);

    /** Largest chi-square over the 8 byte positions of the values, 255 degrees of freedom. */
    private static double worstByteChiSquare(long[] values) {
        double worst = 0;
        for (int pos = 0; pos < 8; pos++) {
            long[] freq = new long[256];
            for (long v : values) {
                freq[(int) ((v >>> (8 * pos)) & 0xff)]++;
            }
            double expected = values.length / 256.0;
            double chi = 0;
            for (long f : freq) {
                chi += (f - expected) * (f - expected) / expected;
            }
            worst = Math.max(worst, chi);
        }
        return worst;
    }

    /** Chi-square critical value for 255 degrees of freedom at p = 10⁻⁶ (Wilson–Hilferty), per byte position. */
    private static final double CRITICAL = 255 * Math.pow(1 - 2.0 / (9 * 255) + 4.753 * Math.sqrt(2.0 / (9 * 255)), 3);

    @Test
    void theCoordinatorsViewOfAConstantUpdateIsUniformOverTheRing() throws Exception {
        SecureAggregation.Party[] parties = SecureAggregation.setUp(3, SESSION, new SecureRandom());
        long constant = FixedPoint.encode(0.125, FixedPoint.GRADIENT_BITS);
        int rounds = 4000;
        int width = 8;
        long[] seen = new long[rounds * width];
        long[] plain = new long[width];
        java.util.Arrays.fill(plain, constant);
        for (int r = 0; r < rounds; r++) {
            System.arraycopy(parties[1].mask(plain, "round " + r + "/gradient"), 0, seen, r * width, width);
        }
        assertThat(worstByteChiSquare(seen)).isLessThan(CRITICAL);
        // The same test rejects the unmasked constant and a weak mask that leaves the high bytes alone,
        // so it can fail.
        long[] raw = new long[seen.length];
        java.util.Arrays.fill(raw, constant);
        assertThat(worstByteChiSquare(raw)).isGreaterThan(CRITICAL);
        Random weak = new Random(1);
        long[] weakMasked = new long[seen.length];
        for (int i = 0; i < weakMasked.length; i++) {
            weakMasked[i] = constant + (weak.nextLong() & 0xffffffffffffL);
        }
        assertThat(worstByteChiSquare(weakMasked)).isGreaterThan(CRITICAL);
    }

    @Test
    void theSumOfMaskedVectorsEqualsThePlainSumExactly() throws Exception {
        Random r = new Random(7);
        int n = 5;
        SecureAggregation.Party[] parties = SecureAggregation.setUp(n, SESSION, new SecureRandom());
        long[][] plain = new long[n][300];
        long[] expected = new long[300];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 300; k++) {
                plain[i][k] = FixedPoint.encode(r.nextGaussian() * 1e4, FixedPoint.GRADIENT_BITS);
                expected[k] += plain[i][k];
            }
        }
        long[] masked0 = parties[0].mask(plain[0], "counts");
        assertThat(masked0).isNotEqualTo(plain[0]);
        assertThat(SecureAggregation.sumAll(parties, plain, "counts")).containsExactly(expected);
    }

    @Test
    void aDroppedLendersOrphanedMasksAreRemovedFromTheRevealedSeeds() throws Exception {
        Random r = new Random(11);
        int n = 4;
        SecureAggregation.Party[] parties = SecureAggregation.setUp(n, SESSION, new SecureRandom());
        for (int dropped = 0; dropped < n; dropped++) {
            String label = "round 3/gradient";
            var agg = new SecureAggregation.Aggregator(label, java.util.List.of(0, 1, 2, 3), 50);
            var noReveal = new SecureAggregation.Aggregator(label, java.util.List.of(0, 1, 2, 3), 50);
            long[] expected = new long[50];
            for (int i = 0; i < n; i++) {
                long[] v = new long[50];
                for (int k = 0; k < 50; k++) {
                    v[k] = r.nextLong();
                }
                if (i != dropped) {
                    agg.submit(i, parties[i].mask(v, label));
                    noReveal.submit(i, parties[i].mask(v, label));
                    for (int k = 0; k < 50; k++) {
                        expected[k] += v[k];
                    }
                }
            }
            assertThat(agg.close()).containsExactly(dropped);
            int lost = dropped;
            assertThatThrownBy(() -> agg.submit(lost, new long[50])).isInstanceOf(IllegalStateException.class);
            Map<Integer, Map<Integer, byte[]>> seeds = new TreeMap<>();
            for (int s : agg.survivors()) {
                seeds.put(s, Map.of(dropped, parties[s].revealSeed(dropped, label)));
            }
            assertThat(agg.sum(seeds)).containsExactly(expected);
            // Without the reveals the sum is not recoverable.
            assertThatThrownBy(() -> noReveal.sum(Map.of())).isInstanceOf(IllegalStateException.class);
        }
    }
}
